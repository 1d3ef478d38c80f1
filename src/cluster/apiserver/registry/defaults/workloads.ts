// Defaults of the workload APIs: apps/v1 (pkg/apis/apps/v1/defaults.go SetDefaults_Deployment,
// _ReplicaSet, _DaemonSet, _StatefulSet) and batch/v1 (pkg/apis/batch/v1/defaults.go SetDefaults_Job),
// each with its pod template defaulted as SetDefaults_PodTemplateSpec does.
import type { Json } from "../../validation/common";
import { defaultPodTemplate } from "./pod";
import { canonicalizePodSpecQuantities } from "./quantities";

function template(obj: Json, kind: string, apiVersion: string): void {
  const spec = (obj.spec ??= {});
  canonicalizePodSpecQuantities(spec.template?.spec, kind, apiVersion);
  defaultPodTemplate((spec.template ??= {}));
}

export function defaultDeployment(d: Json): void {
  template(d, "Deployment", "apps/v1");
  const spec = d.spec;
  spec.replicas ??= 1;
  const st = (spec.strategy ??= {});
  if (!st.type) st.type = "RollingUpdate";
  if (st.type === "RollingUpdate") {
    st.rollingUpdate ??= {};
    st.rollingUpdate.maxUnavailable ??= "25%";
    st.rollingUpdate.maxSurge ??= "25%";
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
}

export function defaultReplicaSet(rs: Json): void {
  template(rs, "ReplicaSet", "apps/v1");
  rs.spec.replicas ??= 1;
}

export function defaultDaemonSet(ds: Json): void {
  template(ds, "DaemonSet", "apps/v1");
  const us = (ds.spec.updateStrategy ??= {});
  if (!us.type) us.type = "RollingUpdate";
  if (us.type === "RollingUpdate") {
    us.rollingUpdate ??= {};
    us.rollingUpdate.maxUnavailable ??= 1;
    us.rollingUpdate.maxSurge ??= 0;
  }
  ds.spec.revisionHistoryLimit ??= 10;
}

export function defaultStatefulSet(sts: Json): void {
  template(sts, "StatefulSet", "apps/v1");
  const spec = sts.spec;
  if (!spec.podManagementPolicy) spec.podManagementPolicy = "OrderedReady";
  const us = (spec.updateStrategy ??= {});
  if (!us.type) {
    us.type = "RollingUpdate";
    us.rollingUpdate ??= {};
  }
  if (us.type === "RollingUpdate" && us.rollingUpdate) us.rollingUpdate.partition ??= 0;
  const pvc = (spec.persistentVolumeClaimRetentionPolicy ??= {});
  if (!pvc.whenDeleted) pvc.whenDeleted = "Retain";
  if (!pvc.whenScaled) pvc.whenScaled = "Retain";
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  for (const claim of (spec.volumeClaimTemplates ?? []) as Json[]) {
    claim.apiVersion ??= "v1";
    claim.kind ??= "PersistentVolumeClaim";
    claim.spec ??= {};
    claim.spec.volumeMode ??= "Filesystem";
    claim.status ??= { phase: "Pending" };
  }
}

export function defaultJob(job: Json): void {
  template(job, "Job", "batch/v1");
  const spec = job.spec;
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex != null ? 2147483647 : 6;
  const labels = spec.template?.metadata?.labels;
  if (labels && Object.keys(job.metadata?.labels ?? {}).length === 0) job.metadata.labels = { ...labels };
  if (!spec.completionMode) spec.completionMode = "NonIndexed";
  spec.suspend ??= false;
  if (spec.podFailurePolicy) {
    for (const rule of (spec.podFailurePolicy.rules ?? []) as Json[]) {
      for (const p of (rule.onPodConditions ?? []) as Json[]) if (!p.status) p.status = "True";
    }
  }
  spec.manualSelector ??= false;
  if (!spec.podReplacementPolicy) spec.podReplacementPolicy = spec.podFailurePolicy ? "Failed" : "TerminatingOrFailed";
}

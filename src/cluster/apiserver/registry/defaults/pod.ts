// Pod and PodSpec defaults, as pkg/apis/core/v1/defaults.go (SetDefaults_Pod, SetDefaults_PodSpec,
// SetDefaults_Container, SetDefaults_ContainerPort, SetDefaults_Probe, SetDefaults_HTTPGetAction,
// SetDefaults_Volume and the volume sources, SetDefaults_ObjectFieldSelector) plus the v1
// conversion's serviceAccount ↔ serviceAccountName mirror.
import type { Json } from "../../validation/common";

const DEFAULT_MODE = 0o644; // 420

/** The tag of an image reference as docker's parser sees it: "latest" when neither tag nor digest. */
export function imageTag(image: string): string {
  const ref = image.split("@");
  const lastSlash = ref[0].lastIndexOf("/");
  const lastPart = ref[0].slice(lastSlash + 1);
  const colon = lastPart.indexOf(":");
  if (colon >= 0) return lastPart.slice(colon + 1);
  return ref.length > 1 ? "" : "latest";
}

function defaultHandler(h: Json): void {
  if (!h) return;
  if (h.httpGet) {
    h.httpGet.path ??= "/";
    h.httpGet.scheme ??= "HTTP";
  }
}

function defaultProbe(p: Json): void {
  if (!p) return;
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  defaultHandler(p);
}

function defaultFieldRef(ref: Json): void {
  if (ref && !ref.apiVersion) ref.apiVersion = "v1";
}

export function defaultContainer(c: Json): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = imageTag(c.image ?? "") === "latest" ? "Always" : "IfNotPresent";
  c.terminationMessagePath ??= "/dev/termination-log";
  c.terminationMessagePolicy ??= "File";
  c.resources ??= {};
  for (const port of (c.ports ?? []) as Json[]) port.protocol ??= "TCP";
  for (const k of ["livenessProbe", "readinessProbe", "startupProbe"]) defaultProbe(c[k]);
  defaultHandler(c.lifecycle?.postStart);
  defaultHandler(c.lifecycle?.preStop);
  for (const ev of (c.env ?? []) as Json[]) defaultFieldRef(ev.valueFrom?.fieldRef);
}

const SOURCES_WITH_KEYS = ["hostPath", "emptyDir", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "secret", "nfs", "iscsi",
  "glusterfs", "persistentVolumeClaim", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "downwardAPI", "fc", "azureFile",
  "configMap", "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "portworxVolume", "scaleIO", "projected",
  "storageos", "csi", "ephemeral", "image"];

export function defaultVolume(v: Json): void {
  if (!SOURCES_WITH_KEYS.some((k) => v[k] != null)) v.emptyDir = {};
  if (v.secret) v.secret.defaultMode ??= DEFAULT_MODE;
  if (v.configMap) v.configMap.defaultMode ??= DEFAULT_MODE;
  if (v.downwardAPI) {
    v.downwardAPI.defaultMode ??= DEFAULT_MODE;
    for (const item of (v.downwardAPI.items ?? []) as Json[]) defaultFieldRef(item.fieldRef);
  }
  if (v.projected) {
    v.projected.defaultMode ??= DEFAULT_MODE;
    for (const src of (v.projected.sources ?? []) as Json[]) {
      for (const item of (src.downwardAPI?.items ?? []) as Json[]) defaultFieldRef(item.fieldRef);
      if (src.serviceAccountToken) src.serviceAccountToken.expirationSeconds ??= 3600;
    }
  }
  if (v.hostPath) v.hostPath.type ??= "";
  if (v.iscsi) v.iscsi.iscsiInterface ??= "default";
  if (v.azureDisk) { v.azureDisk.cachingMode ??= "ReadWrite"; v.azureDisk.fsType ??= "ext4"; v.azureDisk.readOnly ??= false; v.azureDisk.kind ??= "Shared"; }
}

/** SetDefaults_PodSpec and everything below it; used by pods and by every workload template. */
export function defaultPodSpec(spec: Json): void {
  if (!spec) return;
  if (!spec.dnsPolicy) spec.dnsPolicy = "ClusterFirst";
  if (!spec.restartPolicy) spec.restartPolicy = "Always";
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  if (!spec.schedulerName) spec.schedulerName = "default-scheduler";
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])] as Json[]) {
    defaultContainer(c);
    if (spec.hostNetwork) for (const port of (c.ports ?? []) as Json[]) if (!port.hostPort) port.hostPort = port.containerPort;
  }
  for (const v of (spec.volumes ?? []) as Json[]) defaultVolume(v);
}

/** SetDefaults_Pod: requests copied from limits where unset (pods only, not templates), enableServiceLinks. */
export function defaultPod(pod: Json): void {
  pod.spec ??= {};
  const spec = pod.spec;
  defaultPodSpec(spec);
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])] as Json[]) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    c.resources.requests ??= {};
    for (const [k, v] of Object.entries(limits)) if (!(k in c.resources.requests)) c.resources.requests[k] = v;
  }
  spec.enableServiceLinks ??= true;
}

/** Template defaults for workloads (SetDefaults_PodTemplateSpec runs SetDefaults_PodSpec; enableServiceLinks via the Pod defaults is not applied). */
export function defaultPodTemplate(tmpl: Json): void {
  if (!tmpl) return;
  tmpl.metadata ??= {};
  if (!("creationTimestamp" in tmpl.metadata)) tmpl.metadata.creationTimestamp = null;
  tmpl.spec ??= {};
  defaultPodSpec(tmpl.spec);
}

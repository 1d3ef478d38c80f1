// The ReplicaSet controller (pkg/controller/replicaset/replica_set.go syncReplicaSet,
// manageReplicas, getIndirectlyRelatedPods; replica_set_utils.go calculateStatus): creates pods
// `<rs>-<5 chars>` from the template until the active pods match spec.replicas, deletes the
// cheapest ones first when there are too many, and reports replicas, fullyLabeledReplicas,
// readyReplicas, availableReplicas (minReadySeconds) and observedGeneration.
import type { Component, ComponentContext } from "../engine/component";
import type { KObject } from "../apiserver/registry/types";
import { isStatusError } from "../apiserver/status";
import { recordEvent } from "./events";
import { podsToDelete } from "./active-pods";
import {
  R, claimPods, controllerOf, isPodActive, isPodAvailable, isPodReady, msUntilAvailable, newControllerRef,
  nsKey, omitEmpty, type Json, ownerKeys, podFromTemplate, podsPrefix, splitKey, updateStatus,
} from "./util";

export const REPLICASET_CONTROLLER = "replicaset-controller";
/** BurstReplicas: at most this many creations or deletions a sync. */
const BURST_REPLICAS = 500;

/** Pods of every ReplicaSet that shares this one's controller (the deployment's other ReplicaSets). */
function relatedPods(ctx: ComponentContext, rs: KObject, pods: KObject[]): KObject[] {
  const owner = controllerOf(rs);
  if (!owner) return pods;
  const siblings = new Set(ctx.api.list(R.replicasets, rs.metadata.namespace)
    .filter((r) => controllerOf(r)?.uid === owner.uid).map((r) => r.metadata.uid));
  return ctx.api.list(R.pods, rs.metadata.namespace).filter((p) => siblings.has(controllerOf(p)?.uid ?? ""));
}

function manageReplicas(ctx: ComponentContext, rs: KObject, active: KObject[]): string | undefined {
  const diff = active.length - (rs.spec?.replicas ?? 1);
  if (diff < 0) {
    const ref = newControllerRef(rs, "apps/v1", "ReplicaSet");
    for (let i = 0; i < Math.min(-diff, BURST_REPLICAS); i++) {
      try {
        const pod = ctx.api.create(R.pods, rs.metadata.namespace, podFromTemplate(rs.spec.template, ref, podsPrefix(rs.metadata.name)));
        recordEvent(ctx, rs, { type: "Normal", reason: "SuccessfulCreate", message: `Created pod: ${pod.metadata.name}` }, REPLICASET_CONTROLLER);
      } catch (e) {
        if (!isStatusError(e)) throw e;
        recordEvent(ctx, rs, { type: "Warning", reason: "FailedCreate", message: `Error creating: ${e.message}` }, REPLICASET_CONTROLLER);
        return "FailedCreate";
      }
    }
  } else if (diff > 0) {
    for (const pod of podsToDelete(active, relatedPods(ctx, rs, active), Math.min(diff, BURST_REPLICAS), ctx.now())) {
      try {
        ctx.api.delete(R.pods, pod.metadata.namespace, pod.metadata.name);
        recordEvent(ctx, rs, { type: "Normal", reason: "SuccessfulDelete", message: `Deleted pod: ${pod.metadata.name}` }, REPLICASET_CONTROLLER);
      } catch (e) {
        if (!isStatusError(e)) throw e;
        if (e.code === 404) continue;
        recordEvent(ctx, rs, { type: "Warning", reason: "FailedDelete", message: `Error deleting: ${e.message}` }, REPLICASET_CONTROLLER);
        return "FailedDelete";
      }
    }
  }
  return undefined;
}

/** calculateStatus, with the ReplicaFailure condition on a failed create or delete. */
function calculateStatus(rs: KObject, active: KObject[], failure: string | undefined, now: Date): Json {
  const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
  const minReady = rs.spec?.minReadySeconds ?? 0;
  const fullyLabeled = active.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length;
  const ready = active.filter(isPodReady);
  let conditions: Json[] = ((rs.status?.conditions ?? []) as Json[]).filter((c) => c.type !== "ReplicaFailure" || failure);
  if (failure && !conditions.some((c) => c.type === "ReplicaFailure")) {
    const verb = failure === "FailedCreate" ? "create" : "delete";
    conditions = [...conditions, { type: "ReplicaFailure", status: "True", lastTransitionTime: now.toISOString().replace(/\.\d{3}Z$/, "Z"), reason: failure, message: `failed to ${verb} pods` }];
  }
  return omitEmpty({
    replicas: active.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready.length,
    availableReplicas: ready.filter((p) => isPodAvailable(p, minReady, now)).length,
    observedGeneration: rs.metadata.generation,
    conditions,
  }, ["replicas"]);
}

export const replicaSetController: Component = {
  name: REPLICASET_CONTROLLER,
  watches: [
    { resource: R.replicasets, keys: (o) => [nsKey(o)] },
    { resource: R.pods, keys: ownerKeys("ReplicaSet") },
  ],

  sync(key, ctx) {
    const [ns, name] = splitKey(key);
    const rs = ctx.api.get(R.replicasets, ns, name);
    if (!rs) return;
    const pods = claimPods(ctx, rs, newControllerRef(rs, "apps/v1", "ReplicaSet")).filter(isPodActive);
    const failure = rs.metadata.deletionTimestamp ? undefined : manageReplicas(ctx, rs, pods);
    const now = ctx.now();
    // As upstream, the status counts the pods seen before this sync's changes; their watch events sync again.
    const active = pods;
    const status = calculateStatus(rs, active, failure, now);
    updateStatus(ctx, R.replicasets, rs, status);
    const minReady = rs.spec?.minReadySeconds ?? 0;
    if (minReady > 0 && (status.readyReplicas ?? 0) !== (status.availableReplicas ?? 0)) {
      const wait = Math.max(...active.map((p) => msUntilAvailable(p, minReady, now)));
      if (wait > 0) return { requeueAfterMs: wait };
    }
    return failure ? { requeueAfterMs: 5_000 } : undefined;
  },
};

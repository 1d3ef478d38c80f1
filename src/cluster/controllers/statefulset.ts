// The StatefulSet controller (pkg/controller/statefulset/stateful_set_control.go updateStatefulSet,
// stateful_set_utils.go newVersionedStatefulSetPod; stateful_pod_control.go events): pods
// `<sts>-0..N-1` with stable hostname/subdomain and the statefulset.kubernetes.io/pod-name,
// apps.kubernetes.io/pod-index and controller-revision-hash labels; OrderedReady creates one at
// a time waiting for Running and Ready and removes from the highest ordinal; Parallel does all at
// once; RollingUpdate replaces pods from the highest ordinal down to the partition. Revisions are
// named `<sts>-<hash>` without ControllerRevision objects (the resource is not served).
import type { Component, ComponentContext } from "../engine/component";
import type { KObject } from "../apiserver/registry/types";
import { isStatusError } from "../apiserver/status";
import { recordEvent } from "./events";
import { computeHash } from "./hash";
import {
  R, claimPods, isPodAvailable, isPodReady, newControllerRef, nsKey, omitEmpty, ownerKeys, podFromTemplate, splitKey, updateStatus,
} from "./util";

export const STATEFULSET_CONTROLLER = "statefulset-controller";
const REVISION_HASH = "controller-revision-hash";

const ordinalOf = (sts: KObject, p: KObject): number => {
  const m = p.metadata.name.match(/-(\d+)$/);
  return m && p.metadata.name === `${sts.metadata.name}-${m[1]}` ? Number(m[1]) : -1;
};
const running = (p: KObject) => p.status?.phase === "Running";

function newPod(sts: KObject, ordinal: number, revision: string): KObject {
  const name = `${sts.metadata.name}-${ordinal}`;
  const pod = podFromTemplate(sts.spec.template, newControllerRef(sts, "apps/v1", "StatefulSet"));
  pod.metadata.name = name;
  pod.metadata.labels = {
    ...pod.metadata.labels, [REVISION_HASH]: revision, "statefulset.kubernetes.io/pod-name": name, "apps.kubernetes.io/pod-index": String(ordinal),
  };
  pod.spec.hostname = name;
  if (sts.spec.serviceName) pod.spec.subdomain = sts.spec.serviceName;
  return pod;
}

function create(ctx: ComponentContext, sts: KObject, ordinal: number, revision: string): void {
  const name = `${sts.metadata.name}-${ordinal}`;
  try {
    ctx.api.create(R.pods, sts.metadata.namespace, newPod(sts, ordinal, revision));
    recordEvent(ctx, sts, { type: "Normal", reason: "SuccessfulCreate", message: `create Pod ${name} in StatefulSet ${sts.metadata.name} successful` }, STATEFULSET_CONTROLLER);
  } catch (e) {
    if (!isStatusError(e)) throw e;
    recordEvent(ctx, sts, { type: "Warning", reason: "FailedCreate", message: `create Pod ${name} in StatefulSet ${sts.metadata.name} failed error: ${e.message}` }, STATEFULSET_CONTROLLER);
  }
}

function remove(ctx: ComponentContext, sts: KObject, p: KObject): void {
  try {
    ctx.api.delete(R.pods, p.metadata.namespace, p.metadata.name);
    recordEvent(ctx, sts, { type: "Normal", reason: "SuccessfulDelete", message: `delete Pod ${p.metadata.name} in StatefulSet ${sts.metadata.name} successful` }, STATEFULSET_CONTROLLER);
  } catch (e) {
    if (!isStatusError(e) || e.code !== 404) throw e;
  }
}

/** One pass of updateStatefulSet; returns nothing (pod events drive the next pass). */
function syncStatefulSet(ctx: ComponentContext, sts: KObject): void {
  const revision = `${sts.metadata.name}-${computeHash(sts.spec.template, sts.status?.collisionCount)}`;
  const hash = revision.slice(sts.metadata.name.length + 1);
  const pods = claimPods(ctx, sts, newControllerRef(sts, "apps/v1", "StatefulSet"));
  const replicas = sts.spec.replicas ?? 1;
  const parallel = sts.spec.podManagementPolicy === "Parallel";
  const byOrdinal = new Map<number, KObject>();
  for (const p of pods) if (ordinalOf(sts, p) >= 0) byOrdinal.set(ordinalOf(sts, p), p);
  const manage = !sts.metadata.deletionTimestamp;
  if (manage) outer: {
    // Failed pods are deleted and recreated.
    for (const p of byOrdinal.values()) if (p.status?.phase === "Failed" && !p.metadata.deletionTimestamp) remove(ctx, sts, p);
    for (let i = 0; i < replicas; i++) {
      const p = byOrdinal.get(i);
      if (!p) {
        create(ctx, sts, i, hash);
        if (!parallel) break outer;
        continue;
      }
      if (!parallel && (p.metadata.deletionTimestamp || !running(p) || !isPodReady(p))) break outer;
    }
    const condemned = [...byOrdinal.entries()].filter(([i]) => i >= replicas).sort((a, b) => b[0] - a[0]);
    for (const [, p] of condemned) {
      if (p.metadata.deletionTimestamp) { if (!parallel) break outer; continue; }
      remove(ctx, sts, p);
      if (!parallel) break outer;
    }
    if (sts.spec.updateStrategy?.type !== "RollingUpdate") break outer;
    const partition = sts.spec.updateStrategy.rollingUpdate?.partition ?? 0;
    for (let i = replicas - 1; i >= partition; i--) {
      const p = byOrdinal.get(i);
      if (!p) break;
      if (p.metadata.labels?.[REVISION_HASH] !== hash && !p.metadata.deletionTimestamp) { remove(ctx, sts, p); break; }
      if (!isPodReady(p) || p.metadata.deletionTimestamp) break;
    }
  }
  const live = pods.filter((p) => ordinalOf(sts, p) >= 0);
  const updatedPods = live.filter((p) => p.metadata.labels?.[REVISION_HASH] === hash);
  const currentRevision = updatedPods.length === live.length || !sts.status?.currentRevision ? revision : sts.status.currentRevision;
  const currentHash = currentRevision.slice(sts.metadata.name.length + 1);
  updateStatus(ctx, R.statefulsets, sts, omitEmpty({
    observedGeneration: sts.metadata.generation,
    replicas: live.length,
    readyReplicas: live.filter(isPodReady).length,
    currentReplicas: live.filter((p) => p.metadata.labels?.[REVISION_HASH] === currentHash).length,
    updatedReplicas: updatedPods.length,
    currentRevision,
    updateRevision: revision,
    collisionCount: sts.status?.collisionCount ?? 0,
    availableReplicas: live.filter((p) => isPodAvailable(p, sts.spec.minReadySeconds ?? 0, ctx.now())).length,
  }, ["replicas", "collisionCount", "availableReplicas"]));
}

export const statefulSetController: Component = {
  name: STATEFULSET_CONTROLLER,
  watches: [
    { resource: R.statefulsets, keys: (o) => [nsKey(o)] },
    { resource: R.pods, keys: ownerKeys("StatefulSet") },
  ],
  sync(key, ctx) {
    const [ns, name] = splitKey(key);
    const sts = ctx.api.get(R.statefulsets, ns, name);
    if (sts) syncStatefulSet(ctx, sts);
  },
};

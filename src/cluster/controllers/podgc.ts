// The pod garbage collector (pkg/controller/podgc/gc_controller.go gc): terminated pods beyond
// the threshold (oldest first), pods bound to nodes that no longer exist (after the 40 s
// quarantine, marked Failed with the DisruptionTarget condition DeletionByPodGC first) and
// terminating pods never scheduled are force-deleted.
import type { Component, ComponentContext } from "../engine/component";
import type { KObject } from "../apiserver/registry/types";
import { rfc3339 } from "../apiserver/object-meta";
import { isStatusError } from "../apiserver/status";
import { R, created } from "./util";

export const PODGC_CONTROLLER = "pod-garbage-collector";
/** --terminated-pod-gc-threshold default. */
export const TERMINATED_POD_GC_THRESHOLD = 12500;
/** quarantineTime: how long a node must be gone before its pods are collected. */
const QUARANTINE_MS = 40_000;
const KEY = "gc";
/** When each missing node was first seen missing, per cluster (in memory, as the upstream delaying queue). */
const missingByCluster = new WeakMap<ComponentContext, Map<string, number>>();

const terminated = (p: KObject) => p.status?.phase === "Succeeded" || p.status?.phase === "Failed";

function forceDelete(ctx: ComponentContext, pod: KObject): void {
  try { ctx.api.delete(R.pods, pod.metadata.namespace, pod.metadata.name, 0); } catch (e) { if (!isStatusError(e) || e.code !== 404) throw e; }
}

/** markFailedAndDeletePod: phase Failed with DisruptionTarget (DeletionByPodGC), then a forced delete. */
function markFailedAndDelete(ctx: ComponentContext, pod: KObject, message: string): void {
  if (!terminated(pod)) {
    const now = rfc3339(ctx.now());
    const conditions = [...((pod.status?.conditions ?? []) as KObject[]).filter((c) => c.type !== "DisruptionTarget"),
      { type: "DisruptionTarget", status: "True", lastProbeTime: null, lastTransitionTime: now, reason: "DeletionByPodGC", message }];
    try { ctx.api.update(R.pods, { ...pod, status: { ...pod.status, phase: "Failed", conditions } }, "status"); } catch (e) { if (!isStatusError(e)) throw e; }
  }
  forceDelete(ctx, pod);
}

export const podGCController: Component = {
  name: PODGC_CONTROLLER,
  watches: [
    { resource: R.pods, keys: (p) => (terminated(p) || (p.metadata.deletionTimestamp && !p.spec?.nodeName) ? [KEY] : []) },
    { resource: R.nodes, keys: (_n, e) => (e?.type === "DELETED" ? [KEY] : []) },
  ],
  sync(_key, ctx) {
    const pods = ctx.api.list(R.pods);
    const done = pods.filter(terminated).sort((a, b) => created(a) - created(b));
    for (const p of done.slice(0, Math.max(0, done.length - TERMINATED_POD_GC_THRESHOLD))) forceDelete(ctx, p);
    const nodes = new Set(ctx.api.list(R.nodes).map((n) => n.metadata.name));
    const missingSince = missingByCluster.get(ctx) ?? new Map<string, number>();
    missingByCluster.set(ctx, missingSince);
    const now = ctx.now().getTime();
    let requeue: number | undefined;
    for (const p of pods) {
      const node = p.spec?.nodeName;
      if (node && !nodes.has(node)) {
        // The quarantine: a node must stay missing for 40 s (as the delayed node queue upstream).
        const first = missingSince.get(node) ?? now;
        missingSince.set(node, first);
        if (now - first >= QUARANTINE_MS) markFailedAndDelete(ctx, p, "PodGC: node no longer exists");
        else requeue = Math.min(requeue ?? Infinity, first + QUARANTINE_MS - now);
      } else if (!node && p.metadata.deletionTimestamp) {
        forceDelete(ctx, p);
      }
    }
    for (const n of missingSince.keys()) if (nodes.has(n)) missingSince.delete(n);
    return requeue !== undefined ? { requeueAfterMs: requeue } : undefined;
  },
};

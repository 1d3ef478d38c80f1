// kube-scheduler as a cluster component: its watches keep the scheduler cache (nodes and assigned
// pods, updated incrementally), the nominated pods and the listers; each pending pod of
// "default-scheduler" is scheduled on the snapshot refreshed from the cache, assumed on the chosen
// node, and bound through pods/binding; failures are reported with the PodScheduled condition and
// FailedScheduling events (pkg/scheduler/schedule_one.go: scheduleOne, handleSchedulingFailure;
// eventhandlers.go: addPodToCache, updatePodInCache, deletePodFromCache, addNodeToCache...).
import type { Component, ComponentContext } from "../engine/component";
import { ApiClient } from "../engine/client";
import type { KObject } from "../apiserver/registry/types";
import { rfc3339 } from "../apiserver/object-meta";
import type { ScheduleResult } from "./schedule-one";
import { Scheduler } from "./scheduler";
import { SchedulerListers } from "./listers";
import { isAssignedActivePod } from "./framework/node-info";
import type { TraceEntry } from "../apiserver/trace";
import { preemptedEventMessage } from "./preemption/default-preemption";
import { apiEventWriter, EventRecorder } from "../events/recorder";
import type { StoreEvent } from "../store/types";

export const SCHEDULER_NAME = "default-scheduler";
const pods = ApiClient.resource("", "pods");
const nodes = ApiClient.resource("", "nodes");

/** Upstream flushes unschedulable pods back to the active queue after 5 minutes. */
const UNSCHEDULABLE_FLUSH_MS = 5 * 60_000;
const INITIAL_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 10_000;

const podKey = (p: KObject) => `${p.metadata.namespace}/${p.metadata.name}`;
const isPending = (p: KObject) => !p.spec?.nodeName && !p.metadata.deletionTimestamp &&
  (p.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed";

function recorderFor(ctx: ComponentContext): EventRecorder {
  return new EventRecorder(apiEventWriter(ctx.api), ctx.now, { component: SCHEDULER_NAME, style: "events", reportingInstance: `${SCHEDULER_NAME}-controlplane` }, ctx.random);
}

const asTarget = (p: KObject) => ({ ...p, kind: "Pod", apiVersion: "v1" });

export function createScheduler(): Component {
  let recorder: EventRecorder | undefined;
  const scheduler = new Scheduler();
  const { cache, nominator } = scheduler;
  const listers = new SchedulerListers();
  /** Every pod by namespace/name (sync looks pending ones up here). */
  const podCache = new Map<string, KObject>();
  /** Pods that failed to schedule, with their attempt count, to retry when the cluster changes. */
  const unschedulable = new Map<string, number>();

  const onPod = (p: KObject, e?: StoreEvent): string[] => {
    const key = podKey(p);
    const deleted = e?.type === "DELETED";
    nominator.update(p, deleted);
    if (deleted) {
      podCache.delete(key);
      unschedulable.delete(key);
      if (cache.hasPod(p)) cache.removePod(p);
      // A pod leaving a node frees room: retry the pods that did not fit.
      return p.spec?.nodeName ? [...unschedulable.keys()] : [];
    }
    podCache.set(key, p);
    if (isAssignedActivePod(p)) {
      // addPodToCache / updatePodInCache (confirms a pod this scheduler assumed).
      cache.addPod(p);
    } else if (p.spec?.nodeName && cache.hasPod(p)) {
      // Succeeded or Failed: it no longer takes room on its node (deletePodFromCache).
      cache.removePod(p);
      return [...unschedulable.keys()];
    }
    if (!isPending(p)) return [];
    // As the scheduling queue's isPodUpdated: a change of status alone (our own condition write)
    // does not bring an unschedulable pod back.
    if (e?.type === "MODIFIED" && unschedulable.has(key) && e.prevObject && !specChanged(e.prevObject as KObject, p)) return [];
    return [key];
  };
  const onNode = (n: KObject, e?: StoreEvent): string[] => {
    if (e?.type === "DELETED") cache.removeNode(n.metadata.name);
    else cache.addNode(n);
    return e ? [...unschedulable.keys()] : [];
  };

  return {
    name: SCHEDULER_NAME,
    watches: [{ resource: nodes, keys: onNode }, { resource: pods, keys: onPod }, ...listers.watches()],
    sync(key: string, ctx: ComponentContext) {
      const pod = podCache.get(key);
      if (!pod || !isPending(pod)) { unschedulable.delete(key); return; }
      // skipPodSchedule: already assumed on a node, its binding not seen yet.
      if (cache.isAssumedPod(pod)) return;
      const result = scheduler.schedulePod(pod, ctx.random, listers.list());
      const now = rfc3339(ctx.now());
      recorder ??= recorderFor(ctx);
      traceAttempt(ctx, pod, result);
      if (result.kind === "scheduled") {
        unschedulable.delete(key);
        // assume, then bind; a binding that does not happen is forgotten (ForgetPod).
        const assumed = scheduler.assume(pod, result.nodeName);
        let bound = false;
        try {
          bound = bind(ctx, pod, result.nodeName);
        } finally {
          if (!bound) cache.forgetPod(assumed);
        }
        recorder.event(asTarget(pod), "Normal", "Scheduled", `Successfully assigned ${key} to ${result.nodeName}`, { action: "Binding" });
        return;
      }
      const attempts = (unschedulable.get(key) ?? 0) + 1;
      unschedulable.set(key, attempts);
      if (result.preemption) {
        for (const victim of result.preemption.victims) {
          recorder.event(asTarget(victim), "Normal", "Preempted", preemptedEventMessage(pod, result.preemption.nominatedNodeName), { action: "Preempting" });
          ctx.api.delete(pods, victim.metadata.namespace, victim.metadata.name);
        }
      }
      markUnschedulable(ctx, pod, result.message, now, result.preemption?.nominatedNodeName, result.clearNominatedNodeName);
      recorder.event(asTarget(pod), "Warning", "FailedScheduling", result.message, { action: "Scheduling" });
      // Retried at once when a node or pod changes (see the watches); otherwise after the flush period,
      // or after the back-off when preemption nominated a node.
      const backoff = Math.min(MAX_BACKOFF_MS, INITIAL_BACKOFF_MS * 2 ** (attempts - 1));
      return { requeueAfterMs: result.preemption ? backoff : UNSCHEDULABLE_FLUSH_MS };
    },
  };
}

/** The attempt's per-plugin filter verdicts and scores, kept with the pod's revision. */
function traceAttempt(ctx: ComponentContext, pod: KObject, result: ScheduleResult): void {
  const at = ctx.now().toISOString();
  const t = result.trace;
  const entries: TraceEntry[] = [
    ...t.filter.map((f) => ({
      step: "scheduler-filter", actor: SCHEDULER_NAME, at,
      detail: `${f.node}: ${f.results.map((r) => `${r.plugin}=${r.code}${r.reasons.length ? ` (${r.reasons.join("; ")})` : ""}`).join(", ")}`,
    })),
    ...t.score.map((n) => ({
      step: "scheduler-score", actor: SCHEDULER_NAME, at,
      detail: `${n.node}: total ${n.total} = ${n.plugins.map((p) => `${p.plugin} ${p.score}×${p.weight}`).join(" + ")}`,
    })),
    result.kind === "scheduled"
      ? { step: "scheduler-bind", actor: SCHEDULER_NAME, at, detail: `bound to ${result.nodeName} (${result.feasibleNodes}/${result.evaluatedNodes} nodes feasible${evaluatedOf(t)})` }
      : { step: "scheduler-unschedulable", actor: SCHEDULER_NAME, at, detail: result.message },
  ];
  ctx.trace(`/registry/pods/${pod.metadata.namespace}/${pod.metadata.name}`, Number(pod.metadata.resourceVersion), entries);
}

/** With 100 nodes or more Filter stops early: say how many nodes it looked at (the trace has only those). */
function evaluatedOf(t: ScheduleResult["trace"]): string {
  const n = t.nodes;
  if (n.evaluated >= n.all) return "";
  return `; ${n.evaluated} of ${n.all} nodes evaluated from index ${n.startIndex}: Filter stops after ${n.numNodesToFind} feasible nodes (percentageOfNodesToScore)`;
}

function specChanged(a: KObject, b: KObject): boolean {
  const strip = (p: KObject) => JSON.stringify([p.spec, p.metadata.labels, p.metadata.annotations, p.metadata.deletionTimestamp]);
  return strip(a) !== strip(b);
}

/** Binds the pod; false when it is gone or already bound. */
function bind(ctx: ComponentContext, pod: KObject, nodeName: string): boolean {
  const current = ctx.api.get(pods, pod.metadata.namespace, pod.metadata.name);
  if (!current || current.spec?.nodeName) return false;
  const conditions = ((current.status?.conditions ?? []) as Record<string, unknown>[]).filter((c) => c.type !== "PodScheduled");
  conditions.push({ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: rfc3339(ctx.now()) });
  ctx.api.update(pods, { ...current, spec: { ...current.spec, nodeName }, status: { ...current.status, conditions } }, "binding");
  return true;
}

function markUnschedulable(ctx: ComponentContext, pod: KObject, message: string, now: string, nominated?: string, clear?: boolean): void {
  const current = ctx.api.get(pods, pod.metadata.namespace, pod.metadata.name);
  if (!current) return;
  const prev = ((current.status?.conditions ?? []) as KObject[]).find((c) => c.type === "PodScheduled");
  const cond = {
    type: "PodScheduled", status: "False", lastProbeTime: null,
    lastTransitionTime: prev?.status === "False" ? prev.lastTransitionTime : now,
    reason: "Unschedulable", message,
  };
  const status: KObject = { ...current.status, conditions: [...((current.status?.conditions ?? []) as KObject[]).filter((c) => c.type !== "PodScheduled"), cond] };
  if (nominated) status.nominatedNodeName = nominated;
  else if (clear) delete status.nominatedNodeName;
  ctx.api.update(pods, { ...current, status }, "status");
}

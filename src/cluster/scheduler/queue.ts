// The scheduling queue: activeQ ordered by priority then queue time (PrioritySort), backoffQ with a
// per-attempt back-off (1 s doubling to 10 s), and unschedulablePods that move back when a cluster
// event could help one of the plugins that rejected them, or after 5 minutes. No timers of its own:
// time comes from `now()` and `nextWakeTime()` says when the caller should call `flush()` again.
// Mirrors pkg/scheduler/internal/queue/scheduling_queue.go (PriorityQueue, without queueing hints).
import type { KObject } from "../apiserver/registry/types";
import { eventMatches, UnschedulableTimeout } from "./events";
import { podPriority } from "./framework/resources";
import type { ClusterEvent } from "./framework/types";
import { defaultProfile, type ProfilePlugin } from "./plugins/registry";

export interface QueuedPodInfo {
  pod: KObject;
  /** When the pod was last added to or re-queued in the queue (back-off counts from here). */
  timestamp: number;
  /** Scheduling attempts so far (incremented by pop). */
  attempts: number;
  initialAttemptTimestamp?: number;
  /** Plugins that rejected it in its last attempt. */
  unschedulablePlugins: Set<string>;
}

export interface QueueOptions {
  now(): number;
  podInitialBackoffMs?: number;
  podMaxBackoffMs?: number;
  podMaxInUnschedulablePodsDurationMs?: number;
  profile?: ProfilePlugin[];
}

export type QueueName = "activeQ" | "backoffQ" | "unschedulablePods";

const keyOf = (pod: KObject): string => pod.metadata.uid ?? `${pod.metadata.namespace}/${pod.metadata.name}`;

export class SchedulingQueue {
  private readonly active = new Map<string, QueuedPodInfo>();
  private readonly backoff = new Map<string, QueuedPodInfo>();
  private readonly unschedulable = new Map<string, QueuedPodInfo>();
  private readonly inFlight = new Map<string, QueuedPodInfo>();
  private schedulingCycle = 0;
  private moveRequestCycle = -1;
  private readonly initialBackoff: number;
  private readonly maxBackoff: number;
  private readonly maxInUnschedulable: number;
  private readonly pluginEvents: Map<string, ClusterEvent[]>;

  constructor(private readonly opts: QueueOptions) {
    this.initialBackoff = opts.podInitialBackoffMs ?? 1000;
    this.maxBackoff = opts.podMaxBackoffMs ?? 10_000;
    this.maxInUnschedulable = opts.podMaxInUnschedulablePodsDurationMs ?? 5 * 60_000;
    this.pluginEvents = new Map((opts.profile ?? defaultProfile).map((p) => [p.plugin.name, p.plugin.events]));
  }

  /** Add: a new unscheduled pod goes to activeQ. */
  add(pod: KObject): void {
    const key = keyOf(pod);
    if (this.where(key) || this.inFlight.has(key)) return;
    this.active.set(key, { pod, timestamp: this.opts.now(), attempts: 0, unschedulablePlugins: new Set() });
  }

  /** Update: refresh the object; a changed pod in unschedulablePods is retried (after its back-off). */
  update(oldPod: KObject, newPod: KObject): void {
    const key = keyOf(newPod);
    const q = this.where(key);
    if (!q) {
      if (!this.inFlight.has(key)) this.add(newPod);
      return;
    }
    const map = this.map(q);
    const info = map.get(key)!;
    info.pod = newPod;
    if (q === "unschedulablePods" && isPodUpdated(oldPod, newPod)) {
      map.delete(key);
      this.requeue(key, info);
    }
  }

  delete(pod: KObject): void {
    const key = keyOf(pod);
    this.active.delete(key);
    this.backoff.delete(key);
    this.unschedulable.delete(key);
    this.inFlight.delete(key);
  }

  /** Pop: the highest-priority, longest-waiting active pod (after moving due back-offs). */
  pop(): QueuedPodInfo | undefined {
    this.flush();
    let best: [string, QueuedPodInfo] | undefined;
    for (const e of this.active) {
      if (!best || less(e[1], best[1])) best = e;
    }
    if (!best) return undefined;
    const [key, info] = best;
    this.active.delete(key);
    info.attempts++;
    info.initialAttemptTimestamp ??= this.opts.now();
    this.schedulingCycle++;
    this.inFlight.set(key, info);
    return info;
  }

  /** Done: the pod's attempt ended with it bound (or deleted). */
  done(pod: KObject): void {
    this.inFlight.delete(keyOf(pod));
  }

  /**
   * AddUnschedulableIfNotPresent: after a failed attempt. Pods rejected by no plugin (errors) or for
   * which a move request came during the attempt go to backoffQ; others wait in unschedulablePods.
   */
  addUnschedulable(info: QueuedPodInfo, unschedulablePlugins: string[], podSchedulingCycle = this.schedulingCycle): void {
    const key = keyOf(info.pod);
    this.inFlight.delete(key);
    if (this.where(key)) return;
    info.timestamp = this.opts.now();
    info.unschedulablePlugins = new Set(unschedulablePlugins);
    if (unschedulablePlugins.length === 0 || this.moveRequestCycle >= podSchedulingCycle) this.backoff.set(key, info);
    else this.unschedulable.set(key, info);
  }

  /** The cycle number of the last pop, to pass back to addUnschedulable. */
  get cycle(): number {
    return this.schedulingCycle;
  }

  /** MoveAllToActiveOrBackoffQueue: retry unschedulable pods a plugin that rejected them cares about. */
  moveAllToActiveOrBackoffQueue(event: ClusterEvent): void {
    for (const [key, info] of [...this.unschedulable]) {
      if (!this.podMatchesEvent(info, event)) continue;
      this.unschedulable.delete(key);
      this.requeue(key, info);
    }
    this.moveRequestCycle = this.schedulingCycle;
  }

  /** flushBackoffQCompleted and flushUnschedulablePodsLeftover as of now(). */
  flush(): void {
    const now = this.opts.now();
    for (const [key, info] of [...this.backoff]) {
      if (this.backoffTime(info) <= now) {
        this.backoff.delete(key);
        this.active.set(key, info);
      }
    }
    for (const [key, info] of [...this.unschedulable]) {
      if (now - info.timestamp > this.maxInUnschedulable) {
        this.unschedulable.delete(key);
        this.requeue(key, info, UnschedulableTimeout);
      }
    }
  }

  /** The earliest time flush() would move something, or undefined when nothing waits on time. */
  nextWakeTime(): number | undefined {
    let t: number | undefined;
    const at = (x: number) => (t = t === undefined ? x : Math.min(t, x));
    for (const info of this.backoff.values()) at(this.backoffTime(info));
    for (const info of this.unschedulable.values()) at(info.timestamp + this.maxInUnschedulable + 1);
    return t;
  }

  /** calculateBackoffDuration: initial × 2^(attempts−1), capped at the maximum. */
  backoffDuration(attempts: number): number {
    let d = this.initialBackoff;
    for (let i = 1; i < attempts; i++) {
      if (d > this.maxBackoff - d) return this.maxBackoff;
      d += d;
    }
    return d;
  }

  backoffTime(info: QueuedPodInfo): number {
    return info.timestamp + this.backoffDuration(info.attempts);
  }

  /** Which queue holds the pod, if any. */
  where(key: string): QueueName | undefined {
    if (this.active.has(key)) return "activeQ";
    if (this.backoff.has(key)) return "backoffQ";
    if (this.unschedulable.has(key)) return "unschedulablePods";
    return undefined;
  }

  /** PendingPods: every queued pod with the queue it is in. */
  pendingPods(): { pod: KObject; queue: QueueName }[] {
    const out: { pod: KObject; queue: QueueName }[] = [];
    for (const q of ["activeQ", "backoffQ", "unschedulablePods"] as const) {
      for (const info of this.map(q).values()) out.push({ pod: info.pod, queue: q });
    }
    return out;
  }

  private map(q: QueueName): Map<string, QueuedPodInfo> {
    return q === "activeQ" ? this.active : q === "backoffQ" ? this.backoff : this.unschedulable;
  }

  private requeue(key: string, info: QueuedPodInfo, _event?: ClusterEvent): void {
    if (this.backoffTime(info) > this.opts.now()) this.backoff.set(key, info);
    else this.active.set(key, info);
  }

  private podMatchesEvent(info: QueuedPodInfo, event: ClusterEvent): boolean {
    if (event.resource === "*") return true;
    if (info.unschedulablePlugins.size === 0) return true;
    for (const plugin of info.unschedulablePlugins) {
      if ((this.pluginEvents.get(plugin) ?? []).some((e) => eventMatches(e, event))) return true;
    }
    return false;
  }
}

/** PrioritySort.Less: higher priority first, then earlier queue time. */
function less(a: QueuedPodInfo, b: QueuedPodInfo): boolean {
  const pa = podPriority(a.pod);
  const pb = podPriority(b.pod);
  return pa > pb || (pa === pb && a.timestamp < b.timestamp);
}

/** isPodUpdated: anything but status, resourceVersion, generation and managedFields changed. */
function isPodUpdated(oldPod: KObject, newPod: KObject): boolean {
  const strip = (p: KObject) => {
    const { resourceVersion: _rv, generation: _g, managedFields: _m, ...meta } = p.metadata;
    return JSON.stringify({ ...p, metadata: meta, status: undefined });
  };
  return strip(oldPod) !== strip(newPod);
}

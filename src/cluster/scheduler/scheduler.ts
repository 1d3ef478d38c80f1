// The scheduler's long-lived state: the cache (NodeInfos kept up to date by watch events and
// assumed pods), the snapshot refreshed from it at the start of every cycle, the nominated pods per
// node (from status.nominatedNodeName) and the rotating start index of Filter.
// Mirrors pkg/scheduler/scheduler.go (Scheduler) and the nominator of
// pkg/scheduler/backend/queue/nominator.go.
import type { KObject } from "../apiserver/registry/types";
import { SchedulerCache } from "./cache/cache";
import { CacheSnapshot, type ListedObjects } from "./cache/snapshot";
import { podKey } from "./framework/node-info";
import type { SchedulerState } from "./find-nodes";
import type { ProfilePlugin } from "./plugins/registry";
import { schedulePod, type ScheduleResult } from "./schedule-one";

export interface SchedulerOptions {
  profile?: ProfilePlugin[];
  /** 0 or unset: adaptive (numFeasibleNodesToFind). */
  percentageOfNodesToScore?: number;
}

const none: KObject[] = [];

/** Pods nominated to nodes by preemption and not bound yet, by node (nominator). */
export class Nominator {
  private readonly byNode = new Map<string, Map<string, KObject>>();
  private readonly nodeOf = new Map<string, string>();

  /** AddNominatedPod / UpdateNominatedPod / DeleteNominatedPodIfExists from a pod's latest version. */
  update(pod: KObject, deleted = false): void {
    const key = podKey(pod);
    const prev = this.nodeOf.get(key);
    if (prev !== undefined) {
      const m = this.byNode.get(prev)!;
      m.delete(key);
      if (m.size === 0) this.byNode.delete(prev);
      this.nodeOf.delete(key);
    }
    const node = pod.status?.nominatedNodeName;
    if (deleted || !node || pod.spec?.nodeName) return;
    let m = this.byNode.get(node);
    if (!m) this.byNode.set(node, (m = new Map()));
    m.set(key, pod);
    this.nodeOf.set(key, node);
  }

  nominatedPodsForNode(node: string): KObject[] {
    const m = this.byNode.get(node);
    return m ? [...m.values()] : none;
  }
}

export class Scheduler {
  readonly cache = new SchedulerCache();
  readonly nominator = new Nominator();
  private readonly snapshot = new CacheSnapshot();
  private readonly state: SchedulerState;

  constructor(private readonly opts: SchedulerOptions = {}) {
    this.state = { nextStartNodeIndex: 0, percentageOfNodesToScore: opts.percentageOfNodesToScore };
  }

  get nextStartNodeIndex(): number {
    return this.state.nextStartNodeIndex;
  }

  /** One cycle: UpdateSnapshot, then schedulePod on it. Binding (and AssumePod) is the caller's. */
  schedulePod(pod: KObject, rng: () => number, listed: ListedObjects = {}): ScheduleResult {
    this.cache.updateSnapshot(this.snapshot);
    this.snapshot.setListedObjects(listed);
    return schedulePod(pod, this.snapshot, (n) => this.nominator.nominatedPodsForNode(n), rng, { profile: this.opts.profile, sched: this.state });
  }

  /** assume: the pod counts on the chosen node until its binding is seen (AssumePod). */
  assume(pod: KObject, nodeName: string): KObject {
    const assumed = { ...pod, spec: { ...pod.spec, nodeName } };
    this.cache.assumePod(assumed);
    return assumed;
  }
}

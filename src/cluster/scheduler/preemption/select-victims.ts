// Victim selection on one node: remove every lower-priority pod, check the preemptor fits, then
// reprieve victims from the most important down while it still fits. PodDisruptionBudgets are not
// modelled (every victim counts as non-violating).
// Mirrors SelectVictimsOnNode of pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go
// and MoreImportantPod of pkg/scheduler/util/utils.go.
import type { KObject } from "../../apiserver/registry/types";
import { addPodInfo, cloneNodeInfo, removePodInfo, withNodeInfo } from "../framework/node-info";
import { podPriority } from "../framework/resources";
import { runFilterPluginsWithNominatedPods, runPreFilterPlugins } from "../framework/runtime";
import { CycleState, isSuccess, newStatus, type NodeInfo, type Snapshot, type Status } from "../framework/types";
import type { ProfilePlugin } from "../plugins/registry";

export const ErrNoVictims = "No preemption victims found for incoming pod";

/** GetPodStartTime in ms; pods not started yet count as starting now (latest). */
export function podStartTime(pod: KObject): number {
  const t = pod.status?.startTime ? Date.parse(pod.status.startTime) : Number.NaN;
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}

/** MoreImportantPod: higher priority, then earlier start. */
export function moreImportantPod(a: KObject, b: KObject): boolean {
  const pa = podPriority(a);
  const pb = podPriority(b);
  if (pa !== pb) return pa > pb;
  return podStartTime(a) < podStartTime(b);
}

export interface FitContext {
  profile: ProfilePlugin[];
  snapshot: Snapshot;
  nominatedOn(node: string): KObject[];
}

/** Runs PreFilter and Filter for the pod on a changed copy of one node. */
export function fitsOnNode(ctx: FitContext, pod: KObject, ni: NodeInfo): Status | undefined {
  const state = new CycleState(withNodeInfo(ctx.snapshot, ni));
  const pre = runPreFilterPlugins(ctx.profile, state, pod);
  if (pre.status) return pre.status;
  return runFilterPluginsWithNominatedPods(ctx.profile, state, pod, ni, ctx.nominatedOn(ni.name)).status;
}

export function selectVictimsOnNode(ctx: FitContext, pod: KObject, original: NodeInfo): { victims: KObject[]; status?: Status } {
  const ni = cloneNodeInfo(original);
  const prio = podPriority(pod);
  const potential = original.pods.filter((p) => podPriority(p.pod) < prio);
  if (potential.length === 0) return { victims: [], status: newStatus("UnschedulableAndUnresolvable", ErrNoVictims) };
  for (const p of potential) removePodInfo(ni, p.key);
  const st = fitsOnNode(ctx, pod, ni);
  if (!isSuccess(st)) return { victims: [], status: st };
  potential.sort((a, b) => (moreImportantPod(a.pod, b.pod) ? -1 : moreImportantPod(b.pod, a.pod) ? 1 : 0));
  const victims: KObject[] = [];
  for (const p of potential) {
    addPodInfo(ni, p);
    if (!isSuccess(fitsOnNode(ctx, pod, ni))) {
      removePodInfo(ni, p.key);
      victims.push(p.pod);
    }
  }
  return { victims };
}

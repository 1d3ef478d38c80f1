// DefaultPreemption (PostFilter): when no node fits, find nodes where evicting lower-priority pods
// would make room, pick one, and return it with its victims; otherwise explain per node why
// preemption cannot help, as a FitError prefixed with "preemption: ".
// Mirrors pkg/scheduler/framework/plugins/defaultpreemption/default_preemption.go and
// pkg/scheduler/framework/preemption/preemption.go (all nodes are dry-run, in node order).
import type { KObject } from "../../apiserver/registry/types";
import { fitErrorMessage } from "../framework/fit-error";
import { podPriority } from "../framework/resources";
import { newStatus, type Status } from "../framework/types";
import { DEFAULT_SCHEDULER_NAME } from "../plugins/registry";
import { podStartTime, selectVictimsOnNode, type FitContext } from "./select-victims";

export const ErrPreemptionNotHelpful = "Preemption is not helpful for scheduling";

export interface Candidate {
  nodeName: string;
  victims: KObject[];
}

export interface PreemptionOutcome {
  /** Success when a candidate was found; otherwise Unschedulable with the "preemption: ..." message. */
  status: Status;
  nominatedNodeName?: string;
  victims?: KObject[];
  /** Lower-priority pods nominated to the chosen node: their nominatedNodeName is to be cleared. */
  nominatedPodsToClear?: KObject[];
  /** Whether the pod's own status.nominatedNodeName is to be cleared. */
  clearNominatedNodeName: boolean;
  /** Per node: the victims found or why none. */
  candidates: Candidate[];
  nodeStatuses: { node: string; code: string; reasons: string[] }[];
}

function podTerminatingByPreemption(p: KObject): boolean {
  if (!p.metadata.deletionTimestamp) return false;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (p.status?.conditions ?? []).some((c: any) => c.type === "DisruptionTarget" && c.reason === "PreemptionByScheduler");
}

/** PodEligibleToPreemptOthers: the reason it is not, or undefined. */
function notEligible(ctx: FitContext, pod: KObject, m: Map<string, Status>): string | undefined {
  if (pod.spec?.preemptionPolicy === "Never") return "not eligible due to preemptionPolicy=Never.";
  const nom = pod.status?.nominatedNodeName;
  if (!nom) return undefined;
  if (m.get(nom)?.code === "UnschedulableAndUnresolvable") return undefined;
  const ni = ctx.snapshot.get(nom);
  const prio = podPriority(pod);
  if (ni?.pods.some((p) => podPriority(p.pod) < prio && podTerminatingByPreemption(p.pod))) {
    return "not eligible due to a terminating pod on the nominated node.";
  }
  return undefined;
}

function highestPriority(victims: KObject[]): number {
  return Math.max(...victims.map(podPriority));
}

/** pickOneNodeForPreemption without PDBs: lowest top victim priority, lowest priority sum, fewest victims, latest start. */
export function pickOneNodeForPreemption(candidates: Candidate[]): Candidate | undefined {
  const offset = 2147483648; // int64(MaxInt32)+1 keeps every term positive
  const criteria: ((c: Candidate) => number)[] = [
    (c) => -highestPriority(c.victims),
    (c) => -c.victims.reduce((s, v) => s + podPriority(v) + offset, 0),
    (c) => -c.victims.length,
    (c) => {
      const top = highestPriority(c.victims);
      return Math.min(...c.victims.filter((v) => podPriority(v) === top).map(podStartTime));
    },
  ];
  let best = candidates;
  for (const score of criteria) {
    if (best.length <= 1) break;
    const max = Math.max(...best.map(score));
    best = best.filter((c) => score(c) === max);
  }
  return best[0];
}

export function preempt(ctx: FitContext, pod: KObject, m: Map<string, Status>): PreemptionOutcome {
  const reason = notEligible(ctx, pod, m);
  if (reason) {
    return { status: newStatus("Unschedulable", `preemption: ${reason}`), clearNominatedNodeName: false, candidates: [], nodeStatuses: [] };
  }
  const statuses = new Map<string, Status>();
  const candidates: Candidate[] = [];
  for (const ni of ctx.snapshot.nodeInfos) {
    if ((m.get(ni.name)?.code ?? "UnschedulableAndUnresolvable") === "UnschedulableAndUnresolvable") {
      statuses.set(ni.name, newStatus("UnschedulableAndUnresolvable", ErrPreemptionNotHelpful));
      continue;
    }
    const r = selectVictimsOnNode(ctx, pod, ni);
    if (r.status) statuses.set(ni.name, r.status);
    else if (r.victims.length > 0) candidates.push({ nodeName: ni.name, victims: r.victims });
    else statuses.set(ni.name, newStatus("Error", `expected at least one victim pod on node "${ni.name}"`));
  }
  const nodeStatuses = [...statuses].map(([node, s]) => ({ node, code: s.code, reasons: s.reasons }));
  const best = pickOneNodeForPreemption(candidates);
  if (!best) {
    const msg = fitErrorMessage(ctx.snapshot.nodeInfos.length, { nodeToStatus: statuses, unschedulablePlugins: new Set() });
    return { status: newStatus("Unschedulable", `preemption: ${msg}`), clearNominatedNodeName: true, candidates, nodeStatuses };
  }
  const prio = podPriority(pod);
  return {
    status: newStatus("Success"),
    nominatedNodeName: best.nodeName,
    victims: best.victims,
    nominatedPodsToClear: ctx.nominatedOn(best.nodeName).filter((p) => p.metadata.uid !== pod.metadata.uid && podPriority(p) < prio),
    clearNominatedNodeName: false,
    candidates,
    nodeStatuses,
  };
}

/** The "Preempted" event a victim gets (reason Preempted, from default-scheduler). */
export function preemptedEventMessage(preemptor: KObject, nodeName: string): string {
  return `Preempted by pod ${preemptor.metadata.uid} on node ${nodeName}`;
}

/** The DisruptionTarget condition set on a victim before it is deleted. */
export function preemptionDisruptionCondition(preemptor: KObject, now: string): Record<string, string> {
  const schedulerName: string = preemptor.spec?.schedulerName || DEFAULT_SCHEDULER_NAME;
  return {
    type: "DisruptionTarget",
    status: "True",
    reason: "PreemptionByScheduler",
    message: `${schedulerName}: preempting to accommodate a higher priority pod`,
    lastTransitionTime: now,
  };
}

// Filtering one pod over the nodes: how many feasible nodes to look for (percentageOfNodesToScore,
// adaptive by default: 50% − 1% per 125 nodes, at least 5% and at least 100 nodes), starting at the
// rotating nextStartNodeIndex so successive pods look at different nodes first, and stopping once
// that many fit. Only the nodes looked at are in the diagnosis and the trace.
// Mirrors numFeasibleNodesToFind and findNodesThatPassFilters of pkg/scheduler/schedule_one.go.
import type { KObject } from "../apiserver/registry/types";
import type { Diagnosis } from "./framework/fit-error";
import { runFilterPluginsWithNominatedPods, type PluginResult } from "./framework/runtime";
import type { CycleState, NodeInfo, Status } from "./framework/types";
import type { ProfilePlugin } from "./plugins/registry";

/** Below this many nodes every node is evaluated; above it, never fewer than this. */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
/** The adaptive percentage never goes below this. */
export const MIN_FEASIBLE_NODE_PERCENTAGE_TO_FIND = 5;

/** numFeasibleNodesToFind: percentageOfNodesToScore 0 or unset means adaptive (integer arithmetic as upstream). */
export function numFeasibleNodesToFind(percentageOfNodesToScore: number | undefined, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = percentageOfNodesToScore ?? 0;
  if (percentage === 0) {
    percentage = 50 - Math.trunc(numAllNodes / 125);
    if (percentage < MIN_FEASIBLE_NODE_PERCENTAGE_TO_FIND) percentage = MIN_FEASIBLE_NODE_PERCENTAGE_TO_FIND;
  }
  const numNodes = Math.trunc((numAllNodes * percentage) / 100);
  return numNodes < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : numNodes;
}

/** The scheduler's state across cycles that filtering reads and advances. */
export interface SchedulerState {
  /** Where the next pod's Filter starts in the node list. */
  nextStartNodeIndex: number;
  /** The profile's percentageOfNodesToScore; 0 or unset: adaptive. */
  percentageOfNodesToScore?: number;
}

export interface FilterOutcome {
  feasible: NodeInfo[];
  /** A plugin's Error status (ends the cycle). */
  error?: Status;
  /** Per evaluated node, in evaluation order. */
  trace: { node: string; results: PluginResult[] }[];
  numNodesToFind: number;
  startIndex: number;
  evaluated: number;
}

/** findNodesThatPassFilters: fills the diagnosis with the rejections of the nodes looked at. */
export function findNodesThatPassFilters(
  profile: ProfilePlugin[],
  state: CycleState,
  pod: KObject,
  nodes: NodeInfo[],
  nominatedOn: (node: string) => KObject[],
  diagnosis: Diagnosis,
  sched: SchedulerState,
): FilterOutcome {
  const numAllNodes = nodes.length;
  const numNodesToFind = numFeasibleNodesToFind(sched.percentageOfNodesToScore, numAllNodes);
  const startIndex = numAllNodes === 0 ? 0 : sched.nextStartNodeIndex % numAllNodes;
  const out: FilterOutcome = { feasible: [], trace: [], numNodesToFind, startIndex, evaluated: 0 };
  for (let i = 0; i < numAllNodes && out.feasible.length < numNodesToFind; i++) {
    const ni = nodes[(startIndex + i) % numAllNodes]!;
    const r = runFilterPluginsWithNominatedPods(profile, state, pod, ni, nominatedOn(ni.name));
    out.trace.push({ node: ni.name, results: r.trace });
    out.evaluated++;
    if (!r.status) {
      out.feasible.push(ni);
    } else if (r.status.code === "Error") {
      out.error = r.status;
      return out;
    } else {
      diagnosis.nodeToStatus.set(ni.name, r.status);
      diagnosis.unschedulablePlugins.add(r.status.plugin!);
    }
  }
  sched.nextStartNodeIndex = numAllNodes === 0 ? 0 : (startIndex + out.evaluated) % numAllNodes;
  return out;
}

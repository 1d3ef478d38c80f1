// One scheduling cycle for one pod: PreFilter, Filter (with nominated pods) over the nodes from the
// rotating start index until numFeasibleNodesToFind fit, PostFilter (preemption) when none fits,
// otherwise Score and selectHost (reservoir sampling among the best totals with the injected rng).
// Returns the chosen node or the exact FitError message, plus a trace of every plugin's verdict and
// score per evaluated node. scheduleOne builds the snapshot from plain objects; schedulePod runs on
// a snapshot kept by the scheduler cache (scheduler.ts).
// Mirrors pkg/scheduler/schedule_one.go (schedulePod, findNodesThatFitPod, prioritizeNodes, selectHost).
import type { KObject } from "../apiserver/registry/types";
import { fitErrorMessage, type Diagnosis } from "./framework/fit-error";
import { buildSnapshot, type ClusterObjects } from "./framework/node-info";
import { prioritizeNodes, runFilterPluginsWithNominatedPods, runPreFilterPlugins, type NodeScoreTrace, type PluginResult } from "./framework/runtime";
import { CycleState, type NodeInfo, type Snapshot, type Status } from "./framework/types";
import { findNodesThatPassFilters, type SchedulerState } from "./find-nodes";
import { preempt, type PreemptionOutcome } from "./preemption/default-preemption";
import { defaultProfile, type ProfilePlugin } from "./plugins/registry";

export const ErrNoNodesAvailable = "no nodes available to schedule pods";

export interface SchedulingTrace {
  preFilter: PluginResult[];
  /** Per evaluated node (in evaluation order), the Filter plugins that ran, up to the first rejection. */
  filter: { node: string; results: PluginResult[] }[];
  /**
   * Which nodes Filter looked at: `evaluated` of `all`, starting at `startIndex`; with 100 nodes or
   * more it stops once `numNodesToFind` fit (percentageOfNodesToScore), so the rest are not in the trace.
   */
  nodes: { all: number; evaluated: number; numNodesToFind: number; startIndex: number };
  preScore: PluginResult[];
  /** Per feasible node, each score plugin's normalized score and weight, and the weighted total. */
  score: NodeScoreTrace[];
  preemption?: PreemptionOutcome;
}

export type ScheduleResult =
  | { kind: "scheduled"; nodeName: string; evaluatedNodes: number; feasibleNodes: number; trace: SchedulingTrace }
  | {
      kind: "unschedulable";
      /** The FailedScheduling event message and PodScheduled condition message. */
      message: string;
      /** Plugins that rejected the pod on some node: events for them move it back to the active queue. */
      unschedulablePlugins: string[];
      /** Preemption succeeded: set status.nominatedNodeName and delete the victims. */
      preemption?: { nominatedNodeName: string; victims: KObject[]; nominatedPodsToClear: KObject[] };
      /** Preemption found nothing: clear the pod's status.nominatedNodeName if set. */
      clearNominatedNodeName: boolean;
      trace: SchedulingTrace;
    };

export interface ScheduleOptions {
  profile?: ProfilePlugin[];
  /** The rotating start index and percentageOfNodesToScore kept across cycles (fresh when unset). */
  sched?: SchedulerState;
}

/** selectHost: the highest total; ties resolved by reservoir sampling (rand.Intn(cntOfMaxScore) == 0). */
export function selectHost(scores: { node: string; total: number }[], rng: () => number): string {
  let selected = scores[0]!.node;
  let maxScore = scores[0]!.total;
  let cntOfMaxScore = 1;
  for (let i = 1; i < scores.length; i++) {
    const s = scores[i]!;
    if (s.total > maxScore) {
      maxScore = s.total;
      selected = s.node;
      cntOfMaxScore = 1;
    } else if (s.total === maxScore) {
      cntOfMaxScore++;
      if (Math.floor(rng() * cntOfMaxScore) === 0) selected = s.node;
    }
  }
  return selected;
}

function nominatedPodsByNode(pods: KObject[]): Map<string, KObject[]> {
  const m = new Map<string, KObject[]>();
  for (const p of pods) {
    const nom = p.status?.nominatedNodeName;
    if (!nom || p.spec?.nodeName) continue;
    m.set(nom, [...(m.get(nom) ?? []), p]);
  }
  return m;
}

const none: KObject[] = [];

/** A cycle on a snapshot built from scratch from the objects (nominated pods read from their status). */
export function scheduleOne(pod: KObject, objs: ClusterObjects, rng: () => number, opts: ScheduleOptions = {}): ScheduleResult {
  const nominated = nominatedPodsByNode(objs.pods);
  return schedulePod(pod, buildSnapshot(objs), (node) => nominated.get(node) ?? none, rng, opts);
}

/** schedulePod: one cycle on a snapshot; `nominatedOn` gives the pods nominated to a node. */
export function schedulePod(
  pod: KObject,
  snapshot: Snapshot,
  nominatedOn: (node: string) => KObject[],
  rng: () => number,
  opts: ScheduleOptions = {},
): ScheduleResult {
  const profile = opts.profile ?? defaultProfile;
  const sched = opts.sched ?? { nextStartNodeIndex: 0 };
  const numAllNodes = snapshot.nodeInfos.length;
  const trace: SchedulingTrace = {
    preFilter: [], filter: [], preScore: [], score: [],
    nodes: { all: numAllNodes, evaluated: 0, numNodesToFind: numAllNodes, startIndex: sched.nextStartNodeIndex },
  };
  const unschedulable = (message: string, plugins: string[], clear: boolean): ScheduleResult => ({
    kind: "unschedulable", message, unschedulablePlugins: plugins, clearNominatedNodeName: clear, trace,
  });
  if (numAllNodes === 0) return unschedulable(ErrNoNodesAvailable, [], true);

  const state = new CycleState(snapshot);
  const diagnosis: Diagnosis = { nodeToStatus: new Map(), unschedulablePlugins: new Set() };
  let feasible: NodeInfo[] = [];

  const pre = runPreFilterPlugins(profile, state, pod);
  trace.preFilter = pre.trace;
  if (pre.status) {
    if (pre.status.code === "Error") return unschedulable(pre.status.reasons.join(", "), [], false);
    diagnosis.preFilterMsg = pre.status.reasons.join(", ");
    diagnosis.unschedulablePlugins.add(pre.status.plugin!);
    for (const ni of snapshot.nodeInfos) diagnosis.nodeToStatus.set(ni.name, pre.status);
    trace.nodes.evaluated = numAllNodes;
  } else {
    // evaluateNominatedNode: a pod that preempted goes straight to its nominated node if it fits now.
    const nom = snapshot.get(pod.status?.nominatedNodeName ?? "");
    if (nom && !runFilterPluginsWithNominatedPods(profile, state, pod, nom, nominatedOn(nom.name)).status) {
      trace.nodes.evaluated = 1;
      return { kind: "scheduled", nodeName: nom.name, evaluatedNodes: 1, feasibleNodes: 1, trace };
    }
    const f = findNodesThatPassFilters(profile, state, pod, snapshot.nodeInfos, nominatedOn, diagnosis, sched);
    trace.filter = f.trace;
    trace.nodes = { all: numAllNodes, evaluated: f.evaluated, numNodesToFind: f.numNodesToFind, startIndex: f.startIndex };
    if (f.error) return unschedulable(f.error.reasons.join(", "), [], false);
    feasible = f.feasible;
  }

  if (feasible.length === 0) {
    const outcome = preempt({ profile, snapshot, nominatedOn }, pod, diagnosis.nodeToStatus as Map<string, Status>);
    trace.preemption = outcome;
    if (outcome.status.code !== "Success") diagnosis.postFilterMsg = outcome.status.reasons.join(", ");
    const result = unschedulable(fitErrorMessage(numAllNodes, diagnosis), [...diagnosis.unschedulablePlugins], outcome.clearNominatedNodeName);
    if (result.kind === "unschedulable" && outcome.nominatedNodeName) {
      result.preemption = { nominatedNodeName: outcome.nominatedNodeName, victims: outcome.victims ?? [], nominatedPodsToClear: outcome.nominatedPodsToClear ?? [] };
    }
    return result;
  }

  const evaluatedNodes = trace.nodes.evaluated;
  if (feasible.length === 1) {
    return { kind: "scheduled", nodeName: feasible[0]!.name, evaluatedNodes, feasibleNodes: 1, trace };
  }
  const prioritized = prioritizeNodes(profile, state, pod, feasible);
  trace.preScore = prioritized.preScore;
  trace.score = prioritized.scores;
  const nodeName = selectHost(prioritized.scores, rng);
  return { kind: "scheduled", nodeName, evaluatedNodes, feasibleNodes: feasible.length, trace };
}

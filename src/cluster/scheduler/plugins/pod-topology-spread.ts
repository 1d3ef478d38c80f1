// PodTopologySpread: Filter enforces DoNotSchedule constraints (skew = matching pods in the node's
// domain + self − global minimum ≤ maxSkew); Score prefers nodes with fewer matching pods for
// ScheduleAnyway constraints (or the system defaults), see pod-topology-spread-scoring.ts.
// Mirrors pkg/scheduler/framework/plugins/podtopologyspread/filtering.go and plugin.go.
import type { KObject } from "../../apiserver/registry/types";
import { podLabels } from "../framework/labels";
import { newStatus, type CycleState, type Plugin } from "../framework/types";
import { spreadNormalize, spreadPreScore, spreadScore } from "./pod-topology-spread-scoring";
import {
  countPodsMatchSelector,
  defaultConstraints,
  matchNodeInclusionPolicies,
  nodeLabelsMatchSpreadConstraints,
  podConstraints,
  type SpreadConstraint,
} from "./topology-spread-constraints";

export const ErrReasonConstraintsNotMatch = "node(s) didn't match pod topology spread constraints";
export const ErrReasonNodeLabelNotMatch = ErrReasonConstraintsNotMatch + " (missing required label)";

const KEY = "PreFilterPodTopologySpread";
const MAX_INT32 = 2147483647;

interface PreFilterState {
  constraints: SpreadConstraint[];
  tpPairToMatchNum: Map<string, number>;
  tpKeyToDomainsNum: Map<string, number>;
  minMatch: number[];
}

const pairKey = (k: string, v: string) => `${k}\u0000${v}`;

function calPreFilterState(state: CycleState, pod: KObject): PreFilterState {
  const snap = state.snapshot;
  let constraints = podConstraints(pod, "DoNotSchedule");
  if ((pod.spec?.topologySpreadConstraints ?? []).length === 0) constraints = defaultConstraints(pod, snap, "DoNotSchedule");
  const tpPairToMatchNum = new Map<string, number>();
  if (constraints.length === 0) return { constraints, tpPairToMatchNum, tpKeyToDomainsNum: new Map(), minMatch: [] };
  for (const ni of snap.nodeInfos) {
    const labels = ni.node.metadata.labels ?? {};
    if (!nodeLabelsMatchSpreadConstraints(labels, constraints)) continue;
    for (const c of constraints) {
      if (!matchNodeInclusionPolicies(c, pod, ni.node)) continue;
      const p = pairKey(c.topologyKey, labels[c.topologyKey]);
      tpPairToMatchNum.set(p, (tpPairToMatchNum.get(p) ?? 0) + countPodsMatchSelector(ni.pods, c.selector, pod.metadata.namespace));
    }
  }
  const tpKeyToDomainsNum = new Map<string, number>();
  const minMatch = constraints.map(() => MAX_INT32);
  for (const [p, num] of tpPairToMatchNum) {
    const key = p.split("\u0000")[0]!;
    tpKeyToDomainsNum.set(key, (tpKeyToDomainsNum.get(key) ?? 0) + 1);
    constraints.forEach((c, i) => {
      if (c.topologyKey === key) minMatch[i] = Math.min(minMatch[i]!, num);
    });
  }
  return { constraints, tpPairToMatchNum, tpKeyToDomainsNum, minMatch };
}

export const podTopologySpread: Plugin = {
  name: "PodTopologySpread",
  preFilter(state, pod) {
    const s = calPreFilterState(state, pod);
    state.write(KEY, s);
    return s.constraints.length === 0 ? newStatus("Skip") : undefined;
  },
  filter(state, pod, nodeInfo) {
    const s = state.read<PreFilterState>(KEY) ?? calPreFilterState(state, pod);
    const labels = nodeInfo.node.metadata.labels ?? {};
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]!;
      const value = labels[c.topologyKey];
      if (value === undefined) return newStatus("UnschedulableAndUnresolvable", ErrReasonNodeLabelNotMatch);
      const domains = s.tpKeyToDomainsNum.get(c.topologyKey) ?? 0;
      const minMatchNum = domains < c.minDomains ? 0 : s.minMatch[i]!;
      const selfMatch = c.selector(podLabels(pod)) ? 1 : 0;
      const matchNum = s.tpPairToMatchNum.get(pairKey(c.topologyKey, value)) ?? 0;
      if (matchNum + selfMatch - minMatchNum > c.maxSkew) return newStatus("Unschedulable", ErrReasonConstraintsNotMatch);
    }
    return undefined;
  },
  preScore: spreadPreScore,
  score: spreadScore,
  normalizeScore: spreadNormalize,
  events: [
    { resource: "Pod", actionType: ["All"] },
    { resource: "Node", actionType: ["Add", "Delete", "UpdateNodeLabel", "UpdateNodeTaint"] },
  ],
};

// PodTopologySpread scoring: per ScheduleAnyway constraint, matching pods in the node's domain
// weighted by log(domains + 2) plus maxSkew − 1; fewer is better after normalization. Nodes missing
// a topology key are ignored (score 0) unless only the system defaults apply.
// Mirrors pkg/scheduler/framework/plugins/podtopologyspread/scoring.go.
import type { KObject } from "../../apiserver/registry/types";
import { MAX_NODE_SCORE, newStatus, type CycleState, type NodeInfo, type NodeScore, type Status } from "../framework/types";
import {
  countPodsMatchSelector,
  defaultConstraints,
  matchNodeInclusionPolicies,
  nodeLabelsMatchSpreadConstraints,
  podConstraints,
  type SpreadConstraint,
} from "./topology-spread-constraints";

const KEY = "PreScorePodTopologySpread";
const HOSTNAME = "kubernetes.io/hostname";

interface PreScoreState {
  constraints: SpreadConstraint[];
  ignoredNodes: Set<string>;
  topologyValueToPodCounts: Map<string, number>[];
  topologyNormalizingWeight: number[];
}

export function spreadPreScore(state: CycleState, pod: KObject, filtered: NodeInfo[]): Status | undefined {
  const snap = state.snapshot;
  if (filtered.length === 0 || snap.nodeInfos.length === 0) return newStatus("Skip");
  const own = (pod.spec?.topologySpreadConstraints ?? []).length > 0;
  const constraints = own ? podConstraints(pod, "ScheduleAnyway") : defaultConstraints(pod, snap, "ScheduleAnyway");
  if (constraints.length === 0) return newStatus("Skip");
  const requireAll = own;
  const s: PreScoreState = { constraints, ignoredNodes: new Set(), topologyValueToPodCounts: constraints.map(() => new Map()), topologyNormalizingWeight: [] };
  const topoSize = constraints.map(() => 0);
  for (const ni of filtered) {
    const labels = ni.node.metadata.labels ?? {};
    if (requireAll && !nodeLabelsMatchSpreadConstraints(labels, constraints)) {
      s.ignoredNodes.add(ni.name);
      continue;
    }
    constraints.forEach((c, i) => {
      if (c.topologyKey === HOSTNAME) return;
      const v = labels[c.topologyKey] ?? "";
      if (!s.topologyValueToPodCounts[i]!.has(v)) {
        s.topologyValueToPodCounts[i]!.set(v, 0);
        topoSize[i]!++;
      }
    });
  }
  s.topologyNormalizingWeight = constraints.map((c, i) => {
    const size = c.topologyKey === HOSTNAME ? filtered.length - s.ignoredNodes.size : topoSize[i]!;
    return Math.log(size + 2);
  });
  for (const ni of snap.nodeInfos) {
    const labels = ni.node.metadata.labels ?? {};
    if (requireAll && !nodeLabelsMatchSpreadConstraints(labels, constraints)) continue;
    constraints.forEach((c, i) => {
      if (!matchNodeInclusionPolicies(c, pod, ni.node)) return;
      const counts = s.topologyValueToPodCounts[i]!;
      const v = labels[c.topologyKey] ?? "";
      if (!counts.has(v)) return;
      counts.set(v, counts.get(v)! + countPodsMatchSelector(ni.pods, c.selector, pod.metadata.namespace));
    });
  }
  state.write(KEY, s);
  return undefined;
}

export function spreadScore(state: CycleState, pod: KObject, ni: NodeInfo): number {
  const s = state.read<PreScoreState>(KEY);
  if (!s || s.ignoredNodes.has(ni.name)) return 0;
  const labels = ni.node.metadata.labels ?? {};
  let score = 0;
  s.constraints.forEach((c, i) => {
    const v = labels[c.topologyKey];
    if (v === undefined) return;
    const cnt = c.topologyKey === HOSTNAME
      ? countPodsMatchSelector(ni.pods, c.selector, pod.metadata.namespace)
      : s.topologyValueToPodCounts[i]!.get(v) ?? 0;
    score += cnt * s.topologyNormalizingWeight[i]! + (c.maxSkew - 1);
  });
  return Math.round(score);
}

export function spreadNormalize(state: CycleState, _pod: KObject, scores: NodeScore[]): void {
  const s = state.read<PreScoreState>(KEY);
  if (!s) return;
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  for (const sc of scores) {
    if (s.ignoredNodes.has(sc.name)) continue;
    min = Math.min(min, sc.score);
    max = Math.max(max, sc.score);
  }
  for (const sc of scores) {
    if (s.ignoredNodes.has(sc.name)) sc.score = 0;
    else if (max === 0) sc.score = MAX_NODE_SCORE;
    else sc.score = Math.trunc((MAX_NODE_SCORE * (max + min - sc.score)) / max);
  }
}

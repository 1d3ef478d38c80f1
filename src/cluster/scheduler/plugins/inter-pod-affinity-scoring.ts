// InterPodAffinity scoring: preferred affinity (+weight) and anti-affinity (−weight) of the incoming
// pod towards existing pods, the existing pods' preferred terms and hard affinity (weight 1) towards
// the incoming pod, summed per topology pair; normalized min–max to 0..100.
// Mirrors pkg/scheduler/framework/plugins/interpodaffinity/scoring.go.
import type { KObject } from "../../apiserver/registry/types";
import { MAX_NODE_SCORE, newStatus, type CycleState, type NodeInfo, type NodeScore, type Status } from "../framework/types";
import { parseAffinity, podInfoAffinity, termMatches, type AffinityTerm } from "./affinity-terms";

const KEY = "PreScoreInterPodAffinity";
const HARD_POD_AFFINITY_WEIGHT = 1;

type ScoreMap = Map<string, Map<string, number>>;

function processTerm(m: ScoreMap, t: AffinityTerm, weight: number, pod: KObject, nsLabels: Record<string, string>, node: KObject, mult: number): void {
  if (!termMatches(t, pod, nsLabels)) return;
  const v = node.metadata.labels?.[t.topologyKey];
  if (v === undefined) return;
  const byValue = m.get(t.topologyKey) ?? new Map<string, number>();
  byValue.set(v, (byValue.get(v) ?? 0) + weight * mult);
  m.set(t.topologyKey, byValue);
}

export function interPodAffinityPreScore(state: CycleState, pod: KObject, _nodes: NodeInfo[]): Status | undefined {
  const snap = state.snapshot;
  const incoming = parseAffinity(pod);
  const hasConstraints = incoming.preferredAffinity.length > 0 || incoming.preferredAntiAffinity.length > 0;
  const podNs = snap.namespaceLabels(pod.metadata.namespace);
  const m: ScoreMap = new Map();
  // Unless the pod has preferred terms, only nodes hosting pods with affinity matter.
  for (const ni of hasConstraints ? snap.nodeInfos : snap.havePodsWithAffinityNodeInfoList) {
    const node = ni.node;
    if (Object.keys(node.metadata.labels ?? {}).length === 0) continue;
    const pods = hasConstraints ? ni.pods : ni.podsWithAffinity;
    for (const pi of pods) {
      const existing = pi.pod;
      const existingNs = snap.namespaceLabels(existing.metadata.namespace);
      for (const t of incoming.preferredAffinity) processTerm(m, t, t.weight, existing, existingNs, node, 1);
      for (const t of incoming.preferredAntiAffinity) processTerm(m, t, t.weight, existing, existingNs, node, -1);
      const ex = podInfoAffinity(pi);
      for (const t of ex.requiredAffinity) processTerm(m, t, HARD_POD_AFFINITY_WEIGHT, pod, podNs, node, 1);
      for (const t of ex.preferredAffinity) processTerm(m, t, t.weight, pod, podNs, node, 1);
      for (const t of ex.preferredAntiAffinity) processTerm(m, t, t.weight, pod, podNs, node, -1);
    }
  }
  if (m.size === 0) return newStatus("Skip");
  state.write(KEY, m);
  return undefined;
}

export function interPodAffinityScore(state: CycleState, _pod: KObject, ni: NodeInfo): number {
  const m = state.read<ScoreMap>(KEY);
  if (!m) return 0;
  let score = 0;
  for (const [key, byValue] of m) {
    const v = ni.node.metadata.labels?.[key];
    if (v !== undefined) score += byValue.get(v) ?? 0;
  }
  return score;
}

export function interPodAffinityNormalize(state: CycleState, _pod: KObject, scores: NodeScore[]): void {
  if (!state.read<ScoreMap>(KEY)) return;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const s of scores) {
    min = Math.min(min, s.score);
    max = Math.max(max, s.score);
  }
  const diff = max - min;
  for (const s of scores) s.score = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((s.score - min) / diff)) : 0;
}

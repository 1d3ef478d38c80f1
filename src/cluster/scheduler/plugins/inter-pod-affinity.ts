// InterPodAffinity: Filter enforces the pod's required affinity and anti-affinity and the required
// anti-affinity of pods already running; Score weighs preferred terms both ways (scoring.ts).
// Mirrors pkg/scheduler/framework/plugins/interpodaffinity/filtering.go and plugin.go.
import type { KObject } from "../../apiserver/registry/types";
import { newStatus, type CycleState, type NodeInfo, type Plugin } from "../framework/types";
import { parseAffinity, podInfoAffinity, podMatchesAllTerms, termMatches, TopologyCounts, type ParsedAffinity } from "./affinity-terms";
import { interPodAffinityNormalize, interPodAffinityPreScore, interPodAffinityScore } from "./inter-pod-affinity-scoring";

export const ErrReasonExistingAntiAffinityRulesNotMatch = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ErrReasonAffinityRulesNotMatch = "node(s) didn't match pod affinity rules";
export const ErrReasonAntiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules";

const KEY = "PreFilterInterPodAffinity";

interface PreFilterState {
  podInfo: ParsedAffinity;
  pod: KObject;
  existingAntiAffinityCounts: TopologyCounts;
  affinityCounts: TopologyCounts;
  antiAffinityCounts: TopologyCounts;
}

function computeState(state: CycleState, pod: KObject): PreFilterState {
  const snap = state.snapshot;
  const podInfo = parseAffinity(pod);
  const nsLabels = snap.namespaceLabels(pod.metadata.namespace);
  const existingAntiAffinityCounts = new TopologyCounts();
  const affinityCounts = new TopologyCounts();
  const antiAffinityCounts = new TopologyCounts();
  // getExistingAntiAffinityCounts: only nodes hosting pods with required anti-affinity.
  for (const ni of snap.havePodsWithRequiredAntiAffinityNodeInfoList) {
    for (const pi of ni.podsWithRequiredAntiAffinity) {
      for (const t of podInfoAffinity(pi).requiredAntiAffinity) {
        if (termMatches(t, pod, nsLabels)) existingAntiAffinityCounts.update(ni.node, t.topologyKey, 1);
      }
    }
  }
  // getIncomingAffinityAntiAffinityCounts: every node, when the pod has required terms.
  if (podInfo.requiredAffinity.length > 0 || podInfo.requiredAntiAffinity.length > 0) {
    for (const ni of snap.nodeInfos) {
      for (const pi of ni.pods) {
        const existingNs = snap.namespaceLabels(pi.pod.metadata.namespace);
        if (podMatchesAllTerms(podInfo.requiredAffinity, pi.pod, existingNs)) {
          for (const t of podInfo.requiredAffinity) affinityCounts.update(ni.node, t.topologyKey, 1);
        }
        for (const t of podInfo.requiredAntiAffinity) {
          if (termMatches(t, pi.pod, existingNs)) antiAffinityCounts.update(ni.node, t.topologyKey, 1);
        }
      }
    }
  }
  return { podInfo, pod, existingAntiAffinityCounts, affinityCounts, antiAffinityCounts };
}

function satisfyPodAffinity(s: PreFilterState, ni: NodeInfo, nsLabels: Record<string, string>): boolean {
  let podsExist = true;
  const labels = ni.node.metadata.labels ?? {};
  for (const t of s.podInfo.requiredAffinity) {
    const v = labels[t.topologyKey];
    if (v === undefined) return false;
    if (s.affinityCounts.get(t.topologyKey, v) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first pod of a group with affinity to itself may go anywhere that has the topology labels.
  return s.affinityCounts.size === 0 && podMatchesAllTerms(s.podInfo.requiredAffinity, s.pod, nsLabels);
}

function satisfyPodAntiAffinity(s: PreFilterState, ni: NodeInfo): boolean {
  const labels = ni.node.metadata.labels ?? {};
  return s.podInfo.requiredAntiAffinity.every((t) => {
    const v = labels[t.topologyKey];
    return v === undefined || s.antiAffinityCounts.get(t.topologyKey, v) <= 0;
  });
}

function satisfyExistingPodsAntiAffinity(s: PreFilterState, ni: NodeInfo): boolean {
  if (s.existingAntiAffinityCounts.size === 0) return true;
  return Object.entries((ni.node.metadata.labels ?? {}) as Record<string, string>).every(
    ([k, v]) => s.existingAntiAffinityCounts.get(k, v) <= 0,
  );
}

export const interPodAffinity: Plugin = {
  name: "InterPodAffinity",
  preFilter(state, pod) {
    const s = computeState(state, pod);
    state.write(KEY, s);
    const none = s.existingAntiAffinityCounts.size === 0 && s.podInfo.requiredAffinity.length === 0 && s.podInfo.requiredAntiAffinity.length === 0;
    return none ? newStatus("Skip") : undefined;
  },
  filter(state, pod, nodeInfo) {
    const s = state.read<PreFilterState>(KEY) ?? computeState(state, pod);
    const nsLabels = state.snapshot.namespaceLabels(pod.metadata.namespace);
    if (!satisfyPodAffinity(s, nodeInfo, nsLabels)) return newStatus("UnschedulableAndUnresolvable", ErrReasonAffinityRulesNotMatch);
    if (!satisfyPodAntiAffinity(s, nodeInfo)) return newStatus("Unschedulable", ErrReasonAntiAffinityRulesNotMatch);
    if (!satisfyExistingPodsAntiAffinity(s, nodeInfo)) return newStatus("Unschedulable", ErrReasonExistingAntiAffinityRulesNotMatch);
    return undefined;
  },
  preScore: interPodAffinityPreScore,
  score: interPodAffinityScore,
  normalizeScore: interPodAffinityNormalize,
  events: [
    { resource: "Pod", actionType: ["All"] },
    { resource: "Node", actionType: ["Add", "UpdateNodeLabel"] },
  ],
};

// NodeAffinity: Filter applies spec.nodeSelector and required node affinity; Score sums the weights
// of matching preferred terms, normalized by the highest.
// Mirrors pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go.
import type { KObject } from "../../apiserver/registry/types";
import { matchNodeSelectorTerm, requiredNodeAffinityMatches } from "../framework/labels";
import { newStatus, type Plugin } from "../framework/types";
import { defaultNormalizeScore } from "./normalize";

export const ErrReasonPod = "node(s) didn't match Pod's node affinity/selector";

interface PreferredTerm { weight: number; preference: Record<string, unknown> }

function preferredTerms(pod: KObject): PreferredTerm[] {
  return pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
}

export const nodeAffinity: Plugin = {
  name: "NodeAffinity",
  preFilter(state, pod) {
    const hasSelector = Object.keys(pod.spec?.nodeSelector ?? {}).length > 0;
    const hasRequired = !!pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    if (!hasSelector && !hasRequired) return newStatus("Skip");
    state.write("PreFilterNodeAffinity", true);
    return undefined;
  },
  filter(_state, pod, nodeInfo) {
    if (requiredNodeAffinityMatches(pod, nodeInfo.node)) return undefined;
    return newStatus("UnschedulableAndUnresolvable", ErrReasonPod);
  },
  preScore(_state, pod) {
    return preferredTerms(pod).length === 0 ? newStatus("Skip") : undefined;
  },
  score(_state, pod, nodeInfo) {
    let count = 0;
    for (const t of preferredTerms(pod)) {
      if (t.weight !== 0 && matchNodeSelectorTerm(t.preference, nodeInfo.node)) count += t.weight;
    }
    return count;
  },
  normalizeScore(_state, _pod, scores) {
    defaultNormalizeScore(scores, false);
  },
  events: [{ resource: "Node", actionType: ["Add", "UpdateNodeLabel", "UpdateNodeTaint"] }],
};

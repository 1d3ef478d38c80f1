// TaintToleration: Filter rejects nodes with an untolerated NoSchedule/NoExecute taint; Score counts
// untolerated PreferNoSchedule taints, normalized in reverse (fewer is better).
// Mirrors pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go.
import type { KObject } from "../../apiserver/registry/types";
import { doNotScheduleTaints, findMatchingUntoleratedTaint, nodeTaints, podTolerations, tolerationsTolerateTaint, type Toleration } from "../framework/taints";
import { newStatus, type Plugin } from "../framework/types";
import { defaultNormalizeScore } from "./normalize";

const PRE_SCORE_KEY = "PreScoreTaintToleration";

function preferNoScheduleTolerations(pod: KObject): Toleration[] {
  return podTolerations(pod).filter((t) => !t.effect || t.effect === "PreferNoSchedule");
}

export const taintToleration: Plugin = {
  name: "TaintToleration",
  filter(_state, pod, nodeInfo) {
    const taint = findMatchingUntoleratedTaint(nodeTaints(nodeInfo.node), podTolerations(pod), doNotScheduleTaints);
    if (!taint) return undefined;
    return newStatus("UnschedulableAndUnresolvable", `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ""}}`);
  },
  preScore(state, pod) {
    state.write(PRE_SCORE_KEY, preferNoScheduleTolerations(pod));
    return undefined;
  },
  score(state, pod, nodeInfo) {
    const tolerations = state.read<Toleration[]>(PRE_SCORE_KEY) ?? preferNoScheduleTolerations(pod);
    return nodeTaints(nodeInfo.node).filter(
      (t) => t.effect === "PreferNoSchedule" && !tolerationsTolerateTaint(tolerations, t),
    ).length;
  },
  normalizeScore(_state, _pod, scores) {
    defaultNormalizeScore(scores, true);
  },
  events: [
    { resource: "Node", actionType: ["Add", "UpdateNodeTaint"] },
    { resource: "Pod", actionType: ["UpdatePodTolerations"] },
  ],
};

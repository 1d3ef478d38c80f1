// NodeResourcesBalancedAllocation: favours nodes whose cpu and memory fractions (with the pod added)
// are close: score = (1 - std) × 100. v1.32 scores best-effort pods too.
// Mirrors pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go.
import { MAX_NODE_SCORE, type Plugin } from "../framework/types";
import { readPodRequests, resourceScore, writePodRequests } from "./resource-allocation";

const PRE_SCORE_KEY = "PreScoreNodeResourcesBalancedAllocation";

export function balancedResourceScorer(requested: number[], allocatable: number[]): number {
  const fractions: number[] = [];
  let total = 0;
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    const f = Math.min(requested[i]! / allocatable[i]!, 1);
    total += f;
    fractions.push(f);
  }
  let std = 0;
  if (fractions.length === 2) {
    std = Math.abs((fractions[0]! - fractions[1]!) / 2);
  } else if (fractions.length > 2) {
    const mean = total / fractions.length;
    std = Math.sqrt(fractions.reduce((s, f) => s + (f - mean) ** 2, 0) / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

export const balancedAllocation: Plugin = {
  name: "NodeResourcesBalancedAllocation",
  preScore(state, pod) {
    return writePodRequests(state, PRE_SCORE_KEY, pod, true);
  },
  score(state, pod, nodeInfo) {
    return resourceScore(readPodRequests(state, PRE_SCORE_KEY, pod, true), nodeInfo, true, balancedResourceScorer);
  },
  events: [],
};

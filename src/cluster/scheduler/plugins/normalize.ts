// DefaultNormalizeScore: scales scores to 0..MaxNodeScore by the highest one, optionally reversed.
// Mirrors pkg/scheduler/framework/plugins/helper/normalize_score.go.
import { MAX_NODE_SCORE, type NodeScore } from "../framework/types";

export function defaultNormalizeScore(scores: NodeScore[], reverse: boolean, maxPriority = MAX_NODE_SCORE): void {
  let maxCount = 0;
  for (const s of scores) if (s.score > maxCount) maxCount = s.score;
  if (maxCount === 0) {
    if (reverse) for (const s of scores) s.score = maxPriority;
    return;
  }
  for (const s of scores) {
    let v = Math.trunc((maxPriority * s.score) / maxCount);
    if (reverse) v = maxPriority - v;
    s.score = v;
  }
}

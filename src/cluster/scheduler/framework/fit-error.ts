// FitError.Error(): "0/N nodes are available: <prefilter msg>. | <sorted reason histogram>. <postfilter msg>"
// where each reason is counted over nodes and the "<count> <reason>" strings are sorted as strings.
// Mirrors FitError of pkg/scheduler/framework/types.go (the PostFilter message carries its own period).
import type { Status } from "./types";

export interface Diagnosis {
  /** Status per node name. */
  nodeToStatus: Map<string, Status>;
  unschedulablePlugins: Set<string>;
  preFilterMsg?: string;
  postFilterMsg?: string;
}

export function fitErrorMessage(numAllNodes: number, d: Diagnosis): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (d.preFilterMsg) {
    msg += ` ${d.preFilterMsg}.`;
  } else {
    const reasons = new Map<string, number>();
    for (const st of d.nodeToStatus.values()) {
      for (const r of st.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
    }
    const sorted = [...reasons].map(([r, n]) => `${n} ${r}`).sort(goStringLess);
    if (sorted.length) msg += ` ${sorted.join(", ")}.`;
  }
  if (d.postFilterMsg) msg += ` ${d.postFilterMsg}`;
  return msg;
}

/** sort.Strings order: byte-wise (UTF-16 code unit order equals it for the ASCII reasons used). */
function goStringLess(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

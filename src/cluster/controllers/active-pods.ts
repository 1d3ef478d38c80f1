// Which pods a ReplicaSet deletes first when scaling down (pkg/controller/controller_utils.go
// ActivePodsWithRanks.Less with LogarithmicScaleDown and PodDeletionCost on, as in v1.32;
// pkg/controller/replicaset/replica_set.go getPodsRankedByRelatedPodsOnSameNode).
import type { KObject } from "../apiserver/registry/types";
import { isPodActive, isPodReady, podCondition } from "./util";

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

const time = (s: string | undefined) => (s ? Date.parse(s) : 0);
const deletionCost = (p: KObject) => Number.parseInt(p.metadata.annotations?.[DELETION_COST] ?? "0", 10) || 0;
const readyTime = (p: KObject) => time(podCondition(p, "Ready")?.lastTransitionTime);
const maxRestarts = (p: KObject) => Math.max(0, ...((p.status?.containerStatuses ?? []) as KObject[]).map((c) => c.restartCount ?? 0));

/** logarithmicRankDiff: compares floor(log2(age in ns)) of two times. */
function logRankDiff(t1: number, t2: number, now: number): number {
  const rank = (t: number) => {
    const d = (now - t) * 1e6;
    return d > 0 ? Math.floor(Math.log2(d)) : -1;
  };
  return rank(t1) - rank(t2);
}

/** afterOrZero: zero times first, then the later one. */
const afterOrZero = (a: number, b: number) => (a === 0 || b === 0 ? a === 0 : a > b);

interface Ranked { pod: KObject; rank: number }

function less(a: Ranked, b: Ranked, now: number): boolean {
  const [pi, pj] = [a.pod, b.pod];
  const ni = pi.spec?.nodeName ?? "";
  const nj = pj.spec?.nodeName ?? "";
  if (ni !== nj && (!ni || !nj)) return !ni;
  const oi = PHASE_ORDINAL[pi.status?.phase] ?? 0;
  const oj = PHASE_ORDINAL[pj.status?.phase] ?? 0;
  if (oi !== oj) return oi < oj;
  if (isPodReady(pi) !== isPodReady(pj)) return !isPodReady(pi);
  if (deletionCost(pi) !== deletionCost(pj)) return deletionCost(pi) < deletionCost(pj);
  if (a.rank !== b.rank) return a.rank > b.rank;
  const byTime = (ti: number, tj: number): boolean | undefined => {
    if (ti === tj) return undefined;
    if (!ti || !tj) return afterOrZero(ti, tj);
    const d = logRankDiff(ti, tj, now);
    return d === 0 ? pi.metadata.uid < pj.metadata.uid : d < 0;
  };
  if (isPodReady(pi) && isPodReady(pj)) {
    const r = byTime(readyTime(pi), readyTime(pj));
    if (r !== undefined) return r;
  }
  if (maxRestarts(pi) !== maxRestarts(pj)) return maxRestarts(pi) > maxRestarts(pj);
  return byTime(time(pi.metadata.creationTimestamp), time(pj.metadata.creationTimestamp)) ?? false;
}

/** getPodsToDelete: the first `diff` pods in deletion order, ranked by related pods on the same node. */
export function podsToDelete(filtered: KObject[], related: KObject[], diff: number, now: Date): KObject[] {
  if (diff >= filtered.length) return filtered.slice(0, diff);
  const onNode = new Map<string, number>();
  for (const p of related) if (isPodActive(p)) onNode.set(p.spec?.nodeName ?? "", (onNode.get(p.spec?.nodeName ?? "") ?? 0) + 1);
  const ranked = filtered.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? "") ?? 0 }));
  const t = now.getTime();
  ranked.sort((a, b) => (less(a, b, t) ? -1 : less(b, a, t) ? 1 : 0));
  return ranked.slice(0, diff).map((r) => r.pod);
}

// NodeResourcesFit: Filter checks pods count, cpu, memory, ephemeral storage and scalar (extended)
// resources against allocatable minus requested; Score is LeastAllocated over cpu and memory
// (weight 1 each) with the scheduler's non-zero defaults.
// Mirrors pkg/scheduler/framework/plugins/noderesources/fit.go and least_allocated.go (v1.32:
// every shortage is Unschedulable, so preemption is tried).
import type { KObject } from "../../apiserver/registry/types";
import { podRequests, resourceFrom } from "../framework/resources";
import { MAX_NODE_SCORE, newStatus, type NodeInfo, type Plugin, type Resource } from "../framework/types";
import { readPodRequests, resourceScore, writePodRequests } from "./resource-allocation";

const PRE_FILTER_KEY = "PreFilterNodeResourcesFit";
const PRE_SCORE_KEY = "PreScoreNodeResourcesFit";

export function computePodResourceRequest(pod: KObject): Resource {
  return resourceFrom(podRequests(pod));
}

const scalarCache = new WeakMap<Resource, [string, number][]>();
function scalarEntries(req: Resource): [string, number][] {
  let e = scalarCache.get(req);
  if (!e) scalarCache.set(req, (e = Object.entries(req.scalar)));
  return e;
}

/** fitsRequest: the reasons a node lacks room for the request (empty when it fits). */
export function fitsRequest(req: Resource, ni: NodeInfo): string[] {
  const reasons: string[] = [];
  if (ni.pods.length + 1 > ni.allocatable.allowedPodNumber) reasons.push("Too many pods");
  const scalars = scalarEntries(req);
  if (req.milliCPU === 0 && req.memory === 0 && req.ephemeralStorage === 0 && scalars.length === 0) return reasons;
  const a = ni.allocatable;
  const r = ni.requested;
  if (req.milliCPU > 0 && req.milliCPU > a.milliCPU - r.milliCPU) reasons.push("Insufficient cpu");
  if (req.memory > 0 && req.memory > a.memory - r.memory) reasons.push("Insufficient memory");
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > a.ephemeralStorage - r.ephemeralStorage) {
    reasons.push("Insufficient ephemeral-storage");
  }
  for (const [name, q] of scalars) {
    if (q === 0) continue;
    if (q > (a.scalar[name] ?? 0) - (r.scalar[name] ?? 0)) reasons.push(`Insufficient ${name}`);
  }
  return reasons;
}

/** leastRequestedScore: free share of the capacity, 0..100 (integer arithmetic as upstream). */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

function leastResourceScorer(requested: number[], allocatable: number[]): number {
  let nodeScore = 0;
  let weightSum = 0;
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    nodeScore += leastRequestedScore(requested[i]!, allocatable[i]!);
    weightSum += 1;
  }
  return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum);
}

export const nodeResourcesFit: Plugin = {
  name: "NodeResourcesFit",
  preFilter(state, pod) {
    state.write(PRE_FILTER_KEY, computePodResourceRequest(pod));
    return undefined;
  },
  filter(state, pod, nodeInfo) {
    const req = state.read<Resource>(PRE_FILTER_KEY) ?? computePodResourceRequest(pod);
    const reasons = fitsRequest(req, nodeInfo);
    return reasons.length ? newStatus("Unschedulable", ...reasons) : undefined;
  },
  preScore(state, pod) {
    return writePodRequests(state, PRE_SCORE_KEY, pod, false);
  },
  score(state, pod, nodeInfo) {
    return resourceScore(readPodRequests(state, PRE_SCORE_KEY, pod, false), nodeInfo, false, leastResourceScorer);
  },
  events: [
    { resource: "Pod", actionType: ["Delete", "UpdatePodScaleDown"] },
    { resource: "Node", actionType: ["Add", "UpdateNodeAllocatable", "UpdateNodeTaint", "UpdateNodeLabel"] },
  ],
};

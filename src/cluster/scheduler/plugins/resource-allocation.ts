// The shared part of the resource score plugins (resourceAllocationScorer): requested and allocatable
// cpu and memory of a node with the incoming pod added, from the non-zero requests (LeastAllocated)
// or the actual requests (BalancedAllocation).
// The pod's side is computed once per cycle in PreScore (calculatePodResourceRequestList).
// Mirrors pkg/scheduler/framework/plugins/noderesources/resource_allocation.go.
import type { KObject } from "../../apiserver/registry/types";
import { podRequests, type ResourceValues } from "../framework/resources";
import type { CycleState, NodeInfo } from "../framework/types";

export const SCORED_RESOURCES = ["cpu", "memory"] as const;

/** PreScore: the pod's requests (actual, or with the non-zero defaults) kept in the cycle state under `key`. */
export function writePodRequests(state: CycleState, key: string, pod: KObject, useRequested: boolean): undefined {
  state.write(key, podRequests(pod, { nonMissing: !useRequested }));
  return undefined;
}

/** The requests PreScore kept (computed here when Score runs without PreScore). */
export function readPodRequests(state: CycleState, key: string, pod: KObject, useRequested: boolean): ResourceValues {
  return state.read<ResourceValues>(key) ?? podRequests(pod, { nonMissing: !useRequested });
}

export function resourceScore(
  podReq: ResourceValues,
  ni: NodeInfo,
  useRequested: boolean,
  scorer: (requested: number[], allocatable: number[]) => number,
): number {
  const base = useRequested ? ni.requested : ni.nonZeroRequested;
  const requested: number[] = [];
  const allocatable: number[] = [];
  for (const r of SCORED_RESOURCES) {
    const alloc = r === "cpu" ? ni.allocatable.milliCPU : ni.allocatable.memory;
    const used = r === "cpu" ? base.milliCPU : base.memory;
    requested.push(alloc === 0 ? 0 : used + (podReq[r] ?? 0));
    allocatable.push(alloc);
  }
  return scorer(requested, allocatable);
}

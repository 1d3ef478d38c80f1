// The shared part of the resource score plugins (resourceAllocationScorer): requested and allocatable
// cpu and memory of a node with the incoming pod added, from the non-zero requests (LeastAllocated)
// or the actual requests (BalancedAllocation).
// Mirrors pkg/scheduler/framework/plugins/noderesources/resource_allocation.go.
import type { KObject } from "../../apiserver/registry/types";
import { podRequests } from "../framework/resources";
import type { NodeInfo } from "../framework/types";

export const SCORED_RESOURCES = ["cpu", "memory"] as const;

export function resourceScore(
  pod: KObject,
  ni: NodeInfo,
  useRequested: boolean,
  scorer: (requested: number[], allocatable: number[]) => number,
): number {
  const podReq = podRequests(pod, { nonMissing: !useRequested });
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

// Pod admission on the node, before anything runs: the kubelet's predicate admit handler
// (pkg/kubelet/lifecycle/predicate.go) re-checks node affinity/selector and resource fit against
// the pods already admitted. A rejected pod ends Failed with reason OutOf<resource> or
// NodeAffinity and message "Pod was rejected: …", plus a Warning event with the same reason.
import type { KObject } from "../apiserver/registry/types";
import { podRequests, toValues } from "../scheduler/framework/resources";
import { requiredNodeAffinityMatches } from "../scheduler/framework/labels";

export interface Rejection { reason: string; message: string }

/** `others`: pods already admitted on the node (not terminal). */
export function admitPod(pod: KObject, node: KObject, others: KObject[]): Rejection | undefined {
  if (!requiredNodeAffinityMatches(pod, node)) return { reason: "NodeAffinity", message: "Predicate NodeAffinity failed" };
  const alloc = toValues(node.status?.allocatable);
  const want = podRequests(pod);
  const used: Record<string, number> = {};
  for (const o of others) for (const [k, v] of Object.entries(podRequests(o))) used[k] = (used[k] ?? 0) + v;
  if (alloc.pods !== undefined && others.length + 1 > alloc.pods) {
    return { reason: "OutOfpods", message: `Node didn't have enough resource: pods, requested: 1, used: ${others.length}, capacity: ${alloc.pods}` };
  }
  for (const name of ["cpu", "memory", "ephemeral-storage"]) {
    const req = want[name] ?? 0;
    if (req === 0) continue;
    const cap = alloc[name] ?? 0;
    const u = used[name] ?? 0;
    if (req + u > cap) {
      return { reason: `OutOf${name}`, message: `Node didn't have enough resource: ${name}, requested: ${req}, used: ${u}, capacity: ${cap}` };
    }
  }
  return undefined;
}

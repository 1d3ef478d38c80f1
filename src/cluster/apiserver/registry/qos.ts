// The pod's QoS class, as pkg/apis/core/helper/qos/qos.go ComputePodQOS: only cpu and memory
// count; BestEffort with no requests or limits, Guaranteed when every container has cpu and memory
// limits and requests equal to them, Burstable otherwise.
import type { Json } from "../validation/common";
import { addQuantity, compareQuantity, tryParseQuantity, type Quantity } from "../validation/quantity";

export type QOSClass = "Guaranteed" | "Burstable" | "BestEffort";
const QOS_RESOURCES = ["cpu", "memory"];

function accumulate(into: Map<string, Quantity>, list: Record<string, unknown> | undefined, found?: Set<string>): void {
  for (const [name, raw] of Object.entries(list ?? {})) {
    if (!QOS_RESOURCES.includes(name)) continue;
    const q = tryParseQuantity(raw);
    if (!q || q.mantissa <= 0n) continue;
    found?.add(name);
    const prev = into.get(name);
    into.set(name, prev ? addQuantity(q, prev) : q);
  }
}

export function getPodQOS(pod: Json): QOSClass {
  const requests = new Map<string, Quantity>();
  const limits = new Map<string, Quantity>();
  let guaranteed = true;
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])] as Json[]) {
    accumulate(requests, c.resources?.requests);
    const found = new Set<string>();
    accumulate(limits, c.resources?.limits, found);
    if (!QOS_RESOURCES.every((r) => found.has(r))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (guaranteed) {
    for (const [name, req] of requests) {
      const lim = limits.get(name);
      if (!lim || compareQuantity(lim, req) !== 0) { guaranteed = false; break; }
    }
  }
  return guaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable";
}

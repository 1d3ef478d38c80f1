// Pod resource sums for `describe node`: PodRequestsAndLimits of kubectl's pkg/util/resource
// (containers summed, restartable init containers added, other init containers as a maximum,
// pod overhead added) and getPodsTotalRequestsAndLimits of describe.go.
import { addQuantity, compareQuantity, milliValue, quantityString, quantityValue, tryParseQuantity, zeroQuantity,
  type Quantity } from "../../../cluster/apiserver/validation/quantity";
import type { Json } from "./go-format";

export type ResourceList = Map<string, Quantity>;

function toList(raw: Json | undefined): ResourceList {
  const m: ResourceList = new Map();
  for (const [k, v] of Object.entries(raw ?? {})) { const q = tryParseQuantity(v); if (q) m.set(k, q); }
  return m;
}

function addInto(into: ResourceList, add: ResourceList): void {
  for (const [k, q] of add) { const prev = into.get(k); into.set(k, prev ? addQuantity(prev, q) : q); }
}

function maxInto(into: ResourceList, other: ResourceList): void {
  for (const [k, q] of other) { const prev = into.get(k); if (!prev || compareQuantity(q, prev) > 0) into.set(k, q); }
}

function podSum(pod: Json, field: "requests" | "limits"): ResourceList {
  const reqs: ResourceList = new Map();
  for (const c of (pod.spec?.containers ?? []) as Json[]) addInto(reqs, toList(c.resources?.[field]));
  const restartable: ResourceList = new Map();
  const initMax: ResourceList = new Map();
  for (const c of (pod.spec?.initContainers ?? []) as Json[]) {
    const r = toList(c.resources?.[field]);
    if (c.restartPolicy === "Always") {
      addInto(reqs, r);
      addInto(restartable, r);
      maxInto(initMax, restartable);
    } else {
      const tmp: ResourceList = new Map(restartable);
      addInto(tmp, r);
      maxInto(initMax, tmp);
    }
  }
  maxInto(reqs, initMax);
  if (pod.spec?.overhead) addInto(reqs, toList(pod.spec.overhead));
  return reqs;
}

export function podRequestsAndLimits(pod: Json): { reqs: ResourceList; limits: ResourceList } {
  return { reqs: podSum(pod, "requests"), limits: podSum(pod, "limits") };
}

export function totalRequestsAndLimits(pods: Json[]): { reqs: ResourceList; limits: ResourceList } {
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const p of pods) { const r = podRequestsAndLimits(p); addInto(reqs, r.reqs); addInto(limits, r.limits); }
  return { reqs, limits };
}

export const q = (list: ResourceList, name: string): Quantity => list.get(name) ?? zeroQuantity();
export const qs = (x: Quantity): string => quantityString(x);
export const milli = (x: Quantity): number => milliValue(x);
export const value = (x: Quantity): number => quantityValue(x);
/** int64(a / b * 100) of float64s: Go truncates toward zero; on amd64 a zero divisor (±Inf, NaN) converts to the minimum int64. */
export function percent(a: number, b: number): string {
  if (b === 0) return "-9223372036854775808";
  return String(Math.trunc((a / b) * 100));
}

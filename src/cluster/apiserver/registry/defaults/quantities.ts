// Quantities as the decoder leaves them: every quantity re-serialized in canonical form
// ("1000m" → "1", "0.5" → "500m"), and an unparseable one rejected with the decoder's 400
// (`Pod in version "v1" cannot be handled as a Pod: quantities must match ...`), as upstream's
// resource.Quantity UnmarshalJSON does before any validation runs.
import { badRequest } from "../../status";
import { canonicalQuantity, parseQuantity, QuantityParseError } from "../../validation/quantity";
import type { Json } from "../../validation/common";

export function decodeError(kind: string, apiVersion: string, message: string) {
  return badRequest(`${kind} in version "${apiVersion.includes("/") ? apiVersion.split("/")[1] : apiVersion}" cannot be handled as a ${kind}: ${message}`);
}

/** Canonicalizes a map of quantities in place (requests, limits, capacity, ...). */
export function canonicalizeQuantityMap(m: Record<string, unknown> | undefined, kind: string, apiVersion: string): void {
  if (!m || typeof m !== "object") return;
  for (const [k, v] of Object.entries(m)) m[k] = canonicalizeQuantity(v, kind, apiVersion);
}

export function canonicalizeQuantity(v: unknown, kind: string, apiVersion: string): string {
  if (typeof v !== "string" && typeof v !== "number") throw decodeError(kind, apiVersion, "quantities must be a string or a number");
  try {
    parseQuantity(v);
  } catch (e) {
    if (e instanceof QuantityParseError) throw decodeError(kind, apiVersion, e.message);
    throw e;
  }
  return canonicalQuantity(v)!;
}

/** Every container's resources and emptyDir size limits of a pod spec. */
export function canonicalizePodSpecQuantities(spec: Json, kind: string, apiVersion: string): void {
  if (!spec) return;
  for (const list of [spec.containers, spec.initContainers, spec.ephemeralContainers]) {
    for (const c of (list ?? []) as Json[]) {
      canonicalizeQuantityMap(c.resources?.requests, kind, apiVersion);
      canonicalizeQuantityMap(c.resources?.limits, kind, apiVersion);
    }
  }
  canonicalizeQuantityMap(spec.overhead, kind, apiVersion);
  for (const v of (spec.volumes ?? []) as Json[]) {
    if (v.emptyDir?.sizeLimit !== undefined) v.emptyDir.sizeLimit = canonicalizeQuantity(v.emptyDir.sizeLimit, kind, apiVersion);
  }
}

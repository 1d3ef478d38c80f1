// Resource quantities as the scheduler reads them: Quantity.Value() and Quantity.MilliValue() of
// k8s.io/apimachinery/pkg/api/resource (both rounded up), over the shared exact parser in
// apiserver/validation/quantity.ts. Unparsable strings count as 0 (the API server rejects them first).
// The few distinct strings a cluster uses ("100m", "128Mi", "110") are parsed once and remembered.
import { milliValue, quantityValue as value, tryParseQuantity } from "../apiserver/validation/quantity";

const MAX_REMEMBERED = 4096;
const values = new Map<string, number>();
const milliValues = new Map<string, number>();

function remembered(memo: Map<string, number>, s: unknown, convert: (s: unknown) => number): number {
  if (typeof s !== "string") return convert(s);
  const known = memo.get(s);
  if (known !== undefined) return known;
  const v = convert(s);
  if (memo.size >= MAX_REMEMBERED) memo.clear();
  memo.set(s, v);
  return v;
}

function parseValue(s: unknown): number {
  const q = tryParseQuantity(s);
  return q ? value(q) : 0;
}

function parseMilliValue(s: unknown): number {
  const q = tryParseQuantity(s);
  return q ? milliValue(q) : 0;
}

/** Quantity.Value(): the quantity as an integer, rounded up; 0 for an unparsable string. */
export function quantityValue(s: unknown): number {
  return remembered(values, s, parseValue);
}

/** Quantity.MilliValue(): the quantity × 1000, rounded up (cpu in millicores). */
export function quantityMilliValue(s: unknown): number {
  return remembered(milliValues, s, parseMilliValue);
}

// Resource quantities as the scheduler reads them: Quantity.Value() and Quantity.MilliValue() of
// k8s.io/apimachinery/pkg/api/resource (both rounded up), over the shared exact parser in
// apiserver/validation/quantity.ts. Unparsable strings count as 0 (the API server rejects them first).
import { milliValue, quantityValue as value, tryParseQuantity } from "../apiserver/validation/quantity";

/** Quantity.Value(): the quantity as an integer, rounded up; 0 for an unparsable string. */
export function quantityValue(s: unknown): number {
  const q = tryParseQuantity(s);
  return q ? value(q) : 0;
}

/** Quantity.MilliValue(): the quantity × 1000, rounded up (cpu in millicores). */
export function quantityMilliValue(s: unknown): number {
  const q = tryParseQuantity(s);
  return q ? milliValue(q) : 0;
}

// IntOrString fields given as a number or a percentage (pkg/apis/apps/validation ValidatePositiveIntOrPercent,
// IsNotMoreThan100Percent; util/validation IsValidPercent).
import { invalidValue, type FieldError } from "../field-errors";
import { regexError } from "./names";

export const isValidPercent = (s: string) => /^[0-9]+%$/.test(s);

export function validateIntOrPercent(v: unknown, path: string): FieldError[] {
  if (v === undefined || v === null) return [];
  if (typeof v === "string") {
    if (!isValidPercent(v)) return [invalidValue(path, v, regexError("a valid percent string must be a numeric string followed by an ending '%'", "[0-9]+%", "1%", "93%"))];
    return [];
  }
  if (typeof v === "number" && v < 0) return [invalidValue(path, v, "must be greater than or equal to 0")];
  return [];
}

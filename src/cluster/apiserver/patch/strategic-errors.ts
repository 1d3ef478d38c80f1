// Errors of the strategic merge patch, worded as k8s.io/apimachinery/pkg/util/mergepatch/errors.go,
// and their HTTP mapping (interpretStrategicMergePatchError in apiserver handlers/patch.go):
// format errors are 400, list-of-lists and retainKeys mismatches the generic 422, the rest 500.
import { badRequest, type StatusError } from "../status";
import { goFormatValue } from "./go-format";
import { genericUnprocessable, unknownServerError } from "./patch-errors";

export type SmpErrorKind = "badRequest" | "unprocessable" | "other";

export class SmpError extends Error {
  constructor(readonly kind: SmpErrorKind, message: string) { super(message); }
  toStatusError(): StatusError {
    if (this.kind === "badRequest") return badRequest(this.message);
    if (this.kind === "unprocessable") return genericUnprocessable();
    return unknownServerError(this.message);
  }
}

export const errNoListOfLists = () => new SmpError("unprocessable", "lists of lists are not supported");
export const errBadPatchFormatForPrimitiveList = () => new SmpError("badRequest", "invalid patch format of primitive list");
export const errBadPatchFormatForRetainKeys = () => new SmpError("badRequest", "invalid patch format of retainKeys");
export const errBadPatchFormatForSetElementOrderList = () => new SmpError("badRequest", "invalid patch format of setElementOrder list");

export const errNoMergeKey = (m: unknown, k: string) =>
  new SmpError("other", `map: ${goFormatValue(m)} does not contain declared merge key: ${k}`);

export const errBadPatchType = (t: unknown, m: unknown) =>
  new SmpError("other", `unknown patch type: ${goFormatValue(t)} in map: ${goFormatValue(m)}`);

/** reflect.TypeOf names of JSON-decoded values. */
function goTypeName(v: unknown): string {
  if (Array.isArray(v)) return "[]interface {}";
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "object") return "map[string]interface {}";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  if (typeof v === "boolean") return "bool";
  return "string";
}

export const errBadArgType = (expected: unknown, actual: unknown) =>
  new SmpError("other", `expected a ${goTypeName(expected)}, but received a ${goTypeName(actual)}`);

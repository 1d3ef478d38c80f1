// Shared validation helpers: field paths (field.Path's Child/Index/Key), non-negative and immutable
// fields (apimachinery/pkg/api/validation/generic.go, objectmeta.go), deep equality
// (apiequality.Semantic.DeepEqual on JSON), and Go-syntax values for messages that print them.
import { invalidValue, type FieldError } from "../field-errors";

export const child = (path: string, ...names: string[]) => [path, ...names].filter(Boolean).join(".");
export const index = (path: string, i: number) => `${path}[${i}]`;
export const key = (path: string, k: string) => `${path}[${k}]`;

export const FIELD_IMMUTABLE = "field is immutable";
export const IS_NEGATIVE_ERROR = "must be greater than or equal to 0";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export function validateNonnegativeField(value: number | undefined, path: string): FieldError[] {
  return typeof value === "number" && value < 0 ? [invalidValue(path, value, IS_NEGATIVE_ERROR)] : [];
}

export function validateImmutableField(newVal: unknown, oldVal: unknown, path: string, shown: unknown = newVal): FieldError[] {
  return deepEqual(newVal, oldVal) ? [] : [invalidValue(path, shown, FIELD_IMMUTABLE)];
}

/** Semantic equality of JSON values; absent, null, empty object and empty list count as the same "unset" only where Go would (nil vs empty differ, so we compare strictly apart from undefined vs missing). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => deepEqual(v, bb[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Json)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Json)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as Json)[k], (b as Json)[k]));
}

/**
 * A value that upstream prints with Go's %#v (e.g. `map[string]string{"app":"nginx"}`). Until
 * field-errors.ts renders it verbatim, JSON.stringify shows its Go text as a string.
 */
export class GoValue {
  constructor(readonly goString: string) {}
  toJSON(): string { return this.goString; }
  toString(): string { return this.goString; }
}

const goQuote = (s: string) => JSON.stringify(s);

export function goStringMap(m: Record<string, string> | undefined | null): string {
  if (!m) return "map[string]string(nil)";
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(m[k])}`).join(", ")}}`;
}

/** %#v of a *metav1.LabelSelector as field errors print it (pointers dereferenced, nil is "null"). */
export function goStringLabelSelector(sel: Json): string {
  if (!sel) return "null";
  const exprs = sel.matchExpressions as Json[] | undefined;
  const e = exprs
    ? `[]v1.LabelSelectorRequirement{${exprs.map((x) => `v1.LabelSelectorRequirement{Key:${goQuote(x.key ?? "")}, Operator:${goQuote(x.operator ?? "")}, Values:${x.values ? `[]string{${x.values.map(goQuote).join(", ")}}` : "[]string(nil)"}}`).join(", ")}}`
    : "[]v1.LabelSelectorRequirement(nil)";
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${e}}`;
}

export const goMap = (m: Record<string, string> | undefined) => new GoValue(goStringMap(m));
export const goSelector = (sel: Json) => new GoValue(goStringLabelSelector(sel));

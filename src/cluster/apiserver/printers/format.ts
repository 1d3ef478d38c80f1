// Cell formatting helpers the printers share: labels.FormatLabels, metav1.FormatLabelSelector and
// LabelSelectorAsSelector(...).String() (staging/src/k8s.io/apimachinery/pkg/labels/{labels,selector}.go,
// pkg/apis/meta/v1/helpers.go), intstr.IntOrString.String, and layoutContainerCells of
// pkg/printers/internalversion/printers.go.
import { translateTimestampSince } from "./duration";
import type { KObject } from "../registry/types";

/** Go's sort.Strings order (byte order; the same as UTF-16 order for label keys, which are ASCII). */
const byBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** labels.Set.String: "k=v" sorted, comma-joined; "" for none. */
export function labelsString(labels: Record<string, string> | undefined | null): string {
  return Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`).sort(byBytes).join(",");
}

/** labels.FormatLabels: labelsString, or "<none>". */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  return labelsString(labels) || "<none>";
}

interface LabelSelector {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: { key: string; operator: string; values?: string[] | null }[] | null;
}

const OPERATORS: Record<string, string> = { In: " in ", NotIn: " notin ", Exists: "", DoesNotExist: "" };

/**
 * LabelSelectorAsSelector(sel).String(): requirements sorted by key; undefined when an operator
 * is not valid (upstream returns an error). A nil selector (Nothing) and an empty one (Everything)
 * both print as "".
 */
export function labelSelectorString(sel: LabelSelector | undefined | null): string | undefined {
  if (!sel) return "";
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of sel.matchExpressions ?? []) {
    const op = OPERATORS[e.operator];
    if (op === undefined) return undefined;
    if (e.operator === "Exists") reqs.push({ key: e.key, text: e.key });
    else if (e.operator === "DoesNotExist") reqs.push({ key: e.key, text: `!${e.key}` });
    else {
      const values = [...(e.values ?? [])];
      const list = values.length === 1 ? values[0] : values.sort(byBytes).join(",");
      reqs.push({ key: e.key, text: `${e.key}${op}(${list})` });
    }
  }
  return reqs.sort((a, b) => byBytes(a.key, b.key)).map((r) => r.text).join(",");
}

/** metav1.FormatLabelSelector: "<error>" for an invalid selector, "<none>" for an empty one. */
export function formatLabelSelector(sel: LabelSelector | undefined | null): string {
  const s = labelSelectorString(sel);
  if (s === undefined) return "<error>";
  return s || "<none>";
}

/** intstr.IntOrString.String(). */
export function intOrString(v: number | string): string {
  return typeof v === "number" ? String(v) : v;
}

/** layoutContainerCells: container names and images, each comma-joined. */
export function layoutContainerCells(containers: { name?: string; image?: string }[] | undefined | null): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name ?? "").join(","), list.map((c) => c.image ?? "").join(",")];
}

/** The AGE cell: translateTimestampSince(obj.CreationTimestamp). */
export function age(obj: KObject, now: Date): string {
  return translateTimestampSince(obj.metadata?.creationTimestamp, now);
}

/** An int32 field as Go reads it from JSON: absent (omitempty) is 0. */
export function int(v: unknown): number {
  return typeof v === "number" ? v : 0;
}

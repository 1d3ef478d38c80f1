// Helpers shared by the describers of describe.go: printLabelsMultiline, printAnnotationsMultiline
// (skipping last-applied-configuration, long values folded at 140 characters), taints,
// tolerations, printController, describeResources and DescribeEvents (the Events table with
// event.SortableEvents order and "117s (x142 over 32m)" intervals).
import type { KObject } from "../../../cluster/apiserver/registry/types";
import { eventInterval } from "../../../cluster/apiserver/printers/event-interval";
import { asCoreEvent } from "../../../cluster/apiserver/printers/event";
import { canonicalQuantity } from "../../../cluster/apiserver/validation/quantity";
import { LEVEL_0, LEVEL_1, type Writer } from "./prefix-writer";
import { byBytes, str, type Json } from "./go-format";

const SKIP_ANNOTATIONS = new Set(["kubectl.kubernetes.io/last-applied-configuration"]);
const MAX_ANNOTATION_LEN = 140;

export function printLabelsMultiline(w: Writer, title: string, labels: Record<string, string> | undefined | null): void {
  printLabelsMultilineWithIndent(w, "", title, "\t", labels);
}

export function printLabelsMultilineWithIndent(w: Writer, initialIndent: string, title: string, innerIndent: string,
  labels: Record<string, string> | undefined | null): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort(byBytes);
  if (keys.length === 0) { w.writeLine("<none>"); return; }
  keys.forEach((key, i) => {
    if (i !== 0) { w.write(LEVEL_0, initialIndent); w.write(LEVEL_0, innerIndent); }
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

/** shorten: the first maxLength bytes and "...". */
function shorten(s: string, maxLength: number): string {
  return s.length > maxLength ? `${s.slice(0, maxLength)}...` : s;
}

export function printAnnotationsMultiline(w: Writer, title: string, annotations: Record<string, string> | undefined | null): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIP_ANNOTATIONS.has(k)).sort(byBytes);
  if (keys.length === 0) { w.writeLine("<none>"); return; }
  const indent = "\t";
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key].replace(/\n$/, "");
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split("\n")) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** Taint.ToString(): "key=value:Effect", "key:Effect", "key=value", "key". */
export function taintString(t: Json): string {
  let s = str(t.key);
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  return s;
}

export function printNodeTaintsMultiline(w: Writer, title: string, taints: Json[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const list = [...(taints ?? [])];
  if (list.length === 0) { w.writeLine("<none>"); return; }
  const key = (t: Json) => `${str(t.effect)},${str(t.key)}`;
  list.sort((a, b) => byBytes(key(a), key(b)));
  list.forEach((t, i) => {
    if (i !== 0) w.write(LEVEL_0, "\t");
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

export function printTolerationsMultilineWithIndent(w: Writer, initialIndent: string, title: string, innerIndent: string,
  tolerations: Json[] | undefined): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const list = [...(tolerations ?? [])];
  if (list.length === 0) { w.writeLine("<none>"); return; }
  list.sort((a, b) => byBytes(str(a.key), str(b.key)));
  list.forEach((t, i) => {
    if (i !== 0) { w.write(LEVEL_0, initialIndent); w.write(LEVEL_0, innerIndent); }
    let s = str(t.key);
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === "Exists" && !t.value) s += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (typeof t.tolerationSeconds === "number") s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

export function printPodTolerationsMultiline(w: Writer, title: string, tolerations: Json[] | undefined): void {
  printTolerationsMultilineWithIndent(w, "", title, "\t", tolerations);
}

/** printController: "Kind/name" of the controller owner reference, or "". */
export function printController(obj: Json): string {
  const ref = ((obj.metadata?.ownerReferences ?? []) as Json[]).find((r) => r.controller === true);
  return ref ? `${ref.kind}/${ref.name}` : "";
}

export const stringOrNone = (s: string): string => (s.length > 0 ? s : "<none>");

/** Quantity.String() of a stored quantity. */
export const quantityStr = (v: unknown): string => canonicalQuantity(v) ?? str(v);

/** describeResources: Limits then Requests, resource names sorted. */
export function describeResources(resources: Json | undefined | null, w: Writer, level: number): void {
  if (!resources) return;
  for (const [title, list] of [["Limits", resources.limits], ["Requests", resources.requests]] as const) {
    const names = Object.keys((list as Json | undefined) ?? {}).sort(byBytes);
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${quantityStr((list as Json)[name])}\n`);
  }
}

/** event.SortableEvents: by lastTimestamp (a missing one sorts first, as Go's zero time). */
function lastTimestampMs(ev: Json): number {
  const t = ev.lastTimestamp ? Date.parse(ev.lastTimestamp) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
}

/** DescribeEvents: "Events:\t<none>" or a flushed table of Type, Reason, Age, From, Message. */
export function describeEvents(events: Json[], w: Writer, now: Date): void {
  if (events.length === 0) { w.write(LEVEL_0, "Events:\t<none>\n"); return; }
  w.flush();
  const list = events.map((e) => asCoreEvent(e)).sort((a, b) => { const x = lastTimestampMs(a), y = lastTimestampMs(b); return x < y ? -1 : x > y ? 1 : 0; });
  w.write(LEVEL_0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(LEVEL_1, "----\t------\t----\t----\t-------\n");
  for (const e of list) {
    const source = str(e.source?.component) || str(e.reportingComponent);
    w.write(LEVEL_1, `${str(e.type)}\t${str(e.reason)}\t${eventInterval(e as KObject, now)}\t${source}\t${str(e.message).trim()}\n`);
  }
}

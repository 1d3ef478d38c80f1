// metadata.managedFields bookkeeping for Update operations, as the apiserver's field manager
// (k8s.io/apimachinery/pkg/util/managedfields/internal: managedfields.go encoding and sorting,
// stripmeta.go ignored fields, managedfieldsupdater.go) with structured-merge-diff merge/update.go:
// a write records the fields it added or changed for its manager and takes them from the others.
import { compareValues } from "./fieldset-walk";
import {
  difference, emptySet, fieldElement, fromFieldsV1, insertPath, isEmptySet, toFieldsV1, union, type FieldSet,
} from "./fieldset";
import { deepEqual, isObject, isPresentByDefault, noPatchMeta, type JsonObject, type PatchMetaLookup } from "./patch-meta";

export interface ManagedFieldsEntry {
  manager: string;
  operation: "Apply" | "Update";
  apiVersion: string;
  time?: string;
  fieldsType: "FieldsV1";
  fieldsV1: JsonObject;
  subresource?: string;
}

export interface ManagerState { entry: ManagedFieldsEntry; set: FieldSet }

/** stripmeta.go: fields no manager ever owns. */
const STRIPPED: string[][] = [
  ["apiVersion"], ["kind"], ["metadata", "name"], ["metadata", "namespace"], ["metadata", "creationTimestamp"],
  ["metadata", "selfLink"], ["metadata", "uid"], ["metadata", "clusterName"], ["metadata", "generation"],
  ["metadata", "managedFields"], ["metadata", "resourceVersion"],
];

/** Fields a write may not own: the stripped metadata plus the strategy's reset fields. */
export function ignoredSet(resetFields: string[][]): FieldSet {
  const s = emptySet();
  for (const p of [...STRIPPED, ...resetFields]) insertPath(s, p.map(fieldElement));
  return s;
}

/** RecursiveDifference: drop every path under an ignored member. */
export function withoutIgnored(s: FieldSet, ignored: FieldSet): FieldSet {
  const out: FieldSet = { member: s.member, children: new Map() };
  for (const [k, c] of s.children) {
    const ig = ignored.children.get(k);
    if (ig?.member) continue;
    const kept = ig ? withoutIgnored(c, ig) : c;
    if (!isEmptySet(kept)) out.children.set(k, kept);
  }
  return out;
}

/** The upstream default reset fields: the main resource never owns status, the status subresource never owns spec. */
export const defaultResetFields = (subresource?: string): string[][] =>
  subresource === "status" ? [["spec"]] : subresource ? [] : [["status"]];

export const rfc3339 = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/** BuildManagerIdentifier: appliers are one manager whatever the apiVersion. */
export const managerIdentifier = (e: Pick<ManagedFieldsEntry, "manager" | "operation" | "apiVersion" | "subresource">) =>
  JSON.stringify([e.manager, e.operation, e.operation === "Apply" ? "" : e.apiVersion, e.subresource ?? ""]);

export function decodeManagedFields(entries: unknown): Map<string, ManagerState> {
  const out = new Map<string, ManagerState>();
  if (!Array.isArray(entries)) return out;
  for (const e of entries as ManagedFieldsEntry[]) {
    if (!isObject(e)) continue;
    out.set(managerIdentifier(e), { entry: e, set: fromFieldsV1(e.fieldsV1) });
  }
  return out;
}

/** Entries with fields, sorted as sortEncodedManagedFields (operation, time, manager, apiVersion, subresource). */
export function encodeManagedFields(managers: Map<string, ManagerState>): ManagedFieldsEntry[] {
  const out: ManagedFieldsEntry[] = [];
  for (const { entry, set } of managers.values()) {
    if (isEmptySet(set)) continue;
    out.push({
      manager: entry.manager, operation: entry.operation, apiVersion: entry.apiVersion,
      ...(entry.time ? { time: entry.time } : {}),
      fieldsType: "FieldsV1", fieldsV1: toFieldsV1(set),
      ...(entry.subresource ? { subresource: entry.subresource } : {}),
    });
  }
  const secs = (t?: string) => (t ? Math.floor(Date.parse(t) / 1000) : 0);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return out.sort((p, q) => cmp(p.operation, q.operation) || secs(p.time) - secs(q.time)
    || cmp(p.manager, q.manager) || cmp(p.apiVersion, q.apiVersion) || cmp(p.subresource ?? "", q.subresource ?? ""));
}

/** An empty object of the same type: the fields a Go zero value already holds (see PatchMeta.present). */
export function zeroSkeleton(obj: unknown, lookup: PatchMetaLookup, path: string[] = []): JsonObject {
  const out: JsonObject = {};
  if (!isObject(obj)) return out;
  for (const [k, v] of Object.entries(obj)) {
    if (!isPresentByDefault(lookup, [...path, k])) continue;
    out[k] = isObject(v) ? zeroSkeleton(v, lookup, [...path, k]) : null;
  }
  return out;
}

export interface UpdateManagedFieldsOptions {
  subresource?: string;
  /** The strategy's reset fields; default: status for the main resource, spec for status. */
  resetFields?: string[][];
  lookup?: PatchMetaLookup;
}

/**
 * Record an Update by `manager` in obj.metadata.managedFields (mutates obj). `prevObj` is the
 * stored object (undefined on create). An Apply is recorded by applyPatch itself, so an Apply
 * operation, or an Update whose request already carries a fresh Apply entry of the same manager,
 * records nothing more.
 */
export function updateManagedFields(obj: JsonObject, prevObj: JsonObject | undefined, manager: string,
  operation: string, apiVersion: string, now: Date, opts: UpdateManagedFieldsOptions = {}): void {
  if (!manager || operation === "Apply" || !isObject(obj.metadata)) return;
  if (justApplied(obj, prevObj, manager)) return;
  const lookup = opts.lookup ?? noPatchMeta;
  const fromRequest = decodeManagedFields(obj.metadata.managedFields);
  const managers = fromRequest.size && !opts.subresource ? fromRequest : decodeManagedFields(prevObj?.metadata?.managedFields);
  const ignored = ignoredSet(opts.resetFields ?? defaultResetFields(opts.subresource));
  const cmp = compareValues(prevObj ?? zeroSkeleton(obj, lookup), obj, lookup);
  const changed = withoutIgnored(union(cmp.added, cmp.modified), ignored);
  const removed = cmp.removed;
  const id = managerIdentifier({ manager, operation: "Update", apiVersion, subresource: opts.subresource });
  for (const [key, m] of managers) {
    if (key !== id) managers.set(key, { ...m, set: difference(difference(m.set, changed), removed) });
  }
  const mine = managers.get(id);
  const kept = mine ? difference(mine.set, removed) : emptySet();
  const entry: ManagedFieldsEntry = mine?.entry ?? {
    manager, operation: "Update", apiVersion, fieldsType: "FieldsV1", fieldsV1: {},
    ...(opts.subresource ? { subresource: opts.subresource } : {}),
  };
  if (!isEmptySet(changed)) entry.time = rfc3339(now);
  managers.set(id, { entry, set: union(kept, changed) });
  setManagedFields(obj, managers);
}

export function setManagedFields(obj: JsonObject, managers: Map<string, ManagerState>): void {
  const encoded = encodeManagedFields(managers);
  if (encoded.length) obj.metadata.managedFields = encoded;
  else delete obj.metadata.managedFields;
}

function justApplied(obj: JsonObject, prevObj: JsonObject | undefined, manager: string): boolean {
  const find = (o: JsonObject | undefined) => (Array.isArray(o?.metadata?.managedFields) ? o!.metadata.managedFields : [])
    .find((e: ManagedFieldsEntry) => e?.manager === manager && e.operation === "Apply");
  const now = find(obj);
  return now !== undefined && !deepEqual(now, find(prevObj));
}

// Server-side apply (application/apply-patch+yaml), after structured-merge-diff merge/update.go
// Updater.Apply and the apiserver's applyPatcher (handlers/patch.go): the applied configuration
// is merged into the live object (lists by their keys, atomic lists replaced), fields this manager
// applied before and no longer applies are pruned unless another manager owns them, other
// managers' changed fields are conflicts (409) unless force, and the manager's Apply entry in
// metadata.managedFields records the applied field set.
import { parse as parseYaml } from "yaml";
import { badRequest, StatusError } from "../status";
import { goUnmarshalTypeError } from "./go-format";
import {
  difference, intersection, isEmptySet, memberPaths, pathString, union, type FieldSet,
} from "./fieldset";
import { compareValues, toFieldSet } from "./fieldset-walk";
import {
  decodeManagedFields, defaultResetFields, ignoredSet, managerIdentifier, rfc3339, setManagedFields,
  withoutIgnored, zeroSkeleton, type ManagedFieldsEntry,
} from "./managed-fields";
import { deepCopy, deepEqual, isObject, listShape, type JsonObject, type PatchMetaLookup } from "./patch-meta";

export interface ApplyOptions {
  fieldManager: string;
  force?: boolean;
  now: Date;
  subresource?: string;
  resetFields?: string[][];
}

/** Decode the body: YAML or JSON (kubectl sends JSON under the YAML content type). */
export function decodeApplyConfiguration(body: string): JsonObject {
  let v: unknown;
  try {
    v = parseYaml(body);
  } catch (e) {
    throw badRequest(`error decoding YAML: ${(e as Error).message.split("\n")[0]}`);
  }
  if (v === null || v === undefined) return {};
  if (!isObject(v)) throw badRequest(`error decoding YAML: ${goUnmarshalTypeError(v, "map[string]interface {}")}`);
  return v;
}

export function applyServerSide(original: JsonObject | undefined, body: string | JsonObject, lookup: PatchMetaLookup, opts: ApplyOptions): JsonObject {
  const config = typeof body === "string" ? decodeApplyConfiguration(body) : deepCopy(body);
  const live: JsonObject = original ? deepCopy(original) : {};
  const managers = decodeManagedFields(live.metadata?.managedFields);
  const ignored = ignoredSet(opts.resetFields ?? defaultResetFields(opts.subresource));
  const apiVersion = String(config.apiVersion ?? live.apiVersion ?? "");
  const id = managerIdentifier({ manager: opts.fieldManager, operation: "Apply", apiVersion, subresource: opts.subresource });
  const lastSet = managers.get(id)?.set;
  const newSet = withoutIgnored(toFieldSet(config, lookup), ignored);

  const merged = mergeApplied(deepCopy(live), config, [], lookup) as JsonObject;
  const others = [...managers].filter(([k]) => k !== id);
  if (lastSet) {
    const owned = others.reduce((acc, [, m]) => union(acc, m.set), newSet);
    prune(merged, difference(lastSet, owned), owned);
  }

  const cmp = compareValues(original ?? zeroSkeleton(merged, lookup), merged, lookup);
  const changed = union(cmp.added, cmp.modified);
  const conflicts: { manager: ManagedFieldsEntry; paths: string[][] }[] = [];
  for (const [key, m] of others) {
    const c = intersection(m.set, changed);
    if (!isEmptySet(c)) conflicts.push({ manager: m.entry, paths: memberPaths(c) });
    managers.set(key, { ...m, set: difference(difference(m.set, c), cmp.removed) });
  }
  if (conflicts.length && !opts.force) throw applyConflict(conflicts);

  const entry: ManagedFieldsEntry = {
    manager: opts.fieldManager, operation: "Apply", apiVersion, time: rfc3339(opts.now), fieldsType: "FieldsV1", fieldsV1: {},
    ...(opts.subresource ? { subresource: opts.subresource } : {}),
  };
  // A no-op apply keeps the entry's time (managedFieldsUpdater.Apply only stamps a changed object).
  const previous = managers.get(id);
  if (previous?.entry.time && deepEqual(merged, live)) entry.time = previous.entry.time;
  managers.set(id, { entry, set: newSet });
  merged.metadata ??= {};
  setManagedFields(merged, managers);
  return merged;
}

/** Merge an applied value into a live value: maps recursively, list items by key, sets as unions. */
function mergeApplied(live: unknown, applied: unknown, path: string[], lookup: PatchMetaLookup): unknown {
  if (isObject(applied)) {
    if (!isObject(live) || (path.length && lookup(path)?.mapType === "atomic")) return deepCopy(applied);
    for (const [k, v] of Object.entries(applied)) {
      if (v === null) delete live[k];
      else live[k] = mergeApplied(live[k], v, [...path, k], lookup);
    }
    return live;
  }
  if (Array.isArray(applied)) {
    const shape = listShape(lookup(path));
    if (shape.type === "atomic" || !Array.isArray(live)) return deepCopy(applied);
    const out = [...live];
    for (const item of applied) {
      const at = out.findIndex((x) => sameListItem(x, item, shape.type === "map" ? shape.keys : undefined));
      if (at < 0) out.push(deepCopy(item));
      else if (shape.type === "map") out[at] = mergeApplied(out[at], item, path, lookup);
    }
    return out;
  }
  return applied;
}

function sameListItem(a: unknown, b: unknown, keys: string[] | undefined): boolean {
  if (!keys || !isObject(a) || !isObject(b)) return deepEqual(a, b);
  return keys.every((k) => deepEqual(a[k], b[k]));
}

/** Remove the members of `drop` from the object (outermost first), keeping anything someone still owns below them. */
function prune(obj: JsonObject, drop: FieldSet, owned: FieldSet): void {
  const removed: string[][] = [];
  for (const p of memberPaths(drop).sort((a, b) => a.length - b.length)) {
    if (removed.some((r) => r.every((pe, i) => p[i] === pe))) continue;
    if (hasOwnedBelow(owned, p)) continue;
    removePath(obj, p);
    removed.push(p);
  }
}

function hasOwnedBelow(owned: FieldSet, path: string[]): boolean {
  let cur: FieldSet | undefined = owned;
  for (const pe of path) cur = cur?.children.get(pe);
  return !!cur && cur.children.size > 0;
}

function locate(container: unknown, pe: string): { get(): unknown; remove(): void } | undefined {
  const rest = pe.slice(2);
  if (pe.startsWith("f:") && isObject(container)) {
    if (!(rest in container)) return undefined;
    return { get: () => container[rest], remove: () => { delete container[rest]; } };
  }
  if (!Array.isArray(container)) return undefined;
  let i = -1;
  if (pe.startsWith("k:")) {
    const key = JSON.parse(rest) as JsonObject;
    i = container.findIndex((x) => isObject(x) && Object.entries(key).every(([k, v]) => deepEqual(x[k], v)));
  } else if (pe.startsWith("v:")) {
    const v = JSON.parse(rest);
    i = container.findIndex((x) => deepEqual(x, v));
  } else if (pe.startsWith("i:")) i = Number(rest);
  if (i < 0 || i >= container.length) return undefined;
  return { get: () => container[i], remove: () => { container.splice(i, 1); } };
}

function removePath(obj: JsonObject, path: string[]): void {
  const trail: unknown[] = [obj];
  for (const pe of path.slice(0, -1)) {
    const at = locate(trail[trail.length - 1], pe);
    if (!at) return;
    trail.push(at.get());
  }
  locate(trail[trail.length - 1], path[path.length - 1])?.remove();
  // An emptied map (e.g. labels) goes too, as the typed object would omit it.
  for (let d = trail.length - 1; d > 0; d--) {
    const v = trail[d];
    if (!isObject(v) || Object.keys(v).length || !path[d - 1].startsWith("f:")) break;
    locate(trail[d - 1], path[d - 1])?.remove();
  }
}

/** 409 as the apiserver's internal/conflict.go NewConflictError. */
function applyConflict(conflicts: { manager: ManagedFieldsEntry; paths: string[][] }[]): StatusError {
  const printManager = (e: ManagedFieldsEntry) => {
    let s = JSON.stringify(e.manager);
    if (e.subresource) s += ` with subresource ${JSON.stringify(e.subresource)}`;
    return e.operation === "Update" ? `${s} using ${e.apiVersion}` : s;
  };
  const flat = conflicts.flatMap((c) => c.paths.map((p) => ({ who: printManager(c.manager), name: c.manager.manager, path: pathString(p) })));
  const causes = flat.map((f) => ({ reason: "FieldManagerConflict", message: `conflict with ${f.who}`, field: f.path }));
  let message: string;
  if (flat.length === 1) message = `Apply failed with 1 conflict: conflict with ${flat[0].who}: ${flat[0].path}`;
  else {
    const byManager = new Map<string, { who: string; paths: string[] }>();
    for (const f of flat) {
      const m = byManager.get(f.name) ?? { who: f.who, paths: [] };
      m.paths.push(f.path);
      byManager.set(f.name, m);
    }
    const lines = [...byManager.keys()].sort().flatMap((k) => {
      const m = byManager.get(k)!;
      return [`conflicts with ${m.who}:`, ...m.paths.map((p) => `- ${p}`)];
    });
    message = `Apply failed with ${flat.length} conflicts: ${lines.join("\n")}`;
  }
  return new StatusError("Conflict", message, { causes });
}

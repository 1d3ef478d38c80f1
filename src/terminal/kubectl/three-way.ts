// The strategic merge patch client-side apply sends: deletions from the last-applied
// configuration to the new one, plus changes and additions from the live object to the new one,
// lists with a merge key diffed item by item with `$setElementOrder`, `$patch: delete` for removed
// items. Mirrors k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (CreateThreeWayMergePatch,
// diffMaps, diffListsOfMaps) for the cases apply meets.
import type { Obj } from "./client";

export type MetaLookup = (path: string[]) => { patchStrategy?: string; patchMergeKey?: string } | undefined;

interface Opts { ignoreDeletions: boolean; ignoreChanges: boolean }

export function threeWayMergePatch(original: Obj | undefined, modified: Obj, current: Obj, lookup: MetaLookup): Obj {
  const delta = diffMaps(current, modified, [], lookup, { ignoreDeletions: true, ignoreChanges: false });
  const deletions = diffMaps(original ?? {}, modified, [], lookup, { ignoreDeletions: false, ignoreChanges: true });
  return mergePatches(deletions, delta);
}

const isMap = (v: unknown): v is Obj => !!v && typeof v === "object" && !Array.isArray(v);
const equal = (a: unknown, b: unknown): boolean => JSON.stringify(canon(a)) === JSON.stringify(canon(b));
function canon(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canon);
  if (isMap(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon(v[k])]));
  return v;
}

function diffMaps(from: Obj, to: Obj, path: string[], lookup: MetaLookup, o: Opts): Obj {
  const patch: Obj = {};
  for (const key of Object.keys(to)) {
    const a = from[key], b = to[key];
    const p = [...path, key];
    if (!(key in from)) { if (!o.ignoreChanges) patch[key] = b; continue; }
    if (isMap(a) && isMap(b)) {
      const sub = diffMaps(a, b, p, lookup, o);
      if (Object.keys(sub).length) patch[key] = sub;
      continue;
    }
    const meta = lookup(p);
    if (Array.isArray(a) && Array.isArray(b) && meta?.patchMergeKey && meta.patchStrategy?.includes("merge") && b.every(isMap)) {
      const { items, order } = diffLists(a, b, meta.patchMergeKey, p, lookup, o);
      if (items.length) { patch[key] = items; patch[`$setElementOrder/${key}`] = order; }
      continue;
    }
    if (!equal(a, b) && !o.ignoreChanges) patch[key] = b;
  }
  if (!o.ignoreDeletions) for (const key of Object.keys(from)) if (!(key in to)) patch[key] = null;
  return patch;
}

function diffLists(from: unknown[], to: Obj[], mk: string, path: string[], lookup: MetaLookup, o: Opts): { items: Obj[]; order: Obj[] } {
  const items: Obj[] = [];
  for (const item of to) {
    const old = from.find((x) => isMap(x) && x[mk] === item[mk]) as Obj | undefined;
    if (!old) { if (!o.ignoreChanges) items.push(item); continue; }
    const sub = diffMaps(old, item, path, lookup, o);
    if (Object.keys(sub).length) items.push({ ...sub, [mk]: item[mk] });
  }
  if (!o.ignoreDeletions) {
    for (const x of from) if (isMap(x) && !to.some((y) => y[mk] === x[mk])) items.push({ [mk]: x[mk], $patch: "delete" });
  }
  return { items, order: to.map((x) => ({ [mk]: x[mk] })) };
}

function mergePatches(a: Obj, b: Obj): Obj {
  const out: Obj = { ...a };
  for (const [k, v] of Object.entries(b)) {
    if (isMap(out[k]) && isMap(v)) out[k] = mergePatches(out[k], v);
    else if (Array.isArray(out[k]) && Array.isArray(v) && !k.startsWith("$setElementOrder/")) out[k] = [...out[k], ...v];
    else out[k] = v;
  }
  return out;
}

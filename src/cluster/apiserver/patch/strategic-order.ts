// Element order of merged lists in a strategic merge patch: $setElementOrder and the
// "patch items keep the patch's order, server-only items keep their live positions" rule.
// Mirrors normalizeElementOrder, normalizeSliceOrder, mergeSortedSlice, partition*ByPresentInList
// and validatePatchWithSetOrderList of k8s.io/apimachinery/pkg/util/strategicpatch/patch.go.
import { goFormatValue } from "./go-format";
import { deepEqual, isObject, type JsonObject } from "./patch-meta";
import { SmpError, errBadArgType, errNoMergeKey } from "./strategic-errors";

export const DIRECTIVE_MARKER = "$patch";

/** index: the position of `v` in `list`, comparing merge-key values for maps. */
export function indexIn(list: unknown[], v: unknown, mergeKey: string, isMap: boolean): number {
  if (!isMap) return list.findIndex((x) => deepEqual(x, v));
  const key = (v as JsonObject)[mergeKey];
  return list.findIndex((x) => isObject(x) && mergeKey in x && deepEqual(x[mergeKey], key));
}

export function partitionByPresentInList(items: unknown[], by: unknown[], mergeKey: string, isMap: boolean): [unknown[], unknown[]] {
  const inPatch: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const v of items) {
    if (isMap) {
      if (!isObject(v)) throw errBadArgType({}, v);
      if (!(mergeKey in v)) throw errNoMergeKey(v, mergeKey);
    }
    (indexIn(by, v, mergeKey, isMap) >= 0 ? inPatch : serverOnly).push(v);
  }
  return [inPatch, serverOnly];
}

/** extractToDeleteItems: `$patch: delete` elements are kept apart. */
export function extractToDeleteItems(l: unknown[]): [unknown[], unknown[]] {
  const nonDelete: unknown[] = [];
  const toDelete: unknown[] = [];
  for (const v of l) {
    if (!isObject(v)) throw errBadArgType({}, v);
    (v[DIRECTIVE_MARKER] === "delete" ? toDelete : nonDelete).push(v);
  }
  return [nonDelete, toDelete];
}

function normalizeSliceOrder(toSort: unknown[], order: unknown[], mergeKey: string, isMap: boolean): unknown[] {
  let toDelete: unknown[] = [];
  if (isMap) {
    for (const l of [toSort, order]) {
      for (const v of l) if (!isObject(v) || !(mergeKey in v)) throw errNoMergeKey(v, mergeKey);
    }
    [toSort, toDelete] = extractToDeleteItems(toSort);
  }
  const ranked = toSort.map((v, i) => ({ v, i, at: indexIn(order, v, mergeKey, isMap) }));
  ranked.sort((a, b) => {
    if (a.at >= 0 && b.at >= 0) return a.at - b.at || a.i - b.i;
    if (a.at >= 0) return -1;
    if (b.at >= 0) return 1;
    return a.i - b.i;
  });
  return [...ranked.map((r) => r.v), ...toDelete];
}

/** Insert server-only items (left) into the patch items (right) by their live order. */
function mergeSortedSlice(left: unknown[], right: unknown[], serverOrder: unknown[], mergeKey: string, isMap: boolean): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey, isMap);
      const ri = indexIn(serverOrder, right[j], mergeKey, isMap);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

export function normalizeElementOrder(patch: unknown[], serverOnly: unknown[], patchOrder: unknown[], serverOrder: unknown[], mergeKey: string, isMap: boolean): unknown[] {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, isMap);
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, isMap);
  return mergeSortedSlice(s, p, serverOrder, mergeKey, isMap);
}

/** The patch list (deletions aside) must follow the $setElementOrder list's relative order. */
export function validatePatchWithSetOrderList(patchList: unknown[], setOrderList: unknown[], mergeKey: string): void {
  if (setOrderList.length === 0 || patchList.length === 0) return;
  const nonDelete = mergeKey ? extractToDeleteItems(patchList)[0] : patchList;
  let p = 0;
  let s = 0;
  while (p < nonDelete.length && s < setOrderList.length) {
    const item = nonDelete[p];
    if (isObject(item) && DIRECTIVE_MARKER in item) { p++; continue; }
    if (mergeKeyValueEqual(item, setOrderList[s], mergeKey)) p++;
    s++;
  }
  if (p < nonDelete.length && s >= setOrderList.length) {
    throw new SmpError("other",
      `The order in patch list:\n${goFormatValue(patchList)}\n doesn't match $setElementOrder list:\n${goFormatValue(setOrderList)}\n`);
  }
}

function mergeKeyValueEqual(l: unknown, r: unknown, mergeKey: string): boolean {
  if (!mergeKey) return deepEqual(l, r);
  if (!isObject(l)) throw errBadArgType({}, l);
  if (!isObject(r)) throw errBadArgType({}, r);
  if (!(mergeKey in l)) throw errNoMergeKey(l, mergeKey);
  if (!(mergeKey in r)) throw errNoMergeKey(r, mergeKey);
  return deepEqual(l[mergeKey], r[mergeKey]);
}

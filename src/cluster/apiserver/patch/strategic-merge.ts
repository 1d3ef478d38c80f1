// Strategic merge patch (application/strategic-merge-patch+json), as
// k8s.io/apimachinery/pkg/util/strategicpatch/patch.go StrategicMergeMapPatch with
// MergeParallelList and IgnoreUnmatchedNulls: maps merge recursively, null deletes, lists with
// patchStrategy "merge" merge by patchMergeKey (primitives as sets), other lists are replaced;
// directives $patch, $retainKeys, $setElementOrder/<f>, $deleteFromPrimitiveList/<f>.
import { badRequest } from "../status";
import { goUnmarshalTypeError, parseJsonGo } from "./go-format";
import { deepCopy, deepEqual, isObject, splitPatchStrategy, type JsonObject, type PatchMetaLookup } from "./patch-meta";
import {
  SmpError, errBadArgType, errBadPatchFormatForPrimitiveList, errBadPatchFormatForRetainKeys,
  errBadPatchFormatForSetElementOrderList, errBadPatchType, errNoListOfLists, errNoMergeKey,
} from "./strategic-errors";
import {
  DIRECTIVE_MARKER, indexIn, normalizeElementOrder, partitionByPresentInList, validatePatchWithSetOrderList,
} from "./strategic-order";

const RETAIN_KEYS = "$retainKeys";
const DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList";
const SET_ELEMENT_ORDER = "$setElementOrder";

/** Decode a strategic merge patch body (strict decoding into map[string]interface{}; no prefix upstream). */
export function decodeStrategicMergePatch(body: string): JsonObject {
  let patch: unknown;
  try {
    patch = parseJsonGo(body);
  } catch (e) {
    throw badRequest((e as Error).message);
  }
  if (patch === null) return {};
  if (!isObject(patch)) throw badRequest(goUnmarshalTypeError(patch, "map[string]interface {}"));
  return patch;
}

/** Apply a strategic merge patch to `original`; returns a new object. */
export function applyStrategicMergePatch(original: unknown, body: string | JsonObject, lookup: PatchMetaLookup): JsonObject {
  const patch = deepCopy(typeof body === "string" ? decodeStrategicMergePatch(body) : body);
  try {
    return mergeMap(isObject(original) ? deepCopy(original) : {}, patch, [], lookup);
  } catch (e) {
    if (e instanceof SmpError) throw e.toStatusError();
    throw e;
  }
}

function extractKey(s: string, prefix: string): string {
  const at = s.indexOf("/");
  if (at < 0 || s.slice(0, at) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST) throw errBadPatchFormatForPrimitiveList();
    throw errBadPatchFormatForSetElementOrderList();
  }
  return s.slice(at + 1);
}

function typeOf(v: unknown): string {
  return Array.isArray(v) ? "array" : v === null ? "null" : typeof v;
}

export function mergeMap(original: JsonObject, patch: JsonObject, path: string[], lookup: PatchMetaLookup): JsonObject {
  if (DIRECTIVE_MARKER in patch) return handleDirectiveInMergeMap(patch[DIRECTIVE_MARKER], patch);
  applyRetainKeysDirective(original, patch);
  mergePatchIntoOriginal(original, patch, path, lookup);
  for (const k of Object.keys(patch)) {
    const patchV = patch[k];
    let key = k;
    let isDeleteList = false;
    if (k.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      key = extractKey(k, DELETE_FROM_PRIMITIVE_LIST);
      isDeleteList = true;
    }
    if (patchV === null) {
      delete original[key];
      continue;
    }
    const sub = [...path, key];
    if (!(key in original) || typeOf(original[key]) !== typeOf(patchV)) {
      if (!isDeleteList) original[key] = newValue(patchV, sub, lookup);
      continue;
    }
    const meta = lookup(sub);
    const { strategy } = splitPatchStrategy(meta?.patchStrategy);
    if (isObject(patchV)) {
      original[key] = strategy === "replace" ? newValue(patchV, sub, lookup) : mergeMap(original[key], patchV, sub, lookup);
    } else if (Array.isArray(patchV)) {
      original[key] = strategy === "merge" || isDeleteList
        ? mergeSlice(original[key], patchV, sub, lookup, meta?.patchMergeKey ?? "", isDeleteList)
        : newValue(patchV, sub, lookup);
    } else original[key] = patchV;
  }
  return original;
}

/**
 * A value the original does not have. Upstream copies it (dropping nulls) and lets the typed
 * decoding drop leftover directives; here it is merged into an empty value so directives are honoured.
 */
function newValue(v: unknown, path: string[], lookup: PatchMetaLookup): unknown {
  if (isObject(v)) return mergeMap({}, v, path, lookup);
  if (Array.isArray(v)) {
    const meta = lookup(path);
    if (splitPatchStrategy(meta?.patchStrategy).strategy === "merge") return mergeSlice([], v, path, lookup, meta?.patchMergeKey ?? "", false);
    return v.map((x) => (isObject(x) ? discardNulls(x) : x));
  }
  return v;
}

function discardNulls(o: JsonObject): JsonObject {
  for (const [k, v] of Object.entries(o)) {
    if (v === null) delete o[k];
    else if (isObject(v)) discardNulls(v);
    else if (Array.isArray(v)) v.forEach((x) => isObject(x) && discardNulls(x));
  }
  return o;
}

function handleDirectiveInMergeMap(directive: unknown, patch: JsonObject): JsonObject {
  if (directive === "replace") {
    delete patch[DIRECTIVE_MARKER];
    return patch;
  }
  if (directive === "delete") return {};
  throw errBadPatchType(directive, patch);
}

function applyRetainKeysDirective(original: JsonObject, patch: JsonObject): void {
  if (!(RETAIN_KEYS in patch)) return;
  const list = patch[RETAIN_KEYS];
  delete patch[RETAIN_KEYS];
  if (!Array.isArray(list)) throw errBadPatchFormatForRetainKeys();
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST) || k.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!list.includes(k)) throw errBadPatchFormatForRetainKeys();
  }
  for (const k of Object.keys(original)) if (!list.includes(k)) delete original[k];
}

/** $setElementOrder/<field>: merge that list now and order it by the directive. */
function mergePatchIntoOriginal(original: JsonObject, patch: JsonObject, path: string[], lookup: PatchMetaLookup): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    const order = patch[key];
    delete patch[key];
    if (!Array.isArray(order)) throw errBadArgType([], order);
    const field = extractKey(key, SET_ELEMENT_ORDER);
    const foundOriginal = field in original;
    const foundPatch = field in patch;
    if (foundOriginal && !Array.isArray(original[field])) throw errBadArgType([], original[field]);
    if (foundPatch && !Array.isArray(patch[field])) throw errBadArgType([], patch[field]);
    const originalList: unknown[] = foundOriginal ? original[field] : [];
    const patchList: unknown[] = foundPatch ? patch[field] : [];
    const sub = [...path, field];
    const meta = lookup(sub);
    const mergeKey = meta?.patchMergeKey ?? "";
    validatePatchWithSetOrderList(patchList, order, mergeKey);
    let merged: unknown[];
    if (foundOriginal && foundPatch) {
      merged = splitPatchStrategy(meta?.patchStrategy).strategy === "merge"
        ? mergeSlice(originalList, patchList, sub, lookup, mergeKey, false)
        : patchList;
    } else if (foundOriginal) merged = originalList;
    else if (foundPatch) merged = patchList;
    else continue;
    const isMap = isObject([...originalList, ...patchList, ...order][0]);
    const [inOrder, serverOnly] = partitionByPresentInList(merged, order, mergeKey, isMap && !!mergeKey);
    original[field] = normalizeElementOrder(inOrder, serverOnly, order, originalList, mergeKey, isMap && !!mergeKey);
    delete patch[field];
  }
}

function sliceElementKind(...slices: unknown[][]): string | undefined {
  let prev: string | undefined;
  for (const v of slices.flat()) {
    const t = typeOf(v);
    if (prev === undefined) {
      if (t === "array") throw errNoListOfLists();
      prev = t;
    } else if (prev !== t) {
      throw new SmpError("other", `list element types are not identical: ${slices.map((s) => `[${s.map(String).join(" ")}]`).join(" ")}`);
    }
  }
  return prev;
}

function mergeSlice(original: unknown[], patch: unknown[], path: string[], lookup: PatchMetaLookup, mergeKey: string, isDeleteList: boolean): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const isMap = sliceElementKind(original, patch) === "object";
  let merged: unknown[];
  if (!isMap) {
    if (isDeleteList) return original.filter((v) => !patch.some((d) => deepEqual(d, v)));
    merged = [];
    for (const v of [...original, ...patch]) if (!merged.some((m) => deepEqual(m, v))) merged.push(v);
  } else {
    if (!mergeKey) throw new SmpError("other", `cannot merge lists without merge key for ${path.join(".")}`);
    [original, patch] = mergeSliceWithSpecialElements(original, patch, mergeKey);
    merged = mergeSliceWithoutSpecialElements([...original], patch, mergeKey, path, lookup);
  }
  const [inPatch, serverOnly] = partitionByPresentInList(merged, patch, mergeKey, isMap);
  return normalizeElementOrder(inPatch, serverOnly, patch, original, mergeKey, isMap);
}

function mergeSliceWithSpecialElements(original: unknown[], patch: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const plain: unknown[] = [];
  let replace = false;
  for (const v of patch as JsonObject[]) {
    if (!(DIRECTIVE_MARKER in v)) { plain.push(v); continue; }
    const directive = v[DIRECTIVE_MARKER];
    if (directive === "delete") {
      if (!(mergeKey in v)) throw errNoMergeKey(v, mergeKey);
      original = original.filter((o) => !(isObject(o) && mergeKey in o && deepEqual(o[mergeKey], v[mergeKey])));
    } else if (directive === "replace") replace = true;
    else if (directive === "merge") throw new SmpError("other", "merging lists cannot yet be specified in the patch");
    else throw errBadPatchType(directive, v);
  }
  return replace ? [plain, []] : [original, plain];
}

function mergeSliceWithoutSpecialElements(original: unknown[], patch: unknown[], mergeKey: string, path: string[], lookup: PatchMetaLookup): unknown[] {
  for (const v of patch as JsonObject[]) {
    if (!(mergeKey in v)) throw errNoMergeKey(v, mergeKey);
    const i = indexIn(original, v, mergeKey, true);
    if (i >= 0) original[i] = mergeMap(original[i] as JsonObject, v, path, lookup);
    else original.push(newValue(v, path, lookup));
  }
  return original;
}

// RFC 7386 JSON merge patch (application/merge-patch+json), as evanphx/json-patch MergePatch and
// kube-apiserver's applyJSPatch use it: maps merge recursively, null deletes, anything else replaces.
import { badRequest } from "../status";
import { goUnmarshalTypeError, parseJsonGo } from "./go-format";
import { deepCopy, isObject, type JsonObject } from "./patch-meta";

/** Decode a merge patch body as the strict decoder into map[string]interface{} does. */
export function decodeMergePatch(body: string): JsonObject {
  let patch: unknown;
  try {
    patch = parseJsonGo(body);
  } catch (e) {
    throw badRequest(`error decoding patch: ${(e as Error).message}`);
  }
  if (patch === null) throw badRequest("Invalid JSON Patch"); // jsonpatch.ErrBadJSONPatch
  if (!isObject(patch)) {
    throw badRequest(`error decoding patch: ${goUnmarshalTypeError(patch, "map[string]interface {}")}`);
  }
  return patch;
}

/** Apply a merge patch; returns a new document. */
export function applyMergePatch(doc: unknown, body: string | JsonObject): JsonObject {
  const patch = typeof body === "string" ? decodeMergePatch(body) : body;
  return mergeDocs(isObject(doc) ? deepCopy(doc) : {}, patch);
}

function mergeDocs(doc: JsonObject, patch: JsonObject): JsonObject {
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete doc[k];
    else if (isObject(v) && isObject(doc[k])) doc[k] = mergeDocs(doc[k], v);
    else doc[k] = isObject(v) ? pruneNulls(deepCopy(v)) : deepCopy(v);
  }
  return doc;
}

/** pruneDocNulls: a new sub-document from the patch carries no null members. */
function pruneNulls(o: JsonObject): JsonObject {
  for (const [k, v] of Object.entries(o)) {
    if (v === null) delete o[k];
    else if (isObject(v)) pruneNulls(v);
  }
  return o;
}

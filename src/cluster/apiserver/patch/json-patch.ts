// RFC 6902 JSON patch (application/json-patch+json), as gopkg.in/evanphx/json-patch.v4 applies it
// for kube-apiserver (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go applyJSPatch):
// a body that does not decode is 400 `error decoding patch: ...`; any failure while applying
// (missing path, failed `test`) is the generic 422, because upstream drops the detail.
import { badRequest, StatusError } from "../status";
import { goUnmarshalTypeError, parseJsonGo } from "./go-format";
import { genericUnprocessable, PatchAlgorithmError } from "./patch-errors";
import { deepCopy, deepEqual, isObject, type JsonObject } from "./patch-meta";

export const MAX_JSON_PATCH_OPERATIONS = 10000;

export interface JsonPatchOperation { op: string; path: string; from?: string; value?: unknown }

/** Decode a JSON patch body as the strict decoder into []jsonPatchOp does. */
export function decodeJsonPatch(body: string): JsonPatchOperation[] {
  let ops: unknown;
  try {
    ops = parseJsonGo(body);
  } catch (e) {
    throw badRequest(`error decoding patch: ${(e as Error).message}`);
  }
  if (ops === null) return [];
  if (!Array.isArray(ops)) throw badRequest(`error decoding patch: ${goUnmarshalTypeError(ops, "[]handlers.jsonPatchOp")}`);
  for (const op of ops) {
    if (op !== null && !isObject(op)) {
      throw badRequest(`error decoding patch: ${goUnmarshalTypeError(op, "handlers.jsonPatchOp")}`);
    }
  }
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
    throw new StatusError("RequestEntityTooLarge",
      `Request entity too large: The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`);
  }
  return ops.map((o) => ({ op: "", path: "", ...(o ?? {}) })) as JsonPatchOperation[];
}

/** Apply a JSON patch to a document; returns a new document. */
export function applyJsonPatch(doc: unknown, body: string | JsonPatchOperation[]): unknown {
  const ops = typeof body === "string" ? decodeJsonPatch(body) : body;
  let out = deepCopy(doc);
  try {
    for (const op of ops) out = applyOperation(out, op);
  } catch (e) {
    if (e instanceof PatchAlgorithmError) throw genericUnprocessable();
    throw e;
  }
  return out;
}

/** RFC 6901: "/a~1b/c~0d" → ["a/b", "c~d"]. */
export function decodePointer(path: string): string[] {
  if (path === "") return [];
  if (!path.startsWith("/")) throw new PatchAlgorithmError(`invalid JSON pointer: ${path}`);
  return path.slice(1).split("/").map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

type Container = JsonObject | unknown[];

function parent(doc: unknown, path: string): { con: Container; key: string } {
  const tokens = decodePointer(path);
  if (tokens.length === 0) throw new PatchAlgorithmError("the root of the document cannot be patched");
  let cur: unknown = doc;
  for (const t of tokens.slice(0, -1)) {
    cur = childOf(cur, t);
    if (cur === undefined) throw new PatchAlgorithmError(`doc is missing path: "${path}"`);
  }
  if (!isObject(cur) && !Array.isArray(cur)) throw new PatchAlgorithmError(`doc is missing path: "${path}"`);
  return { con: cur, key: tokens[tokens.length - 1] };
}

function arrayIndex(arr: unknown[], key: string, forInsert: boolean): number {
  if (!/^-?\d+$/.test(key)) throw new PatchAlgorithmError(`invalid array index: ${key}`);
  let i = Number(key);
  const max = forInsert ? arr.length : arr.length - 1;
  if (i < 0) { // evanphx SupportNegativeIndices
    if (-i > arr.length) throw new PatchAlgorithmError(`Unable to access invalid index: ${i}`);
    i += arr.length;
  }
  if (i > max) throw new PatchAlgorithmError(`Unable to access invalid index: ${i}`);
  return i;
}

function childOf(cur: unknown, t: string): unknown {
  if (Array.isArray(cur)) {
    if (!/^\d+$/.test(t) || Number(t) >= cur.length) return undefined;
    return cur[Number(t)];
  }
  if (isObject(cur)) return Object.prototype.hasOwnProperty.call(cur, t) ? cur[t] : undefined;
  return undefined;
}

function get(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const t of decodePointer(path)) {
    cur = childOf(cur, t);
    if (cur === undefined) throw new PatchAlgorithmError(`doc is missing key: ${path}`);
  }
  return cur;
}

function add(doc: unknown, path: string, value: unknown): void {
  const { con, key } = parent(doc, path);
  if (Array.isArray(con)) {
    const i = key === "-" ? con.length : arrayIndex(con, key, true);
    con.splice(i, 0, value);
  } else con[key] = value;
}

function remove(doc: unknown, path: string): unknown {
  const { con, key } = parent(doc, path);
  if (Array.isArray(con)) return con.splice(arrayIndex(con, key, false), 1)[0];
  if (!Object.prototype.hasOwnProperty.call(con, key)) throw new PatchAlgorithmError(`Unable to remove nonexistent key: ${key}`);
  const v = con[key];
  delete con[key];
  return v;
}

function applyOperation(doc: unknown, op: JsonPatchOperation): unknown {
  const value = op.value === undefined ? null : op.value;
  switch (op.op) {
    case "add":
      add(doc, op.path, deepCopy(value));
      return doc;
    case "remove":
      remove(doc, op.path);
      return doc;
    case "replace": {
      const { con, key } = parent(doc, op.path);
      if (Array.isArray(con)) con[arrayIndex(con, key, false)] = deepCopy(value);
      else if (Object.prototype.hasOwnProperty.call(con, key)) con[key] = deepCopy(value);
      else throw new PatchAlgorithmError(`replace operation does not apply: doc is missing key: ${op.path}`);
      return doc;
    }
    case "move": {
      const from = op.from ?? "";
      if (op.path.startsWith(from + "/")) throw new PatchAlgorithmError("a value cannot be moved into one of its children");
      add(doc, op.path, remove(doc, from));
      return doc;
    }
    case "copy":
      add(doc, op.path, deepCopy(get(doc, op.from ?? "")));
      return doc;
    case "test": {
      const actual = op.path === "" ? doc : get(doc, op.path);
      if (!deepEqual(actual, value)) throw new PatchAlgorithmError(`testing value ${op.path} failed`);
      return doc;
    }
    default:
      throw new PatchAlgorithmError(`Unexpected kind: ${op.op}`);
  }
}

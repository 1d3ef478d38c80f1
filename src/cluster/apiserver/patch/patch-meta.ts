// Schema facts the patch algorithms need about one field, looked up by field path from the object
// root (array positions are not part of the path). Mirrors the inputs of upstream's
// strategicpatch.LookupPatchMeta (patchStrategy / patchMergeKey struct tags) and of
// structured-merge-diff's schema (x-kubernetes-list-type, list-map-keys, map-type).
export interface PatchMeta {
  /** "merge" | "replace" | "retainKeys" | "merge,retainKeys" (x-kubernetes-patch-strategy). */
  patchStrategy?: string;
  /** x-kubernetes-patch-merge-key. */
  patchMergeKey?: string;
  /** x-kubernetes-list-type; when absent it is deduced from the patch strategy. */
  listType?: "atomic" | "set" | "map";
  /** x-kubernetes-list-map-keys; when absent the patch merge key is used. */
  listMapKeys?: string[];
  /** x-kubernetes-map-type: an atomic map (e.g. a LabelSelector) is owned as a whole. */
  mapType?: "atomic" | "granular";
  /**
   * The field is a non-pointer Go field: an empty object of the parent type already holds it (as `{}`
   * or null). OpenAPI shows this as `default: {}` or by listing the field as required. Root
   * `metadata`, `spec` and `status` count as present unless the lookup says otherwise.
   */
  present?: boolean;
}

export type PatchMetaLookup = (path: string[]) => PatchMeta | undefined;

export const noPatchMeta: PatchMetaLookup = () => undefined;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JsonObject = Record<string, any>;

export const isObject = (v: unknown): v is JsonObject =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** extractRetainKeysPatchStrategy: the strategy apart from retainKeys, and whether retainKeys is set. */
export function splitPatchStrategy(s: string | undefined): { strategy: string; retainKeys: boolean } {
  const parts = (s ?? "").split(",").filter((p) => p !== "");
  const retainKeys = parts.includes("retainKeys");
  const rest = parts.filter((p) => p !== "retainKeys");
  return { strategy: rest[0] ?? "", retainKeys };
}

export interface ListShape { type: "atomic" | "set" | "map"; keys: string[] }

/** How structured-merge-diff treats a list: explicit list type, else deduced from the patch strategy. */
export function listShape(meta: PatchMeta | undefined): ListShape {
  const merge = splitPatchStrategy(meta?.patchStrategy).strategy === "merge";
  const keys = meta?.listMapKeys ?? (meta?.patchMergeKey ? [meta.patchMergeKey] : []);
  const type = meta?.listType ?? (merge ? (keys.length ? "map" : "set") : "atomic");
  return { type, keys };
}

export function isPresentByDefault(lookup: PatchMetaLookup, path: string[]): boolean {
  const meta = lookup(path);
  if (meta?.present !== undefined) return meta.present;
  return path.length === 1 && ["metadata", "spec", "status"].includes(path[0]);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

export const deepCopy = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

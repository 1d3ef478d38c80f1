// Object codec of the store: objects are kept as JSON text without metadata.resourceVersion and
// get it back, as the mod revision, when read. Mirrors k8s.io/apiserver/pkg/storage/etcd3
// (store.go decode + APIObjectVersioner.UpdateObject), which sets resourceVersion from the
// etcd ModRevision on every object it returns.
import type { Obj } from "./types";

/** ObjectMeta fields that precede resourceVersion in the Go struct (and so in upstream JSON). */
const FIELDS_BEFORE_RESOURCE_VERSION = new Set(["name", "generateName", "namespace", "selfLink", "uid"]);

/** Serializes an object for storage, leaving out metadata.resourceVersion. Does not mutate the input. */
export function encodeObject(object: Obj): string {
  const metadata = object.metadata;
  if (!metadata || !("resourceVersion" in metadata)) return JSON.stringify(object);
  const { resourceVersion: _dropped, ...rest } = metadata;
  return JSON.stringify({ ...object, metadata: rest });
}

/** Parses a stored object and sets metadata.resourceVersion = String(revision), at its upstream place. */
export function decodeObject(json: string, revision: number): Obj {
  const object = JSON.parse(json) as Obj;
  setResourceVersion(object, revision);
  return object;
}

/** Sets metadata.resourceVersion in place, keeping ObjectMeta's field order (after uid). */
export function setResourceVersion(object: Obj, revision: number): void {
  const resourceVersion = String(revision);
  const metadata = object.metadata;
  if (!metadata || typeof metadata !== "object") {
    object.metadata = { resourceVersion };
    return;
  }
  const ordered: Record<string, unknown> = {};
  let placed = false;
  for (const [name, value] of Object.entries(metadata)) {
    if (name === "resourceVersion") continue;
    if (!placed && !FIELDS_BEFORE_RESOURCE_VERSION.has(name)) {
      ordered.resourceVersion = resourceVersion;
      placed = true;
    }
    ordered[name] = value;
  }
  if (!placed) ordered.resourceVersion = resourceVersion;
  object.metadata = ordered as Obj["metadata"];
}

/**
 * The stored JSON text with metadata.resourceVersion = String(revision) inserted at its upstream
 * place, without parsing the object: the same text JSON.stringify(decodeObject(json, revision))
 * gives. Text it cannot place the field in (no metadata object) takes the parsing path.
 */
export function encodedWithResourceVersion(json: string, revision: number): string {
  const at = resourceVersionOffset(json);
  if (at === undefined) return JSON.stringify(decodeObject(json, revision));
  const field = `"resourceVersion":"${revision}"`;
  if (json[at] === "}") return json.slice(0, at) + (json[at - 1] === "{" ? "" : ",") + field + json.slice(at);
  return json.slice(0, at) + field + "," + json.slice(at);
}

/**
 * Where resourceVersion goes in a stored object's text (JSON.stringify output, no whitespace):
 * the offset of the first metadata key that follows it in ObjectMeta, or of metadata's closing
 * brace. The keys before it hold strings only; anything else, or a resourceVersion already
 * there, answers undefined.
 */
function resourceVersionOffset(json: string): number | undefined {
  const open = metadataOffset(json);
  if (open === undefined) return undefined;
  let i = open + 1;
  for (;;) {
    if (json[i] === "}") return i;
    if (json[i] !== '"') return undefined;
    const keyEnd = stringEnd(json, i);
    if (keyEnd === undefined) return undefined;
    const key = json.slice(i + 1, keyEnd);
    if (key === "resourceVersion") return undefined;
    if (!FIELDS_BEFORE_RESOURCE_VERSION.has(key)) return i;
    if (json[keyEnd + 1] !== ":" || json[keyEnd + 2] !== '"') return undefined;
    const valueEnd = stringEnd(json, keyEnd + 2);
    if (valueEnd === undefined) return undefined;
    i = valueEnd + 1;
    if (json[i] === ",") i++;
  }
}

/** The offset of the `{` opening the top-level "metadata" object, skipping the fields before it. */
function metadataOffset(json: string): number | undefined {
  if (json[0] !== "{") return undefined;
  let i = 1;
  while (json[i] === '"') {
    const keyEnd = stringEnd(json, i);
    if (keyEnd === undefined || json[keyEnd + 1] !== ":") return undefined;
    const value = keyEnd + 2;
    if (json.slice(i + 1, keyEnd) === "metadata") return json[value] === "{" ? value : undefined;
    const end = valueEnd(json, value);
    if (end === undefined || json[end] !== ",") return undefined;
    i = end + 1;
  }
  return undefined;
}

/** The offset just past the JSON value that starts at `start`. */
function valueEnd(json: string, start: number): number | undefined {
  let depth = 0;
  for (let i = start; i < json.length; i++) {
    const c = json[i];
    if (c === '"') {
      const end = stringEnd(json, i);
      if (end === undefined) return undefined;
      i = end;
    } else if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") {
      if (depth === 0) return i;
      depth--;
    } else if (c === "," && depth === 0) return i;
    if (depth === 0 && (c === '"' || c === "}" || c === "]")) return i + 1;
  }
  return undefined;
}

/** The index of the quote closing the JSON string that opens at `start`. */
function stringEnd(json: string, start: number): number | undefined {
  for (let i = start + 1; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i;
  }
  return undefined;
}

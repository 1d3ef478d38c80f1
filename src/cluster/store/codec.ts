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

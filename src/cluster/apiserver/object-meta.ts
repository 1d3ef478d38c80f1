// System fields of ObjectMeta on create and update (staging/src/k8s.io/apiserver/pkg/registry/rest/create.go,
// update.go: FillObjectMetaSystemFields, generateName, namespace checks).
import type { KObject } from "./registry/types";
import type { ResourceInfo } from "./resources";
import { badRequest, invalid } from "./status";
import type { FieldError } from "./field-errors";
import { NAME_ALPHABET } from "../sim/rng";

export interface Ids {
  uid(): string;
  /** Five characters from upstream's name alphabet, for generateName. */
  suffix(): string;
}

export const rfc3339 = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/** The request's namespace wins; an object naming another one is a 400 as upstream. */
export function checkNamespace(ri: ResourceInfo, obj: KObject, namespace: string | undefined): void {
  if (!ri.namespaced) {
    if (obj.metadata.namespace) delete obj.metadata.namespace;
    return;
  }
  if (obj.metadata.namespace && namespace && obj.metadata.namespace !== namespace) {
    throw badRequest("the namespace of the provided object does not match the namespace sent on the request");
  }
  obj.metadata.namespace = namespace ?? obj.metadata.namespace;
}

export function fillCreateSystemFields(ri: ResourceInfo, obj: KObject, now: Date, ids: Ids): void {
  const m = obj.metadata;
  if (!m.name && m.generateName) m.name = `${m.generateName}${ids.suffix()}`;
  if (!m.name) {
    const errs: FieldError[] = [{ type: "FieldValueRequired", field: "metadata.name", detail: "name or generateName is required" }];
    throw invalid(ri.kind, ri.group, "", errs);
  }
  if (m.resourceVersion) throw badRequest("resourceVersion should not be set on objects to be created");
  m.uid = ids.uid();
  m.creationTimestamp = rfc3339(now);
  delete m.deletionTimestamp;
  delete m.deletionGracePeriodSeconds;
  delete m.selfLink;
}

/** On update the system fields are the stored ones, whatever the client sent. */
export function keepUpdateSystemFields(obj: KObject, old: KObject): void {
  const m = obj.metadata;
  const o = old.metadata;
  m.uid = o.uid;
  m.creationTimestamp = o.creationTimestamp;
  m.namespace = o.namespace;
  if (o.deletionTimestamp) m.deletionTimestamp = o.deletionTimestamp; else delete m.deletionTimestamp;
  if (o.deletionGracePeriodSeconds !== undefined) m.deletionGracePeriodSeconds = o.deletionGracePeriodSeconds;
  else delete m.deletionGracePeriodSeconds;
  if (o.generation !== undefined && m.generation === undefined) m.generation = o.generation;
  if (o.generateName !== undefined && m.generateName === undefined) m.generateName = o.generateName;
  delete m.selfLink;
}

/** Uids look like upstream's (UUID v4), drawn from the cluster's seeded random source. */
export function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = "4";
  hex[16] = "89ab"[Math.floor(random() * 4)];
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function nameSuffix(random: () => number, n = 5): string {
  let s = "";
  for (let i = 0; i < n; i++) s += NAME_ALPHABET[Math.floor(random() * NAME_ALPHABET.length)];
  return s;
}

// Schema facts about one field of a kind, addressed by the field names from the object root
// (array positions left out, map keys included): what strategic merge patch needs
// (patchStrategy, patchMergeKey, from the `patchStrategy`/`patchMergeKey` struct tags) and what
// server-side apply needs (listType, listMapKeys, mapType). Mirrors what
// k8s.io/apimachinery/pkg/util/strategicpatch's PatchMetaFromOpenAPIV3 reads from the schema.

import { objectType, typeOfKind } from "./catalog.js";
import type { Field, TypeRef } from "./dsl.js";
import { SPECIAL_TYPES } from "./special.js";

export interface PatchMeta {
  patchStrategy?: string;
  patchMergeKey?: string;
}

export type Shape = "object" | "list" | "map" | "scalar" | "free";

export interface FieldInfo extends PatchMeta {
  shape: Shape;
  /** For lists and maps: the shape of an item / value. */
  items?: Shape;
  listType?: "atomic" | "set" | "map";
  listMapKeys?: string[];
  mapType?: "atomic" | "granular";
}

export function shapeOf(t: TypeRef): Shape {
  switch (t.k) {
    case "scalar": return "scalar";
    case "list": return "list";
    case "map": return "map";
    case "ref": return SPECIAL_TYPES[t.name]?.shape ?? "object";
  }
}

/** The field at `path` below the type `root`, or undefined when the schema has no such field. */
export function resolveField(root: string, path: string[]): Field | undefined {
  let field: Field = { t: { k: "ref", name: root } };
  for (const seg of path) {
    let t = field.t;
    while (t.k === "list") t = t.of;
    if (t.k === "map") {
      field = { t: t.of };
      continue;
    }
    if (t.k !== "ref") return undefined;
    const type = objectType(t.name);
    if (!type || !Object.hasOwn(type.fields, seg)) return undefined;
    field = type.fields[seg];
  }
  return field;
}

function info(field: Field): FieldInfo {
  const out: FieldInfo = { shape: shapeOf(field.t) };
  if (field.t.k === "list" || field.t.k === "map") out.items = shapeOf(field.t.of);
  const ext = field.ext;
  if (ext?.strategy) out.patchStrategy = ext.strategy;
  if (ext?.mergeKey) out.patchMergeKey = ext.mergeKey;
  if (ext?.listType) out.listType = ext.listType;
  if (ext?.keys) out.listMapKeys = ext.keys;
  if (ext?.mapType) out.mapType = ext.mapType;
  return out;
}

/** Everything the schema says about one field of a kind, or undefined for an unknown kind/field. */
export function fieldInfo(group: string, version: string, kind: string, path: string[]): FieldInfo | undefined {
  const root = typeOfKind(group, version, kind);
  const field = root ? resolveField(root, path) : undefined;
  return field ? info(field) : undefined;
}

/**
 * Strategic-merge-patch metadata of a kind's fields: the returned function answers
 * `{ patchStrategy?, patchMergeKey? }` for a known field (empty when it has neither) and
 * undefined for a path the schema does not know (or a kind outside the catalogue).
 */
export function patchMetaLookup(group: string, version: string, kind: string): (path: string[]) => PatchMeta | undefined {
  const root = typeOfKind(group, version, kind);
  return (path) => {
    const field = root ? resolveField(root, path) : undefined;
    if (!field) return undefined;
    const out: PatchMeta = {};
    if (field.ext?.strategy) out.patchStrategy = field.ext.strategy;
    if (field.ext?.mergeKey) out.patchMergeKey = field.ext.mergeKey;
    return out;
  };
}

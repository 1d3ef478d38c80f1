// Renders the type catalogue as OpenAPI v3 component schemas the way the v1.32 API server
// serves them (kube-openapi's v3 builder): sorted properties, `required` in field order,
// references to named types as `{"allOf":[{"$ref":...}]}` when the member carries a description
// or extension, x-kubernetes-* extensions, and x-kubernetes-group-version-kind on served kinds.

import { gvksOfType, objectType } from "./catalog.js";
import { describeField, describeType } from "./descriptions.js";
import { schemaName, type Field, type FieldExt, type TypeRef } from "./dsl.js";
import { SPECIAL_TYPES, type Json } from "./special.js";

export const refTo = (short: string) => `#/components/schemas/${schemaName(short)}`;

function scalarSchema(t: Extract<TypeRef, { k: "scalar" }>): Json {
  switch (t.t) {
    case "boolean": return { type: "boolean" };
    case "int32": return { format: "int32", type: "integer" };
    case "int64": return { format: "int64", type: "integer" };
    case "double": return { format: "double", type: "number" };
    case "byte": return { format: "byte", type: "string" };
    case "string": return t.enum && t.enum.length > 0 ? { enum: t.enum, type: "string" } : { type: "string" };
  }
}

/** Schema of a list item or map value: a bare `$ref` for named types. */
function innerSchema(t: TypeRef): Json {
  switch (t.k) {
    case "scalar": return scalarSchema(t);
    case "ref": return { $ref: refTo(t.name) };
    case "list": return { items: innerSchema(t.of), type: "array" };
    case "map": return { additionalProperties: innerSchema(t.of), type: "object" };
  }
}

function extensions(ext: FieldExt | undefined): Json {
  const out: Json = {};
  if (!ext) return out;
  if (ext.keys) out["x-kubernetes-list-map-keys"] = ext.keys;
  if (ext.listType) out["x-kubernetes-list-type"] = ext.listType;
  if (ext.mapType) out["x-kubernetes-map-type"] = ext.mapType;
  if (ext.mergeKey) out["x-kubernetes-patch-merge-key"] = ext.mergeKey;
  if (ext.strategy) out["x-kubernetes-patch-strategy"] = ext.strategy;
  return out;
}

/** Schema of one property. */
export function fieldSchema(field: Field, description: string | undefined): Json {
  const desc: Json = description ? { description } : {};
  const ext = extensions(field.ext);
  const t = field.t;
  if (t.k === "ref") {
    if (!description && Object.keys(ext).length === 0) return { $ref: refTo(t.name) };
    return { allOf: [{ $ref: refTo(t.name) }], ...desc, ...ext };
  }
  const body = innerSchema(t);
  return sortKeys({ ...body, ...desc, ...ext });
}

function sortKeys(o: Json): Json {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The component schema of a short type name, or undefined when the catalogue lacks it. */
export function componentSchema(short: string): Json | undefined {
  const special = SPECIAL_TYPES[short];
  if (special) return special.schema;
  const type = objectType(short);
  if (!type) return undefined;
  const out: Json = {};
  const description = describeType(short);
  if (description) out.description = description;
  const names = Object.keys(type.fields).sort();
  out.properties = Object.fromEntries(names.map((n) => [n, fieldSchema(type.fields[n], describeField(short, n))]));
  const required = Object.entries(type.fields).filter(([, f]) => f.required).map(([n]) => n);
  if (required.length > 0) out.required = required;
  out.type = "object";
  const gvks = gvksOfType(short);
  if (gvks.length > 0) out["x-kubernetes-group-version-kind"] = gvks.map((g) => ({ group: g.group, kind: g.kind, version: g.version }));
  if (type.mapType) out["x-kubernetes-map-type"] = type.mapType;
  return out;
}

/** Short names of the types a type refers to directly. */
export function referencedTypes(short: string): string[] {
  const type = objectType(short);
  if (!type) return [];
  const out = new Set<string>();
  const walk = (t: TypeRef) => {
    if (t.k === "ref") out.add(t.name);
    else if (t.k === "list" || t.k === "map") walk(t.of);
  };
  for (const f of Object.values(type.fields)) walk(f.t);
  return [...out];
}

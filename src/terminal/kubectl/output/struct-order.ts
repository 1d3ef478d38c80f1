// An object's keys in the order Go's encoding/json writes a typed API object: struct fields in
// declaration order (TypeMeta's kind and apiVersion first, then metadata, spec, …), map keys
// sorted. kubectl prints typed objects this way (the generators of create/run, whose objects
// never become unstructured maps), where a decoded server object prints with every key sorted.
// The field order comes from the API server's type tables (openapi/schemas/*.gen.ts), which
// list fields as the Go structs declare them.
import { objectType, typeOfKind } from "../../../cluster/apiserver/openapi/catalog";
import type { TypeRef } from "../../../cluster/apiserver/openapi/dsl";
import { compareBytes } from "./json";

type Json = Record<string, unknown>;

/** `obj` with its keys in Go struct order when its kind is a known API type; as given otherwise. */
export function inStructOrder(obj: Json): Json {
  const apiVersion = String(obj.apiVersion ?? "");
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const type = typeOfKind(group!, version!, String(obj.kind ?? ""));
  return type ? (ordered(obj, { k: "ref", name: type }) as Json) : obj;
}

function ordered(value: unknown, t: TypeRef | undefined): unknown {
  if (value === null || typeof value !== "object" || !t) return value;
  if (t.k === "list") return Array.isArray(value) ? value.map((v) => ordered(v, t.of)) : value;
  const o = value as Json;
  if (t.k === "map") {
    return Object.fromEntries(Object.keys(o).sort(compareBytes).map((k) => [k, ordered(o[k], t.of)]));
  }
  if (t.k !== "ref") return value;
  const type = objectType(t.name);
  if (!type) return value;
  const out: Json = {};
  for (const [name, field] of Object.entries(type.fields)) if (name in o) out[name] = ordered(o[name], field.t);
  for (const k of Object.keys(o).sort(compareBytes)) if (!(k in out)) out[k] = o[k];
  return out;
}

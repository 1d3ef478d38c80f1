// Unknown-field detection for `fieldValidation=Strict|Warn`: walks a decoded object against its
// kind's schema and lists the fields the Go types would not accept, with the path spelling of
// sigs.k8s.io/json's strict decoder (`spec.containers[0].imagee`, map keys as `.key`), in
// document order. The API server then answers 400 `strict decoding error: unknown field "..."`
// (k8s.io/apimachinery/pkg/runtime/serializer/json strict decoding).

import { objectType, typeOfKind } from "./catalog.js";
import type { TypeRef } from "./dsl.js";
import { SPECIAL_TYPES } from "./special.js";

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

function walk(value: unknown, t: TypeRef, path: string, out: string[]): void {
  if (value === null || value === undefined) return;
  switch (t.k) {
    case "scalar": return;
    case "list":
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, t.of, `${path}[${i}]`, out));
      return;
    case "map":
      if (isPlainObject(value)) for (const [k, v] of Object.entries(value)) walk(v, t.of, join(path, k), out);
      return;
    case "ref": {
      if (SPECIAL_TYPES[t.name]) return;
      const type = objectType(t.name);
      if (!type || !isPlainObject(value)) return;
      for (const [k, v] of Object.entries(value)) {
        if (!Object.hasOwn(type.fields, k)) out.push(join(path, k));
        else walk(v, type.fields[k].t, join(path, k), out);
      }
    }
  }
}

/** Paths of the fields of `obj` that its kind does not define; empty for kinds outside the catalogue. */
export function unknownFieldPaths(group: string, version: string, kind: string, obj: unknown): string[] {
  const root = typeOfKind(group, version, kind);
  if (!root) return [];
  const out: string[] = [];
  walk(obj, { k: "ref", name: root }, "", out);
  return out;
}

/** Whether the catalogue describes the kind, i.e. whether unknownFieldPaths can check it. */
export function knownFields(group: string, version: string, kind: string): boolean {
  return typeOfKind(group, version, kind) !== undefined;
}

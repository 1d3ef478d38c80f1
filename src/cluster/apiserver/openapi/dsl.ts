// A compact description of the API types: each struct is a table of JSON fields with their type,
// whether they are required, and the merge/list extensions upstream attaches to them. It holds
// the facts that kube-openapi's openapi-gen reads from the Go types (k8s.io/api, apimachinery):
// json tags, `patchStrategy`/`patchMergeKey` struct tags, `+listType`, `+listMapKey`,
// `+mapType`, `+structType` and `+optional` markers. schemas/*.gen.ts are written in it.

export type Scalar = "string" | "boolean" | "int32" | "int64" | "double" | "byte";

export type TypeRef =
  | { k: "scalar"; t: Scalar; enum?: string[] }
  | { k: "ref"; name: string }
  | { k: "list"; of: TypeRef }
  | { k: "map"; of: TypeRef };

/** Extensions of one field, spelled as upstream's x-kubernetes-* keys without the prefix. */
export interface FieldExt {
  strategy?: string;
  mergeKey?: string;
  listType?: "atomic" | "set" | "map";
  keys?: string[];
  mapType?: "atomic" | "granular";
}

export interface Field {
  t: TypeRef;
  ext?: FieldExt;
  required?: boolean;
}

export interface ObjectType {
  fields: Record<string, Field>;
  /** `+structType=atomic` on the Go type (x-kubernetes-map-type: atomic on the schema). */
  mapType?: "atomic";
}

/** Short type name (`core.v1.Container`, `meta.v1.ObjectMeta`) → its fields. */
export type TypeTable = Record<string, ObjectType>;

const scalar = (t: Scalar, values?: string[]): Field => ({ t: values ? { k: "scalar", t, enum: values } : { k: "scalar", t } });

export const s = (values?: string[]) => scalar("string", values);
export const b = () => scalar("boolean");
export const i32 = () => scalar("int32");
export const i64 = () => scalar("int64");
export const f64 = () => scalar("double");
export const bytes = () => scalar("byte");
export const r = (name: string): Field => ({ t: { k: "ref", name } });
export const l = (of: Field, ext?: FieldExt): Field => ({ t: { k: "list", of: of.t }, ...(ext ? { ext } : {}) });
export const m = (of: Field, ext?: FieldExt): Field => ({ t: { k: "map", of: of.t }, ...(ext ? { ext } : {}) });
/** A marker written on a non-list member (e.g. `patchStrategy:"retainKeys"` on a struct). */
export const x = (f: Field, ext: FieldExt): Field => ({ ...f, ext });
export const req = (f: Field): Field => ({ ...f, required: true });
export const o = (fields: Record<string, Field>, opts: { mapType?: "atomic" } = {}): ObjectType => ({ fields, ...opts });

const PREFIXES: [string, string][] = [
  ["meta.v1.", "io.k8s.apimachinery.pkg.apis.meta.v1."],
  ["resource.", "io.k8s.apimachinery.pkg.api.resource."],
  ["intstr.", "io.k8s.apimachinery.pkg.util.intstr."],
  ["runtime.", "io.k8s.apimachinery.pkg.runtime."],
  ["apiextensions.v1.", "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1."],
];

/** The OpenAPI component name of a short type name: `core.v1.Pod` → `io.k8s.api.core.v1.Pod`. */
export function schemaName(short: string): string {
  for (const [p, full] of PREFIXES) if (short.startsWith(p)) return full + short.slice(p.length);
  return `io.k8s.api.${short}`;
}

/** The short type name of an OpenAPI component name (the inverse of schemaName). */
export function shortName(full: string): string {
  for (const [p, prefix] of PREFIXES) if (full.startsWith(prefix)) return p + full.slice(prefix.length);
  return full.startsWith("io.k8s.api.") ? full.slice("io.k8s.api.".length) : full;
}

/** The short type name of an API group's kind: ("apps", "v1", "Deployment") → `apps.v1.Deployment`. */
export function shortTypeName(group: string, version: string, kind: string): string {
  const pkg = group === "" ? "core" : group.split(".")[0];
  return `${pkg}.${version}.${kind}`;
}

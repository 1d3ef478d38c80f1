// The protobuf descriptor registry: every package's message table, compiled lazily into field
// maps, and the kinds whose raw message has a known root (apiVersion + kind → message).
// Mirrors the generated.proto files of k8s.io/api and k8s.io/apimachinery (v1.32).
import { parseField, type FieldInfo, type Schema } from "../fields";
import { apps } from "./apps";
import { batch } from "./batch";
import { coordination } from "./coordination";
import { coreObjects } from "./core";
import { corePod } from "./core-pod";
import { coreVolume } from "./core-volume";
import { discovery } from "./discovery";
import { meta } from "./meta";
import { policy } from "./policy";
import { rbac } from "./rbac";
import { scheduling } from "./scheduling";

/** What every top-level object has, for kinds without a table: field 1 is ObjectMeta. */
const generic: Schema = { Object: { 1: "metadata:meta.ObjectMeta" } };
export const GENERIC_ROOT = "generic.Object";

const PACKAGES: Record<string, Schema> = {
  meta, core: { ...coreObjects, ...corePod, ...coreVolume }, apps, batch, policy, scheduling, coordination, discovery,
  rbac, generic,
};

/** apiVersion → package of the descriptor tables. */
const GROUP_VERSIONS: Record<string, string> = {
  "v1": "core", "apps/v1": "apps", "batch/v1": "batch", "policy/v1": "policy",
  "scheduling.k8s.io/v1": "scheduling", "coordination.k8s.io/v1": "coordination",
  "discovery.k8s.io/v1": "discovery", "rbac.authorization.k8s.io/v1": "rbac",
};

/** Kinds that travel as request bodies but are not in the group's own package. */
const FOREIGN_KINDS: Record<string, string> = { "v1/DeleteOptions": "meta.DeleteOptions" };

/** The qualified root message of a kind ("core.Namespace"), or undefined if it is not described. */
export function rootMessage(apiVersion: string, kind: string): string | undefined {
  const foreign = FOREIGN_KINDS[`${apiVersion}/${kind}`];
  if (foreign) return foreign;
  const pkg = GROUP_VERSIONS[apiVersion];
  return pkg && PACKAGES[pkg][kind] ? `${pkg}.${kind}` : undefined;
}

const compiled = new Map<string, ReadonlyMap<number, FieldInfo>>();

/** Field number → field of a qualified message name ("core.PodSpec"). */
export function messageFields(qualified: string): ReadonlyMap<number, FieldInfo> {
  let fields = compiled.get(qualified);
  if (fields) return fields;
  const dot = qualified.indexOf(".");
  const pkg = qualified.slice(0, dot);
  const spec = PACKAGES[pkg]?.[qualified.slice(dot + 1)];
  if (!spec) throw new TypeError(`protobuf schema: no message ${qualified}`);
  fields = new Map(Object.entries(spec).map(([n, s]) => [Number(n), parseField(pkg, s)]));
  compiled.set(qualified, fields);
  return fields;
}

/** Every qualified message name, for the schema's self-check. */
export const allMessages = (): string[] =>
  Object.entries(PACKAGES).flatMap(([pkg, schema]) => Object.keys(schema).map((n) => `${pkg}.${n}`));

// The catalogue of API types the OpenAPI documents describe: the generated field tables of
// schemas/*.gen.ts plus the hand-marshalled types of special.ts, and which group/version/kind
// each top-level type serves (upstream's x-kubernetes-group-version-kind, which the API server
// takes from its scheme; here from the resource table).

import { RESOURCES } from "../resources.js";
import { shortTypeName, type ObjectType, type TypeTable } from "./dsl.js";
import { apiextensionsTypes } from "./schemas/apiextensions.gen.js";
import { appsTypes } from "./schemas/apps.gen.js";
import { coreTypes } from "./schemas/core.gen.js";
import { groupsTypes } from "./schemas/groups.gen.js";
import { metaTypes } from "./schemas/meta.gen.js";
import { rbacTypes } from "./schemas/rbac.gen.js";
import { SPECIAL_TYPES } from "./special.js";

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

export const TYPES: TypeTable = { ...metaTypes, ...coreTypes, ...appsTypes, ...groupsTypes, ...rbacTypes, ...apiextensionsTypes };

export function objectType(short: string): ObjectType | undefined {
  return Object.hasOwn(TYPES, short) ? TYPES[short] : undefined;
}

export function isKnownType(short: string): boolean {
  return Object.hasOwn(TYPES, short) || Object.hasOwn(SPECIAL_TYPES, short);
}

/** Short type name serving a kind, if the catalogue has it. */
export function typeOfKind(group: string, version: string, kind: string): string | undefined {
  const short = shortTypeName(group, version, kind);
  return objectType(short) ? short : undefined;
}

function buildGvks(): Map<string, GroupVersionKind[]> {
  const out = new Map<string, GroupVersionKind[]>();
  const add = (short: string, gvk: GroupVersionKind) => {
    if (!objectType(short)) return;
    const list = out.get(short) ?? [];
    if (!list.some((g) => g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind)) list.push(gvk);
    out.set(short, list);
  };
  const groupVersions = new Map<string, GroupVersionKind>();
  for (const ri of RESOURCES) {
    for (const kind of [ri.kind, ri.listKind]) add(shortTypeName(ri.group, ri.version, kind), { group: ri.group, version: ri.version, kind });
    for (const sub of ri.subresources) add(shortTypeName(sub.kind.group, sub.kind.version, sub.kind.kind), sub.kind);
    for (const gv of [{ group: ri.group, version: ri.version }, ...ri.subresources.map((s) => s.kind)]) {
      groupVersions.set(`${gv.group}/${gv.version}`, { group: gv.group, version: gv.version, kind: "DeleteOptions" });
    }
  }
  // Status is registered in the core group only; DeleteOptions in every served group version.
  add("meta.v1.Status", { group: "", version: "v1", kind: "Status" });
  const sorted = [...groupVersions.values()].sort((a, b) => a.group.localeCompare(b.group) || a.version.localeCompare(b.version));
  for (const gvk of sorted) add("meta.v1.DeleteOptions", gvk);
  return out;
}

let gvkCache: Map<string, GroupVersionKind[]> | undefined;

/** The group/version/kinds a type is served as (empty for nested types). */
export function gvksOfType(short: string): GroupVersionKind[] {
  gvkCache ??= buildGvks();
  return gvkCache.get(short) ?? [];
}

// The garbage collector (pkg/controller/garbagecollector/garbagecollector.go attemptToDeleteItem,
// attemptToOrphanWorker, processDeletingDependentsItem): a dependent whose owners are all gone is
// deleted (background); dangling owner references next to live owners are removed; an owner held by
// the `orphan` finalizer has its dependents' references removed, one held by `foregroundDeletion`
// waits until its blocking dependents are deleted, then the finalizer is removed.
import type { Component, ComponentContext } from "../engine/component";
import type { KObject } from "../apiserver/registry/types";
import { RESOURCES, findByKind, type ResourceInfo } from "../apiserver/resources";
import { isStatusError } from "../apiserver/status";
import type { OwnerReference } from "./util";

export const GARBAGE_COLLECTOR = "generic-garbage-collector";
const ORPHAN = "orphan";
const FOREGROUND = "foregroundDeletion";

const COLLECTED = RESOURCES.filter((r) => r.verbs.includes("list") && r.verbs.includes("delete") && r.group !== "events.k8s.io");
const riKey = (ri: ResourceInfo) => `${ri.group}/${ri.resource}`;
const byKey = new Map(COLLECTED.map((ri) => [riKey(ri), ri]));

const refs = (o: KObject) => (o.metadata.ownerReferences ?? []) as OwnerReference[];
const objKey = (ri: ResourceInfo, o: KObject) => `dep|${riKey(ri)}|${o.metadata.namespace ?? ""}|${o.metadata.name}`;
const ownerKey = (ri: ResourceInfo, o: KObject) => `owner|${o.metadata.uid}|${o.metadata.namespace ?? ""}|${riKey(ri)}|${o.metadata.name}`;

function ignoreNotFound(f: () => void): void {
  try { f(); } catch (e) { if (!isStatusError(e) || e.code !== 404) throw e; }
}

/** The owner a reference names, if it exists with that uid. */
function ownerOf(ctx: ComponentContext, ref: OwnerReference, ns: string): KObject | undefined {
  const ri = findByKind(ref.apiVersion, ref.kind);
  if (!ri) return { metadata: { uid: ref.uid } }; // unknown kinds are never treated as gone
  const o = ctx.api.get(ri, ri.namespaced ? ns : undefined, ref.name);
  return o?.metadata.uid === ref.uid ? o : undefined;
}

function attemptToDelete(ctx: ComponentContext, ri: ResourceInfo, ns: string, name: string): void {
  const obj = ctx.api.get(ri, ri.namespaced ? ns : undefined, name);
  if (!obj || obj.metadata.deletionTimestamp || refs(obj).length === 0) return;
  const owners = refs(obj).map((r) => ({ ref: r, owner: ownerOf(ctx, r, ns) }));
  const solid = owners.filter((o) => o.owner && !(o.owner.metadata.deletionTimestamp && o.owner.metadata.finalizers?.includes(FOREGROUND)));
  const dangling = owners.filter((o) => !o.owner);
  if (solid.length > 0) {
    if (dangling.length > 0) {
      const keep = refs(obj).filter((r) => !dangling.some((d) => d.ref.uid === r.uid));
      ignoreNotFound(() => ctx.api.update(ri, { ...obj, metadata: { ...obj.metadata, ownerReferences: keep } }));
    }
    return;
  }
  ignoreNotFound(() => ctx.api.delete(ri, ri.namespaced ? ns : undefined, name));
}

/** Every object whose owner references name `uid` (same namespace, or any for a cluster-scoped owner). */
function dependentsOf(ctx: ComponentContext, uid: string, ns: string): [ResourceInfo, KObject][] {
  const out: [ResourceInfo, KObject][] = [];
  for (const ri of COLLECTED) {
    if (ns && !ri.namespaced) continue;
    for (const o of ctx.api.list(ri, ns || undefined)) if (refs(o).some((r) => r.uid === uid)) out.push([ri, o]);
  }
  return out;
}

function processOwner(ctx: ComponentContext, uid: string, ns: string, ownerRi: ResourceInfo | undefined, name: string): void {
  const dependents = dependentsOf(ctx, uid, ns);
  // The owner itself, looked up by its key (it may have no dependents left: foreground deletion ends then).
  const found = ownerRi ? ctx.api.get(ownerRi, ownerRi.namespaced ? ns : undefined, name) : undefined;
  const owner = found?.metadata.uid === uid ? found : undefined;
  const finalizers = (owner?.metadata.finalizers ?? []) as string[];
  if (owner?.metadata.deletionTimestamp && finalizers.includes(ORPHAN)) {
    for (const [ri, d] of dependents) {
      const rest = refs(d).filter((r) => r.uid !== uid);
      ignoreNotFound(() => ctx.api.update(ri, { ...d, metadata: { ...d.metadata, ownerReferences: rest.length ? rest : undefined } }));
    }
    return removeFinalizer(ctx, owner, ORPHAN);
  }
  if (owner?.metadata.deletionTimestamp && finalizers.includes(FOREGROUND)) {
    const blocking = dependents.filter(([, d]) => refs(d).some((r) => r.uid === uid && r.blockOwnerDeletion));
    for (const [ri, d] of blocking) if (!d.metadata.deletionTimestamp) ignoreNotFound(() => ctx.api.delete(ri, ri.namespaced ? ns : undefined, d.metadata.name));
    if (blocking.length === 0) removeFinalizer(ctx, owner, FOREGROUND);
    return;
  }
  for (const [ri, d] of dependents) attemptToDelete(ctx, ri, d.metadata.namespace ?? "", d.metadata.name);
}

function removeFinalizer(ctx: ComponentContext, owner: KObject, f: string): void {
  const ri = findByKind(owner.apiVersion, owner.kind);
  if (!ri) return;
  const rest = (owner.metadata.finalizers as string[]).filter((x) => x !== f);
  ignoreNotFound(() => ctx.api.update(ri, { ...owner, metadata: { ...owner.metadata, finalizers: rest.length ? rest : undefined } }));
}

export const garbageCollector: Component = {
  name: GARBAGE_COLLECTOR,
  watches: COLLECTED.map((ri) => ({
    resource: ri,
    keys: (o: KObject, e?: { type: string }) => {
      const keys: string[] = [];
      if (refs(o).length && e?.type !== "DELETED") keys.push(objKey(ri, o));
      // A dependent gone may be the last one an owner in foreground deletion waits for.
      if (e?.type === "DELETED") {
        for (const r of refs(o)) {
          const ownerRi = findByKind(r.apiVersion, r.kind);
          if (ownerRi && byKey.has(riKey(ownerRi))) keys.push(`owner|${r.uid}|${o.metadata.namespace ?? ""}|${riKey(ownerRi)}|${r.name}`);
        }
      }
      const f = (o.metadata.finalizers ?? []) as string[];
      if (e?.type === "DELETED" || (o.metadata.deletionTimestamp && (f.includes(ORPHAN) || f.includes(FOREGROUND)))) {
        if (!e || e.type !== "ADDED") keys.push(ownerKey(ri, o));
      }
      return keys;
    },
  })),
  sync(key, ctx) {
    const [kind, a, b, c, d] = key.split("|");
    if (kind === "owner") return void processOwner(ctx, a!, b!, byKey.get(c!), d!);
    const ri = byKey.get(a!);
    if (ri) attemptToDelete(ctx, ri, b!, c!);
  },
};

// The one generic registry every resource goes through (as upstream's
// staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go): create, get, update,
// delete with graceful deletion and finalizers, on the revisioned store. What differs between
// resources is in their Strategy; the request path's admission and trace steps are here.
import {
  type Store, type Versioned, KeyExistsError, KeyNotFoundError, RevisionConflictError,
} from "../store/types";
import type { ResourceInfo } from "./resources";
import { storageKey, groupVersion } from "./resources";
import type { KObject, Strategy, StrategyContext } from "./registry/types";
import { strategyFor } from "./registry/strategies";
import type { AdmissionAttributes, ObjectReader, Operation, UserInfo } from "./admission/types";
import { runAdmission } from "./admission/chain";
import { alreadyExists, conflict, invalid, notFound, StatusError } from "./status";
import { checkNamespace, fillCreateSystemFields, keepUpdateSystemFields, rfc3339, type Ids } from "./object-meta";
import type { RequestTrace, TraceSink } from "./trace";
import { patchMetaLookup } from "./openapi";
import type { PatchMetaLookup } from "./patch/patch-meta";

export interface WriteOptions {
  user: UserInfo;
  /** "Apply" for server-side apply (its managedFields entry is already written). */
  operation?: "Update" | "Apply";
  dryRun?: boolean;
  fieldManager?: string;
  subresource?: string;
  trace?: RequestTrace;
}

export interface DeleteOptions extends WriteOptions {
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  propagationPolicy?: "Background" | "Foreground" | "Orphan";
}

export interface DeleteResult {
  /** The object as stored after the call (deleted, or waiting with deletionTimestamp). */
  object: KObject;
  /** True when the object is gone from the store. */
  deleted: boolean;
}

export interface RegistryDeps {
  store: Store;
  now: () => Date;
  ids: Ids;
  reader: ObjectReader;
  traces: TraceSink;
  /** Records managedFields for a write by `manager` (operation Update/Apply); optional. */
  managedFields?: (obj: KObject, prev: KObject | undefined, manager: string, operation: string, apiVersion: string, now: Date,
    opts: { subresource?: string; lookup: PatchMetaLookup }) => void;
}

const clone = <T>(o: T): T => structuredClone(o);

export class GenericRegistry {
  constructor(private readonly deps: RegistryDeps) {}

  private ctx(namespace?: string): StrategyContext {
    return { now: this.deps.now(), namespace };
  }

  key(ri: ResourceInfo, namespace: string | undefined, name: string): string {
    return storageKey(ri, namespace, name);
  }

  get(ri: ResourceInfo, namespace: string | undefined, name: string): KObject {
    const v = this.deps.store.get(this.key(ri, namespace, name));
    if (!v) throw notFound(ri, name);
    return withTypeMeta(ri, this.present(ri, v.object as KObject));
  }

  /** Whether present() gives every stored object back as it is (no conversion, no computed fields). */
  presentsAsStored(ri: ResourceInfo): boolean {
    const s = strategyFor(ri.group, ri.resource);
    return !s.fromStorage && !s.computed;
  }

  /** A stored object as readers see it: in the resource's own form, with its clock-computed fields. */
  present(ri: ResourceInfo, stored: KObject): KObject {
    const s = strategyFor(ri.group, ri.resource);
    const obj = s.fromStorage?.(stored) ?? stored;
    return s.computed ? s.computed(obj, { now: this.deps.now(), reader: this.deps.reader }) : obj;
  }

  /** The object, or undefined when there is none (components' and admission's lookups). */
  find(ri: ResourceInfo, namespace: string | undefined, name: string): KObject | undefined {
    const v = this.deps.store.get(this.key(ri, namespace, name));
    return v ? withTypeMeta(ri, this.present(ri, v.object as KObject)) : undefined;
  }

  private admit(ri: ResourceInfo, op: Operation, namespace: string | undefined, name: string,
    obj: KObject | undefined, old: KObject | undefined, opts: WriteOptions): void {
    const attrs: AdmissionAttributes = {
      operation: op, resource: ri, subresource: opts.subresource, namespace, name,
      object: obj, oldObject: old, user: opts.user, dryRun: !!opts.dryRun,
      reader: this.deps.reader, now: this.deps.now(),
    };
    runAdmission(attrs, opts.trace);
  }

  private validate(ri: ResourceInfo, name: string, errs: ReturnType<NonNullable<Strategy["validate"]>> | undefined, trace?: RequestTrace): void {
    if (errs && errs.length) {
      trace?.add("validation", ri.kind, `${errs.length} field error(s)`);
      throw invalid(ri.kind, ri.group, name, errs);
    }
    trace?.add("validation", ri.kind, "valid");
  }

  private commit(key: string, v: Versioned, trace?: RequestTrace): KObject {
    trace?.add("storage", "etcd", `${key} at revision ${v.modRevision}`);
    if (trace) this.deps.traces.record(key, v.modRevision, trace.entries);
    return v.object as KObject;
  }

  /** Writes go to storage in the stored form; what they return is in the resource's own form. */
  private toStored(ri: ResourceInfo, obj: KObject): KObject {
    return stripTypeMeta(strategyFor(ri.group, ri.resource).toStorage?.(obj) ?? obj);
  }

  create(ri: ResourceInfo, namespace: string | undefined, input: KObject, opts: WriteOptions): KObject {
    const s = strategyFor(ri.group, ri.resource);
    const obj = clone(input);
    obj.metadata ??= {};
    checkNamespace(ri, obj, namespace);
    const now = this.deps.now();
    s.defaults?.(obj);
    this.admitPhases(ri, "CREATE", obj.metadata.namespace, obj.metadata.name ?? "", obj, undefined, opts);
    fillCreateSystemFields(ri, obj, now, this.deps.ids);
    s.prepareForCreate?.(obj, this.ctx(namespace));
    this.validate(ri, obj.metadata.name, s.validate?.(obj, this.ctx(namespace)), opts.trace);
    s.allocate?.(obj, this.deps.reader);
    if (opts.fieldManager) this.deps.managedFields?.(obj, undefined, opts.fieldManager, opts.operation ?? "Update", groupVersion(ri), now, { lookup: patchMetaLookup(ri.group, ri.version, ri.kind) });
    const key = this.key(ri, obj.metadata.namespace, obj.metadata.name);
    if (opts.dryRun) {
      if (this.deps.store.get(key)) throw alreadyExists(ri, obj.metadata.name);
      return withTypeMeta(ri, obj);
    }
    try {
      return withTypeMeta(ri, fromStorage(ri, this.commit(key, this.deps.store.create(key, this.toStored(ri, obj)), opts.trace)));
    } catch (e) {
      if (e instanceof KeyExistsError) throw alreadyExists(ri, obj.metadata.name);
      throw e;
    }
  }

  /** Mutating admission then validating admission, as one step here (both run before validation of the strategy). */
  private admitPhases(ri: ResourceInfo, op: Operation, ns: string | undefined, name: string,
    obj: KObject | undefined, old: KObject | undefined, opts: WriteOptions): void {
    this.admit(ri, op, ns, name, obj, old, opts);
  }

  /**
   * Replaces an object (PUT, and the end of every PATCH). `input.metadata.resourceVersion`, when set,
   * must match the stored one (409 Conflict otherwise). Status and spec are split by subresource.
   */
  update(ri: ResourceInfo, namespace: string | undefined, name: string, input: KObject, opts: WriteOptions): KObject {
    const s = strategyFor(ri.group, ri.resource);
    const key = this.key(ri, namespace, name);
    const current = this.deps.store.get(key);
    if (!current) throw notFound(ri, name);
    const old = fromStorage(ri, current.object as KObject);
    const obj = clone(input);
    obj.metadata ??= {};
    if (obj.metadata.name && obj.metadata.name !== name) {
      throw new StatusError("BadRequest", `the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`);
    }
    obj.metadata.name = name;
    checkNamespace(ri, obj, namespace);
    const rv = obj.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw conflict(ri, name);
    const ctx = this.ctx(namespace);
    const now = ctx.now;
    s.defaults?.(obj);
    keepUpdateSystemFields(obj, old);
    // The main strategy serves the resource and its scale; status has its own; binding, finalize
    // and ephemeralcontainers arrive already built from the stored object by their handlers.
    const sub = opts.subresource;
    const main = sub === undefined || sub === "scale";
    if (sub === "status") s.prepareForStatusUpdate?.(obj, old, ctx);
    else if (main) s.prepareForUpdate?.(obj, old, ctx);
    this.admitPhases(ri, "UPDATE", namespace, name, obj, old, opts);
    const errs = sub === "status" ? s.validateStatusUpdate?.(obj, old, ctx) : main ? s.validateUpdate?.(obj, old, ctx)
      : s.validateSubresourceUpdate?.(sub!, obj, old, ctx);
    this.validate(ri, name, errs, opts.trace);
    if (opts.fieldManager) {
      this.deps.managedFields?.(obj, old, opts.fieldManager, opts.operation ?? "Update", groupVersion(ri), now,
        { subresource: sub, lookup: patchMetaLookup(ri.group, ri.version, ri.kind) });
    }
    obj.metadata.resourceVersion = old.metadata.resourceVersion;
    if (sameObject(obj, old)) return withTypeMeta(ri, old);
    if (opts.dryRun) return withTypeMeta(ri, obj);
    // An object waiting on finalizers goes once the last one is removed.
    if (obj.metadata.deletionTimestamp && !hasFinalizers(s, obj) && old.metadata.deletionGracePeriodSeconds === 0) {
      const gone = this.deps.store.delete(key, current.modRevision);
      return withTypeMeta(ri, fromStorage(ri, this.commit(key, gone, opts.trace)));
    }
    try {
      return withTypeMeta(ri, fromStorage(ri, this.commit(key, this.deps.store.update(key, this.toStored(ri, obj), current.modRevision), opts.trace)));
    } catch (e) {
      if (e instanceof RevisionConflictError) throw conflict(ri, name);
      if (e instanceof KeyNotFoundError) throw notFound(ri, name);
      throw e;
    }
  }

  /**
   * DELETE: preconditions, admission, then either at once, or graceful (deletionTimestamp +
   * grace period, the kubelet finishes it) or waiting for finalizers.
   */
  delete(ri: ResourceInfo, namespace: string | undefined, name: string, opts: DeleteOptions): DeleteResult {
    const s = strategyFor(ri.group, ri.resource);
    const key = this.key(ri, namespace, name);
    const current = this.deps.store.get(key);
    if (!current) throw notFound(ri, name);
    const old = fromStorage(ri, current.object as KObject);
    checkPreconditions(ri, name, old, opts.preconditions);
    this.admitPhases(ri, "DELETE", namespace, name, undefined, old, opts);
    const ctx = this.ctx(namespace);
    const grace = s.gracePeriodSeconds?.(old, opts.gracePeriodSeconds);
    const finalizers = propagationFinalizers(old.metadata.finalizers, opts.propagationPolicy);
    const withGc = finalizers === old.metadata.finalizers ? old : { ...old, metadata: { ...old.metadata, finalizers } };
    const waitsForFinalizers = hasFinalizers(s, withGc);
    const graceful = grace !== undefined && grace > 0;
    if (!waitsForFinalizers && !graceful) {
      if (opts.dryRun) return { object: withTypeMeta(ri, old), deleted: true };
      const gone = this.deps.store.delete(key, current.modRevision);
      return { object: withTypeMeta(ri, fromStorage(ri, this.commit(key, gone, opts.trace))), deleted: true };
    }
    const obj = clone(withGc);
    const m = obj.metadata;
    const deadline = new Date(ctx.now.getTime() + (graceful ? grace! * 1000 : 0));
    if (!m.deletionTimestamp || (graceful && new Date(m.deletionTimestamp) > deadline)) {
      m.deletionTimestamp = rfc3339(deadline);
      m.deletionGracePeriodSeconds = graceful ? grace : 0;
    } else if (!graceful && m.deletionGracePeriodSeconds) {
      m.deletionGracePeriodSeconds = 0;
    }
    s.prepareForDelete?.(obj, ctx);
    if (opts.dryRun) return { object: withTypeMeta(ri, obj), deleted: false };
    if (!waitsForFinalizers && grace === 0) {
      const gone = this.deps.store.delete(key, current.modRevision);
      return { object: withTypeMeta(ri, fromStorage(ri, this.commit(key, gone, opts.trace))), deleted: true };
    }
    if (sameObject(obj, old)) return { object: withTypeMeta(ri, old), deleted: false };
    const v = this.deps.store.update(key, this.toStored(ri, obj), current.modRevision);
    return { object: withTypeMeta(ri, fromStorage(ri, this.commit(key, v, opts.trace))), deleted: false };
  }

  strategy(ri: ResourceInfo): Strategy {
    return strategyFor(ri.group, ri.resource);
  }
}

/**
 * The garbage collector's finalizers a DELETE asks for (store.go deletionFinalizersForGarbageCollection):
 * Orphan adds `orphan`, Foreground adds `foregroundDeletion`, each replacing the other; Background
 * (and no policy) leaves the finalizers as they are.
 */
function propagationFinalizers(current: string[] | undefined, policy: DeleteOptions["propagationPolicy"]): string[] | undefined {
  if (policy !== "Orphan" && policy !== "Foreground") return current;
  const want = policy === "Orphan" ? "orphan" : "foregroundDeletion";
  const other = policy === "Orphan" ? "foregroundDeletion" : "orphan";
  const list = current ?? [];
  if (list.includes(want) && !list.includes(other)) return current;
  return [...list.filter((f) => f !== other && f !== want), want];
}

function hasFinalizers(s: Strategy, obj: KObject): boolean {
  return (obj.metadata.finalizers?.length ?? 0) > 0 || !!s.finalizersPending?.(obj);
}

function checkPreconditions(ri: ResourceInfo, name: string, old: KObject, p?: { uid?: string; resourceVersion?: string }): void {
  if (!p) return;
  if (p.uid && p.uid !== old.metadata.uid) {
    throw conflict(ri, name, `Precondition failed: UID in precondition: ${p.uid}, UID in object meta: ${old.metadata.uid}`);
  }
  if (p.resourceVersion && p.resourceVersion !== old.metadata.resourceVersion) {
    throw conflict(ri, name, `Precondition failed: ResourceVersion in precondition: ${p.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`);
  }
}

/** A stored object in the resource's own form. */
export function fromStorage(ri: ResourceInfo, obj: KObject): KObject {
  return strategyFor(ri.group, ri.resource).fromStorage?.(obj) ?? obj;
}

/** Stored objects carry no kind/apiVersion (as etcd's do not need them); responses add them. */
export function withTypeMeta(ri: ResourceInfo, obj: KObject): KObject {
  const { kind: _k, apiVersion: _a, ...rest } = obj;
  return { kind: ri.kind, apiVersion: groupVersion(ri), ...rest } as KObject;
}

function stripTypeMeta(obj: KObject): KObject {
  const { kind: _k, apiVersion: _a, ...rest } = obj;
  return rest as KObject;
}

function sameObject(a: KObject, b: KObject): boolean {
  return JSON.stringify(canonical(stripTypeMeta(a))) === JSON.stringify(canonical(stripTypeMeta(b)));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      if (k === "managedFields") continue;
      out[k] = canonical((v as Record<string, unknown>)[k]);
    }
    return out;
  }
  return v;
}

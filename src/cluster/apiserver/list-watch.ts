// Lists (consistent snapshots with limit/continue) and watches (replay then live, selectors,
// synthetic ADDED, DELETED for objects that stop matching), as upstream's cacher/etcd3 store
// and staging/src/k8s.io/apiserver/pkg/storage/selection_predicate.go.
import { FutureRevisionError } from "../store/errors";
import { ExpiredError, type Obj, type Store, type StoreEvent, type Watcher } from "../store/types";
import type { ResourceInfo } from "./resources";
import { groupVersion, storagePrefix } from "./resources";
import type { KObject } from "./registry/types";
import { strategyFor } from "./registry/strategies";
import { parseLabelSelector } from "./selectors/labels";
import { parseFieldSelector, checkFieldsSupported } from "./selectors/fields";
import { badRequest, CONTINUE_EXPIRED_MESSAGE, resourceExpired, tooLargeResourceVersion, tooOldResourceVersion, type StatusError } from "./status";
import { fromStorage, withTypeMeta } from "./generic-registry";

export interface SelectionOptions {
  labelSelector?: string;
  fieldSelector?: string;
}

/** How a stored object is shown to readers (GenericRegistry.present); default: its own form. */
export type Presenter = (ri: ResourceInfo, stored: KObject) => KObject;
const asStored: Presenter = (ri, o) => fromStorage(ri, o);

export interface ListOptions extends SelectionOptions {
  present?: Presenter;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
  resourceVersionMatch?: string;
}

export interface ListResult {
  items: KObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

/** A predicate on objects built from label and field selectors; throws 400 on bad syntax or unsupported fields. */
export function selectionPredicate(ri: ResourceInfo, opts: SelectionOptions): (o: KObject) => boolean {
  const labels = opts.labelSelector ? parseLabelSelector(opts.labelSelector) : undefined;
  const fields = opts.fieldSelector ? parseFieldSelector(opts.fieldSelector) : undefined;
  const s = strategyFor(ri.group, ri.resource);
  const fieldsOf = (o: KObject): Record<string, string> => {
    const f: Record<string, string> = { "metadata.name": o.metadata?.name ?? "" };
    if (ri.namespaced) f["metadata.namespace"] = o.metadata?.namespace ?? "";
    return { ...f, ...(s.fields?.(o) ?? {}) };
  };
  if (fields) checkFieldsSupported(fields, supportedFields(ri, fieldsOf), ri.resource);
  if (!labels && !fields) return () => true;
  return (o) => (!labels || labels(o.metadata?.labels)) && (!fields || fields.matches(fieldsOf(o)));
}

function supportedFields(ri: ResourceInfo, fieldsOf: (o: KObject) => Record<string, string>): string[] {
  const skeleton = { metadata: { name: "", namespace: "" }, spec: {}, status: {}, involvedObject: {}, source: {} } as KObject;
  try {
    return Object.keys(fieldsOf(skeleton));
  } catch {
    return ri.namespaced ? ["metadata.name", "metadata.namespace"] : ["metadata.name"];
  }
}

function namespacePrefix(ri: ResourceInfo, namespace?: string): string {
  return ri.namespaced && namespace ? `${storagePrefix(ri)}${namespace}/` : storagePrefix(ri);
}

interface ContinueToken { v: string; rv: number; start: string }

function encodeContinue(rv: number, start: string): string {
  return btoa(JSON.stringify({ v: "meta.k8s.io/v1", rv, start } satisfies ContinueToken));
}

function decodeContinue(token: string): ContinueToken {
  try {
    const t = JSON.parse(atob(token)) as ContinueToken;
    if (t.v !== "meta.k8s.io/v1" || typeof t.rv !== "number" || typeof t.start !== "string") throw new Error();
    return t;
  } catch {
    throw badRequest("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
  }
}

/** Where a list reads: the key prefix, and the revision and start key a continue token or resourceVersion names. */
function listPosition(ri: ResourceInfo, namespace: string | undefined, opts: ListOptions) {
  const prefix = namespacePrefix(ri, namespace);
  let revision: number | undefined;
  let startAfter: string | undefined;
  if (opts.continue) {
    const t = decodeContinue(opts.continue);
    revision = t.rv;
    startAfter = prefix + t.start;
  } else if (opts.resourceVersion && opts.resourceVersion !== "0" && opts.resourceVersionMatch === "Exact") {
    revision = parseRevision(opts.resourceVersion);
  }
  return { prefix, revision, startAfter, limit: opts.limit };
}

/** The store's answer as a list page (continue token, remaining count), its errors as Status errors. */
function readList<T>(ri: ResourceInfo, namespace: string | undefined, opts: ListOptions,
  read: (at: ReturnType<typeof listPosition>) => { items: T[]; revision: number; continueKey?: string; remainingItemCount?: number }) {
  const at = listPosition(ri, namespace, opts);
  try {
    const r = read(at);
    return {
      items: r.items, resourceVersion: String(r.revision),
      continue: r.continueKey ? encodeContinue(r.revision, r.continueKey.slice(at.prefix.length)) : undefined,
      remainingItemCount: r.continueKey && !opts.labelSelector && !opts.fieldSelector ? r.remainingItemCount : undefined,
    };
  } catch (e) {
    if (e instanceof ExpiredError) throw resourceExpired(opts.continue ? CONTINUE_EXPIRED_MESSAGE : `too old resource version: ${e.requested} (${e.compacted})`);
    if (e instanceof FutureRevisionError) throw tooLargeResourceVersion(e.requested, e.current);
    throw e;
  }
}

export function list(store: Store, ri: ResourceInfo, namespace: string | undefined, opts: ListOptions): ListResult {
  const predicate = selectionPredicate(ri, opts);
  const present = opts.present ?? asStored;
  const r = readList(ri, namespace, opts, (at) => store.list({ ...at, predicate: predicate as (o: Obj) => boolean }));
  return { ...r, items: r.items.map((v) => present(ri, v.object as KObject)) };
}

/** A list page whose items are JSON text, as stored (see listAsStored). */
export interface JsonList extends Omit<ListResult, "items"> { items: string[] }

/**
 * The list as the stored objects' JSON text, for a resource whose readers see objects as stored
 * (GenericRegistry.presentsAsStored), when no selector needs the objects parsed. Undefined
 * otherwise. Saves parsing and re-serialising every object of a large list (upstream's cacher
 * likewise serves lists from its already decoded objects instead of etcd's bytes).
 */
export function listAsStored(store: Store, ri: ResourceInfo, namespace: string | undefined, opts: ListOptions): JsonList | undefined {
  if (opts.labelSelector || opts.fieldSelector) return undefined;
  return readList(ri, namespace, opts, (at) => store.listJson(at));
}

export function parseRevision(rv: string): number {
  const n = Number(rv);
  if (!/^\d+$/.test(rv) || !Number.isSafeInteger(n)) throw badRequest(`invalid resource version "${rv}"`);
  return n;
}

export interface WatchEvent {
  type: "ADDED" | "MODIFIED" | "DELETED" | "BOOKMARK" | "ERROR";
  object: KObject;
}

export interface WatchOptions extends SelectionOptions {
  present?: Presenter;
  resourceVersion?: string;
}

/**
 * Starts a watch. resourceVersion "" or "0": synthetic ADDED events for the current state, then
 * changes. "N": every change after N. A compacted N gives one ERROR event (410 Expired).
 * Returns the watcher; `send` receives events in order, synchronously.
 */
export function watch(store: Store, ri: ResourceInfo, namespace: string | undefined, opts: WatchOptions,
  send: (e: WatchEvent) => void): Watcher {
  const predicate = selectionPredicate(ri, opts);
  const prefix = namespacePrefix(ri, namespace);
  const present = opts.present ?? asStored;
  const typed = (o: Obj) => withTypeMeta(ri, present(ri, o as KObject));
  let after: number;
  if (!opts.resourceVersion || opts.resourceVersion === "0") {
    const snapshot = store.list({ prefix, predicate: predicate as (o: Obj) => boolean });
    for (const v of snapshot.items) send({ type: "ADDED", object: typed(v.object) });
    after = snapshot.revision;
  } else {
    after = parseRevision(opts.resourceVersion);
  }
  const onEvent = (e: StoreEvent) => {
    const now = predicate(e.object as KObject);
    const before = e.prevObject ? predicate(e.prevObject as KObject) : false;
    if (e.type === "ADDED") { if (now) send({ type: "ADDED", object: typed(e.object) }); return; }
    if (e.type === "DELETED") { if (before) send({ type: "DELETED", object: typed(e.object) }); return; }
    if (now && before) send({ type: "MODIFIED", object: typed(e.object) });
    else if (now) send({ type: "ADDED", object: typed(e.object) });
    else if (before) send({ type: "DELETED", object: typed(e.object) });
  };
  try {
    return store.watch({ prefix, afterRevision: after }, onEvent);
  } catch (e) {
    if (e instanceof ExpiredError) {
      send({ type: "ERROR", object: (tooOldResourceVersion(e.requested, e.compacted) as StatusError).toStatus() as KObject });
      return { close() {} };
    }
    throw e;
  }
}

export function listKindOf(ri: ResourceInfo) {
  return { kind: ri.listKind, apiVersion: groupVersion(ri) };
}

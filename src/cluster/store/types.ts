// The revisioned store's contract (etcd's model): one revision counter per cluster, each key
// with create and mod revisions, an event log written in the same transaction as each change,
// and watches that replay the log from any retained revision and then go live.
// Everything is synchronous: a Durable Object's SQLite API is synchronous and single-threaded,
// so a write and the notification of its watchers happen in one turn, with no interleaving.

/** A JSON object as stored. The store sets `metadata.resourceVersion` on every object it returns. */
export type Obj = { metadata?: { resourceVersion?: string; [k: string]: unknown }; [k: string]: unknown };

export interface Versioned<T extends Obj = Obj> {
  key: string;
  createRevision: number;
  modRevision: number;
  object: T;
}

export type EventType = "ADDED" | "MODIFIED" | "DELETED";

export interface StoreEvent<T extends Obj = Obj> {
  revision: number;
  type: EventType;
  key: string;
  /** The object after the change (for DELETED: the object as it was when deleted, with resourceVersion = the deletion revision). */
  object: T;
  /** The object before the change (absent for ADDED). */
  prevObject?: T;
}

export interface ListOptions {
  /** Key prefix, e.g. "/registry/pods/default/" or "/registry/pods/". */
  prefix: string;
  /** Page size; 0 or absent = everything. */
  limit?: number;
  /** Continue after this key (exclusive); taken from a previous page's `continueKey`. */
  startAfter?: string;
  /** Read at this revision (a consistent snapshot); absent = current. Older than the compaction point → ExpiredError. */
  revision?: number;
  /** Only objects for which this returns true are returned and counted against `limit`. */
  predicate?: (obj: Obj) => boolean;
}

export interface ListResult {
  items: Versioned[];
  /** The revision the list was read at. */
  revision: number;
  /** Set when more matching items may follow: the last key returned. */
  continueKey?: string;
  /** How many more keys under the prefix follow (before predicate), when limited. */
  remainingItemCount?: number;
}

/** A list whose items are the objects' JSON text, each with its resourceVersion set. */
export interface JsonListResult extends Omit<ListResult, "items"> {
  items: string[];
}

export interface WatchOptions {
  prefix: string;
  /** Deliver every change with revision > afterRevision (replayed from the log, then live). */
  afterRevision: number;
}

export interface Watcher {
  /** Stop delivering events; idempotent. */
  close(): void;
}

export type WatchListener = (event: StoreEvent) => void;

/** Thrown by create when the key exists. */
export class KeyExistsError extends Error {
  constructor(readonly key: string) { super(`key exists: ${key}`); }
}
/** Thrown by update/delete when the key does not exist. */
export class KeyNotFoundError extends Error {
  constructor(readonly key: string) { super(`key not found: ${key}`); }
}
/** Thrown by update/delete when `expectedModRevision` does not match. */
export class RevisionConflictError extends Error {
  constructor(readonly key: string, readonly current: Versioned) { super(`revision conflict: ${key}`); }
}
/** Thrown when a read, list or watch asks for a revision older than the compaction point. */
export class ExpiredError extends Error {
  constructor(readonly requested: number, readonly compacted: number) { super(`required revision has been compacted: ${requested} < ${compacted}`); }
}

export interface Store {
  /** The current (latest committed) revision. */
  currentRevision(): number;
  /** Revisions at or below this one are compacted away (watch/list from them → ExpiredError). */
  compactedRevision(): number;

  get(key: string): Versioned | undefined;
  list(opts: ListOptions): ListResult;
  /** As list without a predicate, the objects as JSON text: for responses that pass them on unchanged. */
  listJson(opts: Omit<ListOptions, "predicate">): JsonListResult;
  count(prefix: string): number;

  /** Creates the key; throws KeyExistsError. The object is stored without metadata.resourceVersion. */
  create(key: string, object: Obj): Versioned;
  /** Replaces the key's object; throws KeyNotFoundError, or RevisionConflictError when expectedModRevision is given and differs. */
  update(key: string, object: Obj, expectedModRevision?: number): Versioned;
  /** Deletes the key; same errors as update. Returns the deleted object at the deletion revision. */
  delete(key: string, expectedModRevision?: number): Versioned;

  /** Runs fn in one SQLite transaction: all its writes commit together (each write still gets its own revision) or none do. */
  transaction<T>(fn: () => T): T;

  /** Starts a watch. Throws ExpiredError when afterRevision < compactedRevision(). */
  watch(opts: WatchOptions, listener: WatchListener): Watcher;
  /** Number of open watchers. */
  watcherCount(): number;

  /** Drops history at or below `revision` (keeps current objects). */
  compact(revision: number): void;
}

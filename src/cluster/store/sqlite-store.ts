// The revisioned store in a Durable Object's SQLite: etcd's MVCC model (one revision counter,
// create/mod revisions per key, an event log written in the same transaction as each change,
// compaction) as the Kubernetes apiserver sees it through k8s.io/apiserver/pkg/storage/etcd3.
// Mirrors etcd server/storage/mvcc/kvstore.go + watchable_store.go and etcd3/store.go.
import { ChangedKeysCache, type ChangedKey } from "./changed-keys";
import { decodeObject, encodeObject } from "./codec";
import { FutureRevisionError } from "./errors";
import { appendEvent, compactLog, readEvents, type LogRow } from "./history";
import { prefixRange, type KeyRange } from "./key-range";
import { listSnapshot, listSnapshotJson } from "./list";
import { EVENT_ADDED, EVENT_DELETED, EVENT_MODIFIED, KV_TABLE, ensureSchema, readCounters, writeCounter } from "./schema";
import { countCurrent, type KeyRow } from "./snapshot";
import {
  ExpiredError, KeyExistsError, KeyNotFoundError, RevisionConflictError,
  type JsonListResult, type ListOptions, type ListResult, type Obj, type Store, type Versioned, type Watcher, type WatchListener, type WatchOptions,
} from "./types";
import { WatchHub } from "./watch-hub";

export interface SqliteStoreOptions {
  /** Events kept in the log before automatic compaction drops the oldest (default 10000). */
  historyLimit?: number;
}

export const DEFAULT_HISTORY_LIMIT = 10_000;

export class SqliteStore implements Store {
  private readonly sql: SqlStorage;
  private readonly historyLimit: number;
  private readonly hub = new WatchHub();
  /** Latest revision, including writes of a transaction still open. */
  private revision: number;
  /** Latest committed revision: what watches may replay. */
  private committedRevision: number;
  private compacted: number;
  private depth = 0;
  /** Events of the open transaction, published when the outermost one commits. */
  private pending: LogRow[] = [];
  /** Changes whenever the stored data may have changed (each write, each rollback). */
  private generation = 0;
  private readonly changedKeys = new ChangedKeysCache();

  constructor(private readonly storage: DurableObjectStorage, options: SqliteStoreOptions = {}) {
    this.sql = storage.sql;
    this.historyLimit = Math.max(1, Math.floor(options.historyLimit ?? DEFAULT_HISTORY_LIMIT));
    ensureSchema(this.sql);
    const counters = readCounters(this.sql);
    this.revision = counters.revision;
    this.committedRevision = counters.revision;
    this.compacted = counters.compacted;
  }

  currentRevision(): number {
    return this.revision;
  }

  compactedRevision(): number {
    return this.compacted;
  }

  get(key: string): Versioned | undefined {
    const row = this.readRow(key);
    return row ? toVersioned(row) : undefined;
  }

  list(opts: ListOptions): ListResult {
    const { range, revision, changed } = this.snapshotAt(opts.prefix, opts.revision);
    return listSnapshot(this.sql, opts, range, revision, changed);
  }

  listJson(opts: Omit<ListOptions, "predicate">): JsonListResult {
    const { range, revision, changed } = this.snapshotAt(opts.prefix, opts.revision);
    return listSnapshotJson(this.sql, opts, range, revision, changed);
  }

  /** The prefix's range at the requested revision (current when absent) and the keys changed since. */
  private snapshotAt(prefix: string, requested: number | undefined): { range: KeyRange; revision: number; changed: ChangedKey[] | null } {
    const range = prefixRange(prefix);
    if (requested === undefined || requested <= 0 || requested === this.revision) return { range, revision: this.revision, changed: null };
    if (requested > this.revision) throw new FutureRevisionError(requested, this.revision);
    if (requested < this.compacted) throw new ExpiredError(requested, this.compacted);
    return { range, revision: requested, changed: this.changedKeys.get(this.sql, range, requested, this.generation) };
  }

  count(prefix: string): number {
    return countCurrent(this.sql, prefixRange(prefix));
  }

  create(key: string, object: Obj): Versioned {
    return this.transaction(() => {
      if (this.readRow(key)) throw new KeyExistsError(key);
      const revision = this.nextRevision();
      const value = encodeObject(object);
      this.sql.exec(
        `INSERT INTO ${KV_TABLE} (key, create_revision, mod_revision, value) VALUES (?, ?, ?, ?)`,
        key, revision, revision, value,
      );
      this.record({ revision, type: EVENT_ADDED, key, create_revision: revision, value, prev_mod_revision: null, prev_value: null });
      return toVersioned({ key, create_revision: revision, mod_revision: revision, value });
    });
  }

  update(key: string, object: Obj, expectedModRevision?: number): Versioned {
    return this.transaction(() => {
      const current = this.requireRow(key, expectedModRevision);
      const revision = this.nextRevision();
      const value = encodeObject(object);
      this.sql.exec(`UPDATE ${KV_TABLE} SET mod_revision = ?, value = ? WHERE key = ?`, revision, value, key);
      this.record({
        revision, type: EVENT_MODIFIED, key, create_revision: current.create_revision, value,
        prev_mod_revision: current.mod_revision, prev_value: current.value,
      });
      return toVersioned({ key, create_revision: current.create_revision, mod_revision: revision, value });
    });
  }

  delete(key: string, expectedModRevision?: number): Versioned {
    return this.transaction(() => {
      const current = this.requireRow(key, expectedModRevision);
      const revision = this.nextRevision();
      this.sql.exec(`DELETE FROM ${KV_TABLE} WHERE key = ?`, key);
      this.record({
        revision, type: EVENT_DELETED, key, create_revision: current.create_revision, value: null,
        prev_mod_revision: current.mod_revision, prev_value: current.value,
      });
      return toVersioned({ key, create_revision: current.create_revision, mod_revision: revision, value: current.value });
    });
  }

  transaction<T>(fn: () => T): T {
    const mark = { revision: this.revision, compacted: this.compacted, pending: this.pending.length };
    const outermost = this.depth === 0;
    this.depth++;
    let result: T;
    try {
      result = this.storage.transactionSync(() => {
        const value = fn();
        if (value instanceof Promise) throw new TypeError("store transaction functions must be synchronous");
        return value;
      });
    } catch (error) {
      this.generation++;
      this.revision = mark.revision;
      this.compacted = mark.compacted;
      this.pending.length = mark.pending;
      throw error;
    } finally {
      this.depth--;
    }
    if (outermost) {
      this.committedRevision = this.revision;
      const events = this.pending;
      this.pending = [];
      this.hub.publish(events);
    }
    return result;
  }

  watch(opts: WatchOptions, listener: WatchListener): Watcher {
    if (opts.afterRevision < this.compacted) throw new ExpiredError(opts.afterRevision, this.compacted);
    const replay = readEvents(this.sql, prefixRange(opts.prefix), opts.afterRevision, this.committedRevision);
    return this.hub.add(opts.prefix, Math.max(opts.afterRevision, this.committedRevision), replay, listener);
  }

  watcherCount(): number {
    return this.hub.count();
  }

  compact(revision: number): void {
    if (revision > this.revision) throw new FutureRevisionError(revision, this.revision);
    if (revision <= this.compacted) return;
    this.transaction(() => this.compactTo(revision));
  }

  private compactTo(revision: number): void {
    compactLog(this.sql, revision);
    this.compacted = revision;
    writeCounter(this.sql, "compacted", revision);
  }

  private nextRevision(): number {
    this.generation++;
    this.revision += 1;
    writeCounter(this.sql, "revision", this.revision);
    return this.revision;
  }

  /** Logs an event of the open transaction and keeps the log within historyLimit events. */
  private record(row: LogRow): void {
    appendEvent(this.sql, row);
    this.pending.push(row);
    if (row.revision - this.compacted > this.historyLimit) this.compactTo(row.revision - this.historyLimit);
  }

  private readRow(key: string): KeyRow | undefined {
    return this.sql.exec<KeyRow>(
      `SELECT key, create_revision, mod_revision, value FROM ${KV_TABLE} WHERE key = ?`, key,
    ).toArray()[0];
  }

  private requireRow(key: string, expectedModRevision: number | undefined): KeyRow {
    const row = this.readRow(key);
    if (!row) throw new KeyNotFoundError(key);
    if (expectedModRevision !== undefined && expectedModRevision !== row.mod_revision) {
      throw new RevisionConflictError(key, toVersioned(row));
    }
    return row;
  }
}

function toVersioned(row: KeyRow): Versioned {
  return {
    key: row.key,
    createRevision: row.create_revision,
    modRevision: row.mod_revision,
    object: decodeObject(row.value, row.mod_revision),
  };
}

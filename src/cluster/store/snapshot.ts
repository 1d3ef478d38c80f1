// Range reads of the store at the current revision or at an older one. An older snapshot is the
// current keyspace with every key changed after that revision rolled back to its state before
// its first later change (taken from the log's prev_value), the same answer etcd's MVCC range
// at a revision gives (server/storage/mvcc/kvstore_txn.go rangeKeys). Rows come lazily in key
// order so a list can be paged with "key > startAfter" at one revision and stop at its limit.
import { firstAfter, type ChangedKey } from "./changed-keys";
import { compareKeys, rangeCondition, type KeyRange } from "./key-range";
import { KV_TABLE, LOG_TABLE } from "./schema";

export interface KeyRow extends Record<string, SqlStorageValue> {
  key: string;
  create_revision: number;
  mod_revision: number;
  value: string;
}

/**
 * The range as SQL with a single lower bound, so SQLite seeks straight to the first key (with
 * both "key >= prefix" and "key > afterKey" it would scan from the prefix and filter).
 */
function keyConditions(range: KeyRange, afterKey: string | null): { clause: string; bindings: string[] } {
  if (afterKey === null || compareKeys(afterKey, range.start) < 0) return rangeCondition("key", range);
  if (range.end === null) return { clause: "key > ?", bindings: [afterKey] };
  return { clause: "key > ? AND key < ?", bindings: [afterKey, range.end] };
}

export class Snapshot {
  /**
   * `changed`: the keys of the range changed after the snapshot's revision (in key order), or
   * null to read the current keyspace.
   */
  constructor(
    private readonly sql: SqlStorage,
    private readonly range: KeyRange,
    private readonly startAfter: string | null,
    private readonly changed: ChangedKey[] | null,
  ) {}

  /** The snapshot's rows after startAfter in key order, read lazily `batch` current rows at a time. */
  *rows(batch: number): Generator<KeyRow> {
    const changed = this.changed;
    if (changed === null) {
      yield* this.currentRows(batch);
      return;
    }
    let next = firstAfter(changed, this.startAfter);
    for (const row of this.currentRows(batch)) {
      while (next < changed.length && compareKeys(changed[next]!.key, row.key) < 0) {
        const earlier = this.rolledBack(changed[next++]!);
        if (earlier) yield earlier;
      }
      if (next < changed.length && changed[next]!.key === row.key) {
        const before = this.rolledBack(changed[next++]!);
        if (before) yield before;
        continue;
      }
      yield row;
    }
    while (next < changed.length) {
      const later = this.rolledBack(changed[next++]!);
      if (later) yield later;
    }
  }

  /** Number of the snapshot's keys after `key`. */
  countAfter(key: string): number {
    const keys = keyConditions(this.range, key);
    let count = this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM ${KV_TABLE} WHERE ${keys.clause}`, ...keys.bindings).one().n;
    const changed = this.changed ?? [];
    for (let i = firstAfter(changed, key); i < changed.length; i++) {
      count += Number(changed[i]!.existed) - Number(changed[i]!.existsNow);
    }
    return count;
  }

  private *currentRows(batch: number): Generator<KeyRow> {
    let after = this.startAfter;
    for (;;) {
      const keys = keyConditions(this.range, after);
      const rows = this.sql.exec<KeyRow>(
        `SELECT key, create_revision, mod_revision, value FROM ${KV_TABLE} WHERE ${keys.clause} ORDER BY key LIMIT ?`,
        ...keys.bindings, batch,
      ).toArray();
      yield* rows;
      if (rows.length < batch) return;
      after = rows[rows.length - 1]!.key;
    }
  }

  /** The key's row at the snapshot's revision: the state before its first later change, if it existed. */
  private rolledBack(entry: ChangedKey): KeyRow | undefined {
    if (!entry.existed) return undefined;
    return this.sql.exec<KeyRow>(
      `SELECT key, create_revision, prev_mod_revision AS mod_revision, prev_value AS value FROM ${LOG_TABLE} WHERE revision = ?`,
      entry.first,
    ).one();
  }
}

/** Number of current keys in the range. */
export function countCurrent(sql: SqlStorage, range: KeyRange): number {
  const keys = keyConditions(range, null);
  return sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM ${KV_TABLE} WHERE ${keys.clause}`, ...keys.bindings).one().n;
}

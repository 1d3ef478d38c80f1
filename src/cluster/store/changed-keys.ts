// Which keys of a range changed after a revision, read from the log's narrow (key, revision,
// type) index without touching the logged objects: for each key its first later change (whose
// prev_value is the key's state at the revision) and whether it existed then and exists now.
// This is what turns the current keyspace into the snapshot at an older revision, the role of
// etcd's treeIndex (server/storage/mvcc/index.go) in a range at a revision.
import { compareKeys, rangeCondition, type KeyRange } from "./key-range";
import { EVENT_ADDED, EVENT_DELETED, LOG_TABLE } from "./schema";

export interface ChangedKey {
  key: string;
  /** Revision of the key's first change after the snapshot's revision. */
  first: number;
  /** The key existed at the snapshot's revision (its first later change was not a create). */
  existed: boolean;
  /** The key exists now (its last change was not a delete). */
  existsNow: boolean;
}

/** Keys of the range changed after `revision`, in key order. */
export function readChangedKeys(sql: SqlStorage, range: KeyRange, revision: number): ChangedKey[] {
  const keys = rangeCondition("key", range);
  const changed: ChangedKey[] = [];
  let current: ChangedKey | undefined;
  const cursor = sql.exec(
    `SELECT key, revision, type FROM ${LOG_TABLE} INDEXED BY ${LOG_TABLE}_changes
     WHERE ${keys.clause} AND revision > ? ORDER BY key, revision`,
    ...keys.bindings, revision,
  ).raw<[string, number, number]>();
  for (const [key, rev, type] of cursor) {
    if (current?.key !== key) {
      current = { key, first: rev, existed: type !== EVENT_ADDED, existsNow: true };
      changed.push(current);
    }
    current.existsNow = type !== EVENT_DELETED;
  }
  return changed;
}

/** Index of the first entry whose key sorts after `key` (entries are in key order). */
export function firstAfter(changed: ChangedKey[], key: string | null): number {
  if (key === null) return 0;
  let low = 0;
  let high = changed.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareKeys(changed[middle]!.key, key) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Remembers the last changed-key list per (range, revision) while the store does not change,
 * so the pages of one paginated list share it.
 */
export class ChangedKeysCache {
  private entry?: { start: string; end: string | null; revision: number; generation: number; changed: ChangedKey[] };

  get(sql: SqlStorage, range: KeyRange, revision: number, generation: number): ChangedKey[] {
    const e = this.entry;
    if (e && e.start === range.start && e.end === range.end && e.revision === revision && e.generation === generation) {
      return e.changed;
    }
    const changed = readChangedKeys(sql, range, revision);
    this.entry = { start: range.start, end: range.end, revision, generation, changed };
    return changed;
  }
}

// The store's event log (history): one row per revision, written in the same SQLite transaction
// as the change, replayed by watches and used to rebuild older snapshots; compaction drops a
// prefix of it. Mirrors etcd's server/storage/mvcc (watchable_store.go syncWatchers reading
// revisions from the backend, kvstore_compaction.go) and the apiserver's use of prevKV.
import { decodeObject } from "./codec";
import { rangeCondition, type KeyRange } from "./key-range";
import { EVENT_ADDED, EVENT_DELETED, EVENT_MODIFIED, LOG_TABLE } from "./schema";
import type { EventType, StoreEvent } from "./types";

/** One log row as stored (value is NULL for DELETED; prev_* are NULL for ADDED). */
export interface LogRow extends Record<string, SqlStorageValue> {
  revision: number;
  type: number;
  key: string;
  create_revision: number;
  value: string | null;
  prev_mod_revision: number | null;
  prev_value: string | null;
}

const TYPE_NAMES: Record<number, EventType> = {
  [EVENT_ADDED]: "ADDED",
  [EVENT_MODIFIED]: "MODIFIED",
  [EVENT_DELETED]: "DELETED",
};

export function appendEvent(sql: SqlStorage, row: LogRow): void {
  sql.exec(
    `INSERT INTO ${LOG_TABLE} (revision, type, key, create_revision, value, prev_mod_revision, prev_value)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
    row.revision, row.type, row.key, row.create_revision, row.value, row.prev_mod_revision, row.prev_value,
  );
}

/** Log rows with afterRevision < revision <= upToRevision under the key range, in revision order. */
export function readEvents(sql: SqlStorage, range: KeyRange, afterRevision: number, upToRevision: number): LogRow[] {
  const keys = rangeCondition("key", range);
  return sql.exec<LogRow>(
    `SELECT revision, type, key, create_revision, value, prev_mod_revision, prev_value FROM ${LOG_TABLE}
     WHERE revision > ? AND revision <= ? AND ${keys.clause} ORDER BY revision`,
    afterRevision, upToRevision, ...keys.bindings,
  ).toArray();
}

/** Drops log rows at or below revision. */
export function compactLog(sql: SqlStorage, revision: number): void {
  sql.exec(`DELETE FROM ${LOG_TABLE} WHERE revision <= ?`, revision);
}

/** Decodes a log row into a fresh StoreEvent (each call returns new objects). */
export function toStoreEvent(row: LogRow): StoreEvent {
  const type = TYPE_NAMES[row.type];
  if (type === undefined) throw new TypeError(`store log row ${row.revision} has unknown type ${row.type}`);
  const event: StoreEvent = { revision: row.revision, type, key: row.key, object: {} };
  if (row.prev_value !== null && row.prev_mod_revision !== null) {
    event.prevObject = decodeObject(row.prev_value, row.prev_mod_revision);
  }
  const current = type === "DELETED" ? row.prev_value : row.value;
  if (current === null) throw new TypeError(`store log row ${row.revision} has no object`);
  event.object = decodeObject(current, row.revision);
  return event;
}

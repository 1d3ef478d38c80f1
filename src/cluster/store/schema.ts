// SQLite schema of the revisioned store (etcd's model): the current keyspace, the event log and
// the persisted counters. Mirrors the roles of etcd's server/storage/mvcc/kvstore.go (current
// revision, compacted revision kept in the meta bucket) and its key index / revision buckets.
// All tables start with `store_`: other components share the Durable Object's database.

/** Current objects, one row per live key, ordered by key for range reads. */
export const KV_TABLE = "store_kv";
/** Event log: one row per revision (contiguous from compactedRevision+1 to currentRevision). */
export const LOG_TABLE = "store_log";
/** Persisted counters: `revision` and `compacted`. */
export const META_TABLE = "store_meta";

/** Event types as stored in the log. */
export const EVENT_ADDED = 0;
export const EVENT_MODIFIED = 1;
export const EVENT_DELETED = 2;

const DDL = [
  `CREATE TABLE IF NOT EXISTS ${KV_TABLE} (
     key TEXT PRIMARY KEY,
     create_revision INTEGER NOT NULL,
     mod_revision INTEGER NOT NULL,
     value TEXT NOT NULL
   ) WITHOUT ROWID`,
  // A narrow index of the keys alone: counts (remainingItemCount, count) walk it instead of
  // the table's rows, which carry the objects.
  `CREATE INDEX IF NOT EXISTS ${KV_TABLE}_keys ON ${KV_TABLE} (key)`,
  // value is NULL for DELETED (the deleted object is prev_value); prev_* are NULL for ADDED.
  `CREATE TABLE IF NOT EXISTS ${LOG_TABLE} (
     revision INTEGER PRIMARY KEY,
     type INTEGER NOT NULL,
     key TEXT NOT NULL,
     create_revision INTEGER NOT NULL,
     value TEXT,
     prev_mod_revision INTEGER,
     prev_value TEXT
   )`,
  // Which keys changed after a revision, per key range, without reading the logged objects.
  `CREATE INDEX IF NOT EXISTS ${LOG_TABLE}_changes ON ${LOG_TABLE} (key, revision, type)`,
  `CREATE TABLE IF NOT EXISTS ${META_TABLE} (
     name TEXT PRIMARY KEY,
     value INTEGER NOT NULL
   ) WITHOUT ROWID`,
  // etcd starts at revision 1 with an empty keyspace; nothing is compacted yet.
  `INSERT OR IGNORE INTO ${META_TABLE} (name, value) VALUES ('revision', 1), ('compacted', 0)`,
];

/** Creates the tables when missing; safe to run on every start. */
export function ensureSchema(sql: SqlStorage): void {
  for (const statement of DDL) sql.exec(statement);
}

export interface Counters {
  revision: number;
  compacted: number;
}

/** Reads the persisted revision counters. */
export function readCounters(sql: SqlStorage): Counters {
  const counters: Counters = { revision: 1, compacted: 0 };
  for (const row of sql.exec<{ name: string; value: number }>(`SELECT name, value FROM ${META_TABLE}`)) {
    if (row.name === "revision") counters.revision = row.value;
    if (row.name === "compacted") counters.compacted = row.value;
  }
  return counters;
}

export function writeCounter(sql: SqlStorage, name: keyof Counters, value: number): void {
  sql.exec(`UPDATE ${META_TABLE} SET value = ? WHERE name = ?`, value, name);
}

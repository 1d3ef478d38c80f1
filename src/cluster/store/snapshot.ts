// Range reads of the store at the current revision or at an older one. An older snapshot is the
// current keyspace with every key changed after that revision rolled back to its state before
// its first later change (taken from the log's prev_value), the same answer etcd's MVCC range
// at a revision gives (server/storage/mvcc/kvstore_txn.go rangeKeys). Both are ordered by key
// so a list can be paged with "key > startAfter" at one revision.
import { rangeCondition, type KeyRange } from "./key-range";
import { KV_TABLE, LOG_TABLE } from "./schema";

export interface KeyRow extends Record<string, SqlStorageValue> {
  key: string;
  create_revision: number;
  mod_revision: number;
  value: string;
}

/** Where to read: a key range, keys strictly after `afterKey` (null = from the start). */
export interface RangeQuery {
  range: KeyRange;
  afterKey: string | null;
}

/**
 * The range as SQL with a single lower bound, so SQLite seeks straight to the first key (with
 * both "key >= prefix" and "key > afterKey" it would scan from the prefix and filter).
 */
function keyConditions(column: string, query: RangeQuery): { clause: string; bindings: string[] } {
  const { afterKey, range } = query;
  if (afterKey === null || afterKey < range.start) return rangeCondition(column, range);
  if (range.end === null) return { clause: `${column} > ?`, bindings: [afterKey] };
  return { clause: `${column} > ? AND ${column} < ?`, bindings: [afterKey, range.end] };
}

/** Keys changed after `revision` in the range, each with the revision of its first later change. */
function changedKeysCte(query: RangeQuery, revision: number): { sql: string; bindings: unknown[] } {
  const keys = keyConditions("key", query);
  return {
    sql: `WITH changed AS (SELECT key, MIN(revision) AS first FROM ${LOG_TABLE}
            WHERE revision > ? AND ${keys.clause} GROUP BY key)`,
    bindings: [revision, ...keys.bindings],
  };
}

/**
 * Rows of the snapshot in key order, at most `limit` (null = all). `revision` null = current.
 * Historical reads merge the untouched current rows with the rolled-back changed keys.
 */
export function readRows(sql: SqlStorage, query: RangeQuery, revision: number | null, limit: number | null): KeyRow[] {
  const keys = keyConditions("key", query);
  const limitClause = limit === null ? "" : " LIMIT ?";
  const limitBindings = limit === null ? [] : [limit];
  if (revision === null) {
    return sql.exec<KeyRow>(
      `SELECT key, create_revision, mod_revision, value FROM ${KV_TABLE}
       WHERE ${keys.clause} ORDER BY key${limitClause}`,
      ...keys.bindings, ...limitBindings,
    ).toArray();
  }
  const changed = changedKeysCte(query, revision);
  return sql.exec<KeyRow>(
    `${changed.sql}
     SELECT key, create_revision, mod_revision, value FROM ${KV_TABLE}
       WHERE ${keys.clause} AND key NOT IN (SELECT key FROM changed)
     UNION ALL
     SELECT l.key, l.create_revision, l.prev_mod_revision, l.prev_value
       FROM changed c JOIN ${LOG_TABLE} l ON l.revision = c.first WHERE l.prev_value IS NOT NULL
     ORDER BY key${limitClause}`,
    ...changed.bindings, ...keys.bindings, ...limitBindings,
  ).toArray();
}

/** Number of keys of the snapshot in the query's range. */
export function countRows(sql: SqlStorage, query: RangeQuery, revision: number | null): number {
  const keys = keyConditions("key", query);
  const current = `SELECT COUNT(*) FROM ${KV_TABLE} WHERE ${keys.clause}`;
  if (revision === null) {
    return sql.exec<{ n: number }>(`SELECT (${current}) AS n`, ...keys.bindings).one().n;
  }
  const changed = changedKeysCte(query, revision);
  return sql.exec<{ n: number }>(
    `${changed.sql}
     SELECT (${current})
       - (SELECT COUNT(*) FROM changed c JOIN ${KV_TABLE} k ON k.key = c.key)
       + (SELECT COUNT(*) FROM changed c JOIN ${LOG_TABLE} l ON l.revision = c.first WHERE l.prev_value IS NOT NULL)
       AS n`,
    ...changed.bindings, ...keys.bindings,
  ).one().n;
}

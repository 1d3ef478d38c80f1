// Paginated, filtered list over a snapshot, as k8s.io/apiserver/pkg/storage/etcd3/store.go
// GetList: keys are read in order from startAfter in batches; the predicate filters before the
// limit counts, so a page is filled with matching items; when the page is full and another key
// follows, the continue key is the last key examined and remainingItemCount counts the keys
// after it (before any predicate). A list of JSON texts skips parsing for readers that only
// pass the stored objects on (an unfiltered JSON list response).
import type { ChangedKey } from "./changed-keys";
import { decodeObject, encodedWithResourceVersion } from "./codec";
import type { KeyRange } from "./key-range";
import { Snapshot, type KeyRow } from "./snapshot";
import type { JsonListResult, ListOptions, ListResult, Versioned } from "./types";

/** Rows read at a time when a predicate may reject rows, or when there is no limit. */
const BATCH = 256;

interface Page<T> { items: T[]; continueKey?: string; remainingItemCount?: number }

/** One page of the snapshot: `accept` turns a row into an item, or undefined when the predicate rejects it. */
function page<T>(sql: SqlStorage, opts: ListOptions, range: KeyRange, changed: ChangedKey[] | null,
  filtered: boolean, accept: (row: KeyRow) => T | undefined): Page<T> {
  const limit = opts.limit !== undefined && opts.limit > 0 ? Math.floor(opts.limit) : 0;
  const snapshot = new Snapshot(sql, range, opts.startAfter ?? null, changed);
  const batch = limit === 0 ? BATCH : filtered ? Math.max(limit + 1, BATCH) : limit + 1;
  const items: T[] = [];
  let lastKey: string | undefined;
  let hasMore = false;

  for (const row of snapshot.rows(batch)) {
    if (limit > 0 && items.length >= limit) {
      hasMore = true;
      break;
    }
    lastKey = row.key;
    const item = accept(row);
    if (item !== undefined) items.push(item);
  }
  if (!hasMore || lastKey === undefined) return { items };
  return { items, continueKey: lastKey, remainingItemCount: snapshot.countAfter(lastKey) };
}

/**
 * Lists the prefix's `range` at `revision`: `changed` null reads the current rows (revision is
 * then the current revision); otherwise the keys changed since are rolled back.
 */
export function listSnapshot(
  sql: SqlStorage, opts: ListOptions, range: KeyRange, revision: number, changed: ChangedKey[] | null,
): ListResult {
  const predicate = opts.predicate;
  const p = page(sql, opts, range, changed, !!predicate, (row): Versioned | undefined => {
    const object = decodeObject(row.value, row.mod_revision);
    if (predicate && !predicate(object)) return undefined;
    return { key: row.key, createRevision: row.create_revision, modRevision: row.mod_revision, object };
  });
  return { ...p, revision };
}

/** As listSnapshot without a predicate, each object as its JSON text (resourceVersion included). */
export function listSnapshotJson(
  sql: SqlStorage, opts: Omit<ListOptions, "predicate">, range: KeyRange, revision: number, changed: ChangedKey[] | null,
): JsonListResult {
  const p = page(sql, opts, range, changed, false, (row) => encodedWithResourceVersion(row.value, row.mod_revision));
  return { ...p, revision };
}

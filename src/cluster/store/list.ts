// Paginated, filtered list over a snapshot, as k8s.io/apiserver/pkg/storage/etcd3/store.go
// GetList: keys are read in order from startAfter in batches; the predicate filters before the
// limit counts, so a page is filled with matching items; when the page is full and another key
// follows, the continue key is the last key examined and remainingItemCount counts the keys
// after it (before any predicate).
import { decodeObject } from "./codec";
import { prefixRange } from "./key-range";
import { countRows, readRows } from "./snapshot";
import type { ListOptions, ListResult, Versioned } from "./types";

/** Smallest batch read when a predicate may reject rows. */
const MIN_BATCH = 128;

/**
 * Lists at `revision`; `historical` false reads the current rows directly (revision is then the
 * current revision), true rebuilds the snapshot from the log.
 */
export function listSnapshot(sql: SqlStorage, opts: ListOptions, revision: number, historical: boolean): ListResult {
  const range = prefixRange(opts.prefix);
  const at = historical ? revision : null;
  const limit = opts.limit !== undefined && opts.limit > 0 ? Math.floor(opts.limit) : 0;
  const predicate = opts.predicate;
  const items: Versioned[] = [];
  let lastKey: string | null = opts.startAfter ?? null;
  let hasMore = false;

  while (!hasMore) {
    const batch = limit === 0 ? null : predicate ? Math.max(limit + 1, MIN_BATCH) : limit + 1 - items.length;
    const rows = readRows(sql, { range, afterKey: lastKey }, at, batch);
    for (const row of rows) {
      if (limit > 0 && items.length >= limit) {
        hasMore = true;
        break;
      }
      lastKey = row.key;
      const object = decodeObject(row.value, row.mod_revision);
      if (predicate && !predicate(object)) continue;
      items.push({ key: row.key, createRevision: row.create_revision, modRevision: row.mod_revision, object });
    }
    if (batch === null || rows.length < batch) break;
  }

  const result: ListResult = { items, revision };
  if (hasMore && lastKey !== null) {
    result.continueKey = lastKey;
    result.remainingItemCount = countRows(sql, { range, afterKey: lastKey }, at);
  }
  return result;
}

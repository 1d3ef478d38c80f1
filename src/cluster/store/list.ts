// Paginated, filtered list over a snapshot, as k8s.io/apiserver/pkg/storage/etcd3/store.go
// GetList: keys are read in order from startAfter in batches; the predicate filters before the
// limit counts, so a page is filled with matching items; when the page is full and another key
// follows, the continue key is the last key examined and remainingItemCount counts the keys
// after it (before any predicate).
import type { ChangedKey } from "./changed-keys";
import { decodeObject } from "./codec";
import type { KeyRange } from "./key-range";
import { Snapshot } from "./snapshot";
import type { ListOptions, ListResult, Versioned } from "./types";

/** Rows read at a time when a predicate may reject rows, or when there is no limit. */
const BATCH = 256;

/**
 * Lists the prefix's `range` at `revision`: `changed` null reads the current rows (revision is
 * then the current revision); otherwise the keys changed since are rolled back.
 */
export function listSnapshot(
  sql: SqlStorage, opts: ListOptions, range: KeyRange, revision: number, changed: ChangedKey[] | null,
): ListResult {
  const limit = opts.limit !== undefined && opts.limit > 0 ? Math.floor(opts.limit) : 0;
  const predicate = opts.predicate;
  const snapshot = new Snapshot(sql, range, opts.startAfter ?? null, changed);
  const batch = limit === 0 ? BATCH : predicate ? Math.max(limit + 1, BATCH) : limit + 1;
  const items: Versioned[] = [];
  let lastKey: string | undefined;
  let hasMore = false;

  for (const row of snapshot.rows(batch)) {
    if (limit > 0 && items.length >= limit) {
      hasMore = true;
      break;
    }
    lastKey = row.key;
    const object = decodeObject(row.value, row.mod_revision);
    if (predicate && !predicate(object)) continue;
    items.push({ key: row.key, createRevision: row.create_revision, modRevision: row.mod_revision, object });
  }

  const result: ListResult = { items, revision };
  if (hasMore && lastKey !== undefined) {
    result.continueKey = lastKey;
    result.remainingItemCount = snapshot.countAfter(lastKey);
  }
  return result;
}

// Key ranges for prefix reads, as etcd's clientv3.GetPrefixRangeEnd: the range [prefix, end)
// where end is the prefix with its last character incremented. SQLite compares TEXT with
// memcmp on UTF-8, which orders storage keys (ASCII paths like /registry/pods/ns/name) as etcd does.

export interface KeyRange {
  /** Inclusive lower bound. */
  start: string;
  /** Exclusive upper bound; null = to the end of the keyspace. */
  end: string | null;
}

export function prefixRange(prefix: string): KeyRange {
  for (let i = prefix.length - 1; i >= 0; i--) {
    const code = prefix.charCodeAt(i);
    if (code < 0xffff) return { start: prefix, end: prefix.slice(0, i) + String.fromCharCode(code + 1) };
  }
  return { start: prefix, end: null };
}

/** SQL condition on `column` for the range, with its bindings. */
export function rangeCondition(column: string, range: KeyRange): { clause: string; bindings: string[] } {
  if (range.end === null) return { clause: `${column} >= ?`, bindings: [range.start] };
  return { clause: `${column} >= ? AND ${column} < ?`, bindings: [range.start, range.end] };
}

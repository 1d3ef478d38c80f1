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

/**
 * Orders keys as SQLite's BINARY collation does on UTF-8 text (by code point), so keys merged
 * in JavaScript keep the order of keys read from SQLite (plain `<` on UTF-16 differs for
 * characters above U+FFFF).
 */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

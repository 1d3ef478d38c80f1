// Keeps trace entries (request path and component steps) per object key and revision in the
// cluster's SQLite, for the creation-flow view; bounded like the store's history.
import type { TraceEntry, TraceSink } from "./apiserver/trace";

export class TraceStore implements TraceSink {
  constructor(private readonly sql: SqlStorage, private readonly limit = 20_000) {
    sql.exec(`CREATE TABLE IF NOT EXISTS trace_entries (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL, revision INTEGER NOT NULL, entry TEXT NOT NULL)`);
    sql.exec("CREATE INDEX IF NOT EXISTS trace_entries_key ON trace_entries (key, revision)");
  }

  record(key: string, revision: number, entries: TraceEntry[]): void {
    for (const e of entries) {
      this.sql.exec("INSERT INTO trace_entries (key, revision, entry) VALUES (?, ?, ?)", key, revision, JSON.stringify(e));
    }
    const last = this.sql.exec("SELECT MAX(seq) AS m FROM trace_entries").one().m as number | null;
    if (last && last % 1000 === 0) this.sql.exec("DELETE FROM trace_entries WHERE seq <= ?", last - this.limit);
  }

  /** Every entry of a key, oldest first, with the revision each belongs to. */
  forKey(key: string): (TraceEntry & { revision: number })[] {
    return this.sql.exec("SELECT revision, entry FROM trace_entries WHERE key = ? ORDER BY seq", key).toArray()
      .map((r) => ({ revision: Number(r.revision), ...(JSON.parse(String(r.entry)) as TraceEntry) }));
  }
}

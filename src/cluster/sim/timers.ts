// The timers table: all work due later in the cluster, as rows in the object's SQLite
// (`timers_queue`). The Durable Object keeps exactly one alarm, at `earliest()`; when it fires it
// takes `due(now)`, runs each, and `ack`s it. A timer is named by (kind, key): scheduling the
// same name again replaces it (or keeps the earlier due time with `keepEarlier`), so components
// can re-schedule freely and processing is idempotent. No upstream file: this replaces the
// goroutines and time.After calls of kubelet, controllers and the scheduler's backoff queue.

export interface Timer {
  id: number;
  dueAt: number;
  kind: string;
  key: string;
  payload: unknown;
}

export interface ScheduleOptions {
  /** If a timer with this name exists and is due earlier, keep it (the default replaces it). */
  keepEarlier?: boolean;
}

const TABLE = "timers_queue";

type Row = { id: number; due_at: number; kind: string; key: string; payload: string | null };

export class Timers {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        due_at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        payload TEXT,
        UNIQUE (kind, key)
      )`,
    );
    sql.exec(`CREATE INDEX IF NOT EXISTS ${TABLE}_due ON ${TABLE} (due_at, id)`);
  }

  /** Schedule (kind, key) at `dueAt`; returns the timer as stored. */
  schedule(kind: string, key: string, dueAt: number, payload?: unknown, opts: ScheduleOptions = {}): Timer {
    const existing = this.get(kind, key);
    if (existing && opts.keepEarlier && existing.dueAt <= dueAt) return existing;
    if (existing) this.sql.exec(`DELETE FROM ${TABLE} WHERE id = ?`, existing.id);
    const json = payload === undefined ? null : JSON.stringify(payload);
    const row = this.sql
      .exec<Row>(`INSERT INTO ${TABLE} (due_at, kind, key, payload) VALUES (?, ?, ?, ?) RETURNING *`, dueAt, kind, key, json)
      .one();
    return fromRow(row);
  }

  /** The timer named (kind, key), if scheduled. */
  get(kind: string, key: string): Timer | undefined {
    const rows = this.sql.exec<Row>(`SELECT * FROM ${TABLE} WHERE kind = ? AND key = ?`, kind, key).toArray();
    return rows.length ? fromRow(rows[0]!) : undefined;
  }

  /** Remove the timer named (kind, key); true if there was one. */
  cancel(kind: string, key: string): boolean {
    return this.sql.exec(`DELETE FROM ${TABLE} WHERE kind = ? AND key = ?`, kind, key).rowsWritten > 0;
  }

  /** Remove every timer of `kind` whose key starts with `keyPrefix` (e.g. all of one pod's). */
  cancelPrefix(kind: string, keyPrefix: string): number {
    const rows = this.sql
      .exec<Row>(`SELECT * FROM ${TABLE} WHERE kind = ?`, kind)
      .toArray()
      .filter((r) => r.key.startsWith(keyPrefix));
    for (const r of rows) this.sql.exec(`DELETE FROM ${TABLE} WHERE id = ?`, r.id);
    return rows.length;
  }

  /** Timers due at or before `now`, earliest first (ties in scheduling order); at most `limit`. */
  due(now: number, limit = 1000): Timer[] {
    return this.sql
      .exec<Row>(`SELECT * FROM ${TABLE} WHERE due_at <= ? ORDER BY due_at, id LIMIT ?`, now, limit)
      .toArray()
      .map(fromRow);
  }

  /**
   * Mark a taken timer done. Deletes it only if it is still the same row: a timer re-scheduled
   * while it was being processed (new id) survives, so processing twice or racing is harmless.
   */
  ack(timer: Timer): boolean {
    return this.sql.exec(`DELETE FROM ${TABLE} WHERE id = ?`, timer.id).rowsWritten > 0;
  }

  /** The earliest due time, or undefined when nothing is scheduled (then no alarm is needed). */
  earliest(): number | undefined {
    const rows = this.sql.exec<{ due_at: number }>(`SELECT due_at FROM ${TABLE} ORDER BY due_at LIMIT 1`).toArray();
    return rows.length ? rows[0]!.due_at : undefined;
  }

  /** Number of scheduled timers (of one kind, if given). */
  count(kind?: string): number {
    const q = kind === undefined
      ? this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM ${TABLE}`)
      : this.sql.exec<{ n: number }>(`SELECT COUNT(*) AS n FROM ${TABLE} WHERE kind = ?`, kind);
    return q.one().n;
  }
}

function fromRow(r: Row): Timer {
  return { id: r.id, dueAt: r.due_at, kind: r.kind, key: r.key, payload: r.payload === null ? undefined : JSON.parse(r.payload) };
}

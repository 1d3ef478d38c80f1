// Forking a cluster: the source exports its SQLite tables (all but its credentials and its own
// expiry) as a stream of JSON lines, read in one synchronous pass so the copy is exactly one
// revision; a new, empty cluster object imports the stream table by table and then restarts so
// that every component loads the copied state. No upstream file: etcd's snapshot save/restore
// plays this role for a real control plane.
import { ClusterMeta, type ClusterRecord } from "./meta";

/** Tables that belong to one cluster object and are never copied. */
// A fork is a fresh cluster: no credentials, expiry or terminal sessions (scroll-back) of the source.
const NOT_COPIED = new Set(["credentials", "limits_expiry", "terminal_sessions", "terminal_scrollback"]);
const SECRETS_PREFIX = "/registry/secrets/";
/** Rows per line of the export stream. */
const BATCH_ROWS = 200;

export interface ExportOptions {
  /** Drop Secrets' data and stringData (a fork through a read-only share link). */
  redactSecrets: boolean;
}

type Line =
  | { table: string; ddl: string; indexes: string[] }
  | { table: string; columns: string[]; rows: unknown[][] };

const copied = (name: string) => !NOT_COPIED.has(name) && !name.startsWith("sqlite_") && !name.startsWith("_cf_");
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function cell(v: unknown): unknown {
  if (!(v instanceof ArrayBuffer)) return v;
  let s = "";
  for (const b of new Uint8Array(v)) s += String.fromCharCode(b);
  return { $bytes: btoa(s) };
}

function uncell(v: unknown): SqlStorageValue {
  if (v && typeof v === "object" && "$bytes" in v) {
    return Uint8Array.from(atob(String((v as { $bytes: string }).$bytes)), (c) => c.charCodeAt(0)).buffer;
  }
  return v as SqlStorageValue;
}

function redactSecret(json: unknown): unknown {
  if (typeof json !== "string") return json;
  const o = JSON.parse(json) as Record<string, unknown>;
  delete o.data;
  delete o.stringData;
  return JSON.stringify(o);
}

/** Redacts the object columns of store rows whose key is a Secret's. */
function redactRow(columns: string[], row: unknown[]): unknown[] {
  const k = columns.indexOf("key");
  if (k < 0 || typeof row[k] !== "string" || !(row[k] as string).startsWith(SECRETS_PREFIX)) return row;
  return row.map((v, i) => (columns[i] === "value" || columns[i] === "prev_value" ? redactSecret(v) : v));
}

/** Reads every copied table now (one consistent revision) and streams it as JSON lines. */
export function exportTables(sql: SqlStorage, opts: ExportOptions): ReadableStream<Uint8Array> {
  const lines: string[] = [];
  const tables = sql.exec<{ name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name").toArray()
    .filter((t) => copied(t.name));
  for (const t of tables) {
    const indexes = sql.exec<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL", t.name)
      .toArray().map((r) => r.sql);
    lines.push(JSON.stringify({ table: t.name, ddl: t.sql, indexes } satisfies Line));
    const cursor = sql.exec(`SELECT * FROM ${quote(t.name)}`);
    const columns = cursor.columnNames;
    let rows: unknown[][] = [];
    for (const raw of cursor.raw()) {
      const row = raw.map(cell);
      rows.push(opts.redactSecrets ? redactRow(columns, row) : row);
      if (rows.length === BATCH_ROWS) {
        lines.push(JSON.stringify({ table: t.name, columns, rows } satisfies Line));
        rows = [];
      }
    }
    if (rows.length) lines.push(JSON.stringify({ table: t.name, columns, rows } satisfies Line));
  }
  const encoder = new TextEncoder();
  let i = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < lines.length) controller.enqueue(encoder.encode(lines[i++] + "\n"));
      else controller.close();
    },
  });
}

async function* readLines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buf = "";
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buf += decoder.decode(value, { stream: true });
    let nl: number;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (line) yield line;
    }
  }
  buf += decoder.decode();
  if (buf) yield buf;
}

export interface ImportResult { tables: number; rows: number }

/**
 * Replaces this (new, never initialised) cluster's tables with an export's and records the new
 * cluster's identity. The caller must then restart the object (`ctx.abort`) so that components
 * built before the import reload their state.
 */
export async function importTables(storage: DurableObjectStorage, body: ReadableStream<Uint8Array>, record: ClusterRecord): Promise<ImportResult> {
  const sql = storage.sql;
  const meta = new ClusterMeta(sql);
  if (meta.get()) throw new Error("cluster already initialised: a fork is imported into a new cluster only");
  const result: ImportResult = { tables: 0, rows: 0 };
  for await (const text of readLines(body)) {
    const line = JSON.parse(text) as Line;
    if (!copied(line.table)) continue;
    storage.transactionSync(() => {
      if ("ddl" in line) {
        result.tables++;
        const exists = sql.exec("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", line.table).toArray().length > 0;
        if (exists) sql.exec(`DELETE FROM ${quote(line.table)}`);
        else sql.exec(line.ddl);
        for (const ddl of line.indexes) sql.exec(ddl.replace(/^CREATE (UNIQUE )?INDEX (IF NOT EXISTS )?/i, "CREATE $1INDEX IF NOT EXISTS "));
        return;
      }
      const insert = `INSERT INTO ${quote(line.table)} (${line.columns.map(quote).join(", ")}) VALUES (${line.columns.map(() => "?").join(", ")})`;
      for (const row of line.rows) sql.exec(insert, ...row.map(uncell));
      result.rows += line.rows.length;
    });
  }
  meta.set(record);
  await storage.sync(); // durable before the caller restarts the object
  return result;
}

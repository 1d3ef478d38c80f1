// Container logs as the CRI keeps them: every write of a container's stdout/stderr with the
// virtual time it happened, in the object's SQLite (table kubelet_logs), so `kubectl logs` never
// replays a program and a Durable Object restart loses nothing. Rotation follows the kubelet's
// container log manager (containerLogMaxSize 10 MiB): once a container's current file passes the
// limit it is rotated away, and `kubectl logs` reads only the current file, as upstream.
// Upstream: pkg/kubelet/logs/container_log_manager.go, pkg/kubelet/kuberuntime/logs/logs.go.

export interface LogLine { at: number; stream: "stdout" | "stderr"; text: string }

/** containerLogMaxSize's default. */
export const MAX_LOG_BYTES = 10 * 1024 * 1024;

type Chunk = { at: number; stream: "stdout" | "stderr"; data: string };

export class LogTable {
  private readonly bytes = new Map<string, number>();

  constructor(private readonly sql: SqlStorage, private readonly maxBytes = MAX_LOG_BYTES) {
    sql.exec(`CREATE TABLE IF NOT EXISTS kubelet_logs (id INTEGER PRIMARY KEY AUTOINCREMENT, cid TEXT NOT NULL, at INTEGER NOT NULL, stream TEXT NOT NULL, data TEXT NOT NULL)`);
    sql.exec(`CREATE INDEX IF NOT EXISTS kubelet_logs_cid ON kubelet_logs (cid, id)`);
  }

  private size(cid: string): number {
    let n = this.bytes.get(cid);
    if (n === undefined) {
      n = this.sql.exec<{ n: number | null }>(`SELECT SUM(LENGTH(data)) AS n FROM kubelet_logs WHERE cid = ?`, cid).one().n ?? 0;
      this.bytes.set(cid, n);
    }
    return n;
  }

  append(cid: string, stream: "stdout" | "stderr", data: string, at: number): void {
    if (data === "") return;
    let size = this.size(cid);
    if (size + data.length > this.maxBytes) {
      // Rotation: the current file is renamed away; the new one starts with this write.
      this.sql.exec(`DELETE FROM kubelet_logs WHERE cid = ?`, cid);
      size = 0;
    }
    this.sql.exec(`INSERT INTO kubelet_logs (cid, at, stream, data) VALUES (?, ?, ?, ?)`, cid, at, stream, data);
    this.bytes.set(cid, size + data.length);
  }

  /** The current file as lines; a line carries the time of the write that began it. */
  lines(cid: string, untilMs = Infinity): LogLine[] {
    const rows = this.sql.exec<Chunk>(`SELECT at, stream, data FROM kubelet_logs WHERE cid = ? ORDER BY at, id`, cid).toArray();
    const out: LogLine[] = [];
    const open: Partial<Record<"stdout" | "stderr", LogLine>> = {};
    for (const r of rows) {
      if (r.at > untilMs) break;
      const parts = r.data.split("\n");
      for (let i = 0; i < parts.length; i++) {
        const piece = parts[i]! + (i < parts.length - 1 ? "\n" : "");
        if (piece === "") continue;
        const cur = open[r.stream];
        if (cur) cur.text += piece;
        else { const l = { at: r.at, stream: r.stream, text: piece }; out.push(l); open[r.stream] = l; }
        if (piece.endsWith("\n")) open[r.stream] = undefined;
      }
    }
    return out;
  }

  remove(cid: string): void {
    this.sql.exec(`DELETE FROM kubelet_logs WHERE cid = ?`, cid);
    this.bytes.delete(cid);
  }
}

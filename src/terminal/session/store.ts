// Where a terminal session lives between keystrokes: its state (line being edited, history,
// variables, aliases, working directory) and its scroll-back, in the cluster object's SQLite
// (tables terminal_sessions and terminal_scrollback), so a reconnect or an object restart finds
// the session as it was. No upstream file.
import type { EditorState } from "../line/editor";

export interface SessionState {
  /** The credential the session belongs to: another token never attaches to it. */
  credential: string;
  editor: EditorState;
  history: string[];
  /** Shell variables: name, value, exported. */
  vars: [string, string, boolean][];
  aliases: Record<string, string>;
  cwd: string;
  /** kubectl's current namespace (`kubectl config set-context --current --namespace`). */
  namespace: string;
  /** Lines of a command still incomplete (a heredoc being typed). */
  pending: string;
  /** The command running when the state was saved (an object restart ends it). */
  running?: string;
  /** Files the user wrote in the home directory and /tmp. */
  files: Record<string, string>;
  cols: number;
  rows: number;
  /** The host the shell is logged in to after `ssh` (absent: the control-plane host). */
  host?: string;
  /** The shells `ssh` left waiting, innermost last: their host and working directory. */
  outer?: { host: string; cwd: string }[];
}

/** Scroll-back kept per session (characters); older output is dropped first. */
export const SCROLLBACK_LIMIT = 256 * 1024;
/** History entries kept, as bash's HISTSIZE. */
export const HISTORY_LIMIT = 1000;

export class SessionStore {
  private readonly sizes = new Map<string, number>();

  constructor(private readonly sql: SqlStorage) {
    sql.exec(`CREATE TABLE IF NOT EXISTS terminal_sessions (
      key TEXT PRIMARY KEY, credential TEXT NOT NULL, state TEXT NOT NULL, updated_at INTEGER NOT NULL)`);
    sql.exec(`CREATE TABLE IF NOT EXISTS terminal_scrollback (
      key TEXT NOT NULL, seq INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (key, seq))`);
  }

  load(key: string): SessionState | undefined {
    const row = this.sql.exec("SELECT state FROM terminal_sessions WHERE key = ?", key).toArray()[0];
    return row ? (JSON.parse(String(row.state)) as SessionState) : undefined;
  }

  save(key: string, state: SessionState): void {
    this.sql.exec(
      "INSERT INTO terminal_sessions (key, credential, state, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at",
      key, state.credential, JSON.stringify(state), Date.now());
  }

  /** Everything the session printed that is still kept, oldest first. */
  scrollback(key: string): string {
    return this.sql.exec("SELECT data FROM terminal_scrollback WHERE key = ? ORDER BY seq", key).toArray().map((r) => String(r.data)).join("");
  }

  append(key: string, data: string): void {
    if (!data) return;
    const next = this.sql.exec("SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM terminal_scrollback WHERE key = ?", key).one().n as number;
    this.sql.exec("INSERT INTO terminal_scrollback (key, seq, data) VALUES (?, ?, ?)", key, next, data);
    const size = (this.sizes.get(key) ?? this.size(key) - data.length) + data.length;
    this.sizes.set(key, size);
    if (size > SCROLLBACK_LIMIT) this.trim(key);
  }

  private size(key: string): number {
    return Number(this.sql.exec("SELECT COALESCE(SUM(LENGTH(data)), 0) AS n FROM terminal_scrollback WHERE key = ?", key).one().n);
  }

  /** Drop the oldest chunks until the kept output is under three quarters of the limit. */
  private trim(key: string): void {
    const rows = this.sql.exec("SELECT seq, LENGTH(data) AS n FROM terminal_scrollback WHERE key = ? ORDER BY seq DESC", key).toArray();
    let kept = 0;
    let cut: number | undefined;
    for (const r of rows) {
      kept += Number(r.n);
      if (kept > (SCROLLBACK_LIMIT * 3) / 4) { cut = Number(r.seq); kept -= Number(r.n); break; }
    }
    if (cut !== undefined) this.sql.exec("DELETE FROM terminal_scrollback WHERE key = ? AND seq <= ?", key, cut);
    this.sizes.set(key, kept);
  }

  /** Forget a session (its state and scroll-back). */
  remove(key: string): void {
    this.sql.exec("DELETE FROM terminal_sessions WHERE key = ?", key);
    this.sql.exec("DELETE FROM terminal_scrollback WHERE key = ?", key);
    this.sizes.delete(key);
  }
}

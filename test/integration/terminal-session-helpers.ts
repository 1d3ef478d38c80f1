// Helpers of the terminal session tests: a WebSocket client of /clusters/<id>/terminal through the
// Worker, and a small screen model (the subset of xterm the session emits: printable text, CR,
// LF, BS, cursor moves, erase in line/display, the alternate screen) so tests read what a person
// would see on the screen, not escape sequences.
import { SELF } from "cloudflare:test";

export const ORIGIN = "https://podlab.test";

export class Screen {
  private main: string[][] = [[]];
  private alt: string[][] = [[]];
  private useAlt = false;
  row = 0;
  col = 0;
  private saved = { row: 0, col: 0 };
  private pendingWrap = false;

  constructor(readonly cols = 80) {}

  private get lines(): string[][] { return this.useAlt ? this.alt : this.main; }
  private line(r: number): string[] {
    while (this.lines.length <= r) this.lines.push([]);
    return this.lines[r]!;
  }

  write(data: string): void {
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (ch === "\x1b") { i = this.escape(data, i); continue; }
      if (ch === "\r") { this.col = 0; this.pendingWrap = false; }
      else if (ch === "\n") { this.row++; this.pendingWrap = false; }
      else if (ch === "\b") { this.col = Math.max(0, this.col - 1); this.pendingWrap = false; }
      else if (ch === "\x07") continue;
      else {
        if (this.pendingWrap) { this.row++; this.col = 0; this.pendingWrap = false; }
        const l = this.line(this.row);
        while (l.length < this.col) l.push(" ");
        l[this.col] = ch;
        if (this.col === this.cols - 1) this.pendingWrap = true;
        else this.col++;
      }
    }
  }

  private escape(data: string, i: number): number {
    if (data[i + 1] !== "[") return i + 1;
    let j = i + 2;
    while (j < data.length && !/[@-~]/.test(data[j]!)) j++;
    const params = data.slice(i + 2, j);
    const n = Number(params) || 1;
    this.pendingWrap = false;
    switch (data[j]) {
      case "A": this.row = Math.max(0, this.row - n); break;
      case "B": this.row += n; break;
      case "C": this.col = Math.min(this.cols - 1, this.col + n); break;
      case "D": this.col = Math.max(0, this.col - n); break;
      case "H": this.row = 0; this.col = 0; break;
      case "K": this.line(this.row).length = Math.min(this.line(this.row).length, this.col); break;
      case "J":
        if (params === "2" || params === "3") { this.lines.splice(0); this.lines.push([]); }
        else { this.line(this.row).length = Math.min(this.line(this.row).length, this.col); this.lines.length = this.row + 1; }
        break;
      case "h": if (params === "?1049") { this.saved = { row: this.row, col: this.col }; this.useAlt = true; this.alt = [[]]; } break;
      case "l": if (params === "?1049") { this.useAlt = false; this.row = this.saved.row; this.col = this.saved.col; } break;
    }
    return j;
  }

  /** The screen's text, lines without trailing spaces. */
  text(): string {
    return this.lines.map((l) => l.join("").replace(/\s+$/, "")).join("\n").replace(/\n+$/, "");
  }

  /** The line the cursor is on. */
  cursorLine(): string {
    return this.line(this.row).join("").replace(/\s+$/, "");
  }

  get alternate(): boolean { return this.useAlt; }
}

export interface Term {
  screen: Screen;
  raw: string;
  role?: string;
  closed?: { code: number };
  send(data: string): void;
  resize(cols: number, rows: number): void;
  /** Wait until the screen text matches. */
  waitFor(match: string | RegExp, timeoutMs?: number): Promise<string>;
  close(): void;
}

export function sessionId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}

export async function openTerminal(clusterId: string, token: string, opts: { session?: string; cols?: number; rows?: number } = {}): Promise<Term> {
  const res = await SELF.fetch(`${ORIGIN}/clusters/${clusterId}/terminal`, { headers: { upgrade: "websocket" } });
  const ws = res.webSocket;
  if (!ws) throw new Error(`no WebSocket: ${res.status} ${await res.text()}`);
  ws.accept();
  const cols = opts.cols ?? 80;
  const term: Term = {
    screen: new Screen(cols), raw: "",
    send: (data) => ws.send(JSON.stringify({ type: "input", data })),
    resize: (c, r) => ws.send(JSON.stringify({ type: "resize", cols: c, rows: r })),
    async waitFor(match, timeoutMs = 3000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const text = term.screen.text();
        if (typeof match === "string" ? text.includes(match) : match.test(text)) return text;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(match)}; screen:\n${text}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    close: () => ws.close(1000, "done"),
  };
  ws.addEventListener("message", (e) => {
    const m = JSON.parse(String(e.data)) as { type: string; data?: string; replay?: string; role?: string };
    const data = m.type === "ready" ? m.replay : m.data;
    if (m.type === "ready") term.role = m.role;
    if (data) { term.raw += data; term.screen.write(data); }
  });
  ws.addEventListener("close", (e) => { term.closed = { code: e.code }; });
  ws.send(JSON.stringify({ type: "auth", token, session: opts.session ?? sessionId(), cols, rows: opts.rows ?? 24 }));
  return term;
}

export async function newClusterWithToken(): Promise<{ id: string; token: string; accountToken: string }> {
  const a = await SELF.fetch(`${ORIGIN}/v1/accounts`, { method: "POST", body: "{}" });
  const account = (await a.json()) as { token: string };
  const c = await SELF.fetch(`${ORIGIN}/v1/clusters`, { method: "POST", body: "{}", headers: { authorization: `Bearer ${account.token}` } });
  const cluster = (await c.json()) as { id: string; token: string };
  return { id: cluster.id, token: cluster.token, accountToken: account.token };
}

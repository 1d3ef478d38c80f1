// The cluster object's side of the web terminal: WebSockets accepted with the Hibernation API
// (the object sleeps between keystrokes), authenticated by the first message (a browser cannot
// set an Authorization header on a WebSocket, and a token in the URL would reach logs), then
// bound to a session kept in SQLite. What a socket needs after the object wakes up (its session
// key, token and server URL) is in its attachment. Protocol (JSON text frames):
//   client → server  {type:"auth", token, session, cols?, rows?} | {type:"input", data} | {type:"resize", cols, rows}
//   server → client  {type:"ready", role, replay} | {type:"output", data} | {type:"error", message}
// Mirrors partyserver's connection handling on Durable Objects. No upstream file.
import type { Credential } from "../cluster/credentials";
import { SessionStore } from "./session/store";
import { TerminalSession } from "./session/session";
import { clusterTransport } from "./session/transport";

export interface HubDeps {
  verify(token: string): Promise<Credential | undefined>;
  /** The object's request handler, as kubectl's requests reach it. */
  fetch(req: Request): Promise<Response>;
  /** Virtual time (ms). */
  now(): number;
  /** Real ms for `ms` of virtual time. */
  realDelay(ms: number): number;
  cluster(): { id: string; name: string } | undefined;
}

interface Attachment {
  origin: string;
  key?: string;
  token?: string;
  credential?: string;
  role?: string;
}

/** 4001: the first message did not authenticate; the page asks for a new link. */
export const CLOSE_UNAUTHORIZED = 4001;
const SESSION_ID = /^[A-Za-z0-9_-]{8,64}$/;
const MAX_MESSAGE = 64 * 1024;

export class TerminalHub {
  private readonly sessions = new Map<string, TerminalSession>();
  private store_?: SessionStore;

  constructor(private readonly ctx: DurableObjectState, private readonly deps: HubDeps) {}

  private get store(): SessionStore {
    return (this.store_ ??= new SessionStore(this.ctx.storage.sql));
  }

  /** `GET /clusters/<id>/terminal` with `Upgrade: websocket`. */
  upgrade(req: Request): Response {
    if (req.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return new Response("expected a WebSocket upgrade\n", { status: 426, headers: { upgrade: "websocket" } });
    }
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    server.serializeAttachment({ origin: new URL(req.url).origin } satisfies Attachment);
    return new Response(null, { status: 101, webSocket: client });
  }

  async message(ws: WebSocket, raw: string | ArrayBuffer): Promise<void> {
    const text = typeof raw === "string" ? raw : new TextDecoder().decode(raw);
    if (text.length > MAX_MESSAGE) return ws.close(1009, "message too large");
    let m: Record<string, unknown>;
    try { m = JSON.parse(text) as Record<string, unknown>; } catch { return ws.close(1003, "expected JSON"); }
    const att = ws.deserializeAttachment() as Attachment;
    if (!att.key) return this.authenticate(ws, att, m);
    const session = this.session(att);
    if (!session) return ws.close(CLOSE_UNAUTHORIZED, "unauthorized");
    if (m.type === "input" && typeof m.data === "string") await session.input(m.data);
    else if (m.type === "resize") session.resize(Number(m.cols) || 80, Number(m.rows) || 24);
  }

  close(ws: WebSocket): void {
    const att = ws.deserializeAttachment() as Attachment | null;
    try { ws.close(1000, "bye"); } catch { /* already closed */ }
    if (!att?.key) return;
    const others = this.sockets(att.key).filter((s) => s !== ws);
    const session = this.sessions.get(att.key);
    if (!others.length && session && !session.running) this.sessions.delete(att.key);
  }

  private async authenticate(ws: WebSocket, att: Attachment, m: Record<string, unknown>): Promise<void> {
    const token = typeof m.token === "string" ? m.token : "";
    const sid = typeof m.session === "string" ? m.session : "";
    const cred = m.type === "auth" && SESSION_ID.test(sid) && this.deps.cluster() ? await this.deps.verify(token) : undefined;
    if (!cred) {
      ws.send(JSON.stringify({ type: "error", message: "Unauthorized" }));
      return ws.close(CLOSE_UNAUTHORIZED, "unauthorized");
    }
    const full: Attachment = { ...att, key: `${cred.id}:${sid}`, token, credential: cred.id, role: cred.role };
    const session = this.session(full)!;
    if (m.cols !== undefined) session.resize(Number(m.cols) || 80, Number(m.rows) || 24);
    const replay = session.attach();
    ws.serializeAttachment(full);
    ws.send(JSON.stringify({ type: "ready", role: cred.role, replay }));
  }

  private session(att: Attachment): TerminalSession | undefined {
    const key = att.key!;
    const have = this.sessions.get(key);
    if (have) return have;
    const cluster = this.deps.cluster();
    if (!cluster || !att.token || !att.credential) return undefined;
    const server = `${att.origin}/clusters/${cluster.id}`;
    const user = att.role === "viewer" ? `${cluster.name}-viewer` : `${cluster.name}-admin`;
    const session = new TerminalSession({
      key, credential: att.credential, store: this.store,
      emit: (data) => this.emit(key, data),
      transport: clusterTransport({ server, token: att.token, fetch: (r) => this.deps.fetch(r) }),
      kube: { server, clusterName: cluster.name, contextName: cluster.name, userName: user },
      now: () => this.deps.now(),
      realDelay: (ms) => this.deps.realDelay(ms),
    });
    this.sessions.set(key, session);
    return session;
  }

  private sockets(key: string): WebSocket[] {
    return this.ctx.getWebSockets().filter((ws) => (ws.deserializeAttachment() as Attachment | null)?.key === key);
  }

  private emit(key: string, data: string): void {
    const frame = JSON.stringify({ type: "output", data });
    for (const ws of this.sockets(key)) {
      try { ws.send(frame); } catch { /* closing */ }
    }
  }
}

// `kubectl attach` (and `kubectl debug -it`) to a container started with `stdin: true`: the
// client's stdin goes to the container's PID 1 (journaled by the runtime, so it replays after a
// restart) and what PID 1 writes from then on comes back on channel 1 (2 without a TTY). Like a
// real attach, output written before the client arrived is not repeated ("If you don't see a
// command prompt, try pressing enter."). The session ends when PID 1 exits (Status Success on
// channel 3) or the client goes away (stdin is closed then if the container has stdinOnce).
// Upstream: pkg/kubelet/cri/streaming/remotecommand/attach.go (ServeAttach), containerd's attach.
import type { ContainerRuntime } from "./containerd/runtime";
import { frame } from "./exec";

export interface AttachSession {
  runtime: ContainerRuntime;
  cid: string;
  socket: WebSocket;
  /** Virtual time (ms). */
  now(): number;
  /** Real ms until virtual time `t` (Infinity when the clock is paused). */
  realDelayUntil?(t: number): number;
  tty: boolean;
  stdin: boolean;
  stdinOnce: boolean;
  /** Asks the kubelet to look at the pod again (PID 1 read input or exited). */
  resync(): void;
}

const POLL_MS = 100;

async function bytesOf(d: unknown): Promise<Uint8Array> {
  if (typeof d === "string") return new TextEncoder().encode(d);
  if (d instanceof Blob) return new Uint8Array(await d.arrayBuffer());
  return new Uint8Array(d as ArrayBuffer);
}

export async function attachToContainer(s: AttachSession): Promise<void> {
  const send = (ch: number, d: string) => { try { s.socket.send(frame(ch, d)); } catch { /* closed */ } };
  const crlf = (d: string) => (s.tty ? d.replace(/\r?\n/g, "\r\n") : d);
  const unsubscribe = s.runtime.subscribe(s.cid, (stream, data) => send(stream === "stderr" && !s.tty ? 2 : 1, crlf(data)));
  let open = true;
  let input: Promise<void> = Promise.resolve();
  const deliver = (data: string | null) => {
    input = input.then(() => s.runtime.attachInput(s.cid, data, s.now())).then(() => s.resync());
  };
  s.socket.addEventListener("message", (ev: MessageEvent) => {
    void bytesOf(ev.data).then((data) => {
      if (data[0] === 0 && s.stdin) {
        let text = new TextDecoder().decode(data.slice(1));
        // A TTY's line discipline (ICRNL, ECHO): Enter arrives as CR and typed text is echoed back.
        if (s.tty) { text = text.replace(/\r\n?/g, "\n"); send(1, crlf(text)); }
        deliver(text);
      } else if (data[0] === 255 && data[1] === 0 && s.stdin) deliver(null);
    });
  });
  s.socket.addEventListener("close", () => { open = false; });
  try {
    while (open) {
      await input;
      await s.runtime.advance(s.cid, s.now());
      if (!s.runtime.has(s.cid) || s.runtime.exit(s.cid)) {
        send(3, JSON.stringify({ metadata: {}, status: "Success" }));
        try { s.socket.close(1000); } catch { /* closed */ }
        s.resync();
        break;
      }
      const wait = s.realDelayUntil ? s.realDelayUntil(s.now() + POLL_MS) : POLL_MS;
      await new Promise((r) => setTimeout(r, Number.isFinite(wait) ? Math.min(Math.max(wait, 20), 1000) : POLL_MS));
    }
  } finally {
    unsubscribe();
    if (!open && s.stdinOnce) { deliver(null); await input; }
  }
}

// One `kubectl exec`/`attach` session: a process started inside the running container (the
// runtime's process: the same file tree, environment and programs as its main process, so files
// either one writes the other sees), wired to the WebSocket channel protocol: 0 stdin, 1 stdout,
// 2 stderr, 3 the final Status (Success, or NonZeroExitCode with the exit code), 255 close (v5).
// The session runs in real time (its sleeps wait for the cluster's clock); what it read on stdin
// is reported so that a session that changed files can be journaled for replay.
// Upstream: pkg/kubelet/cri/streaming/remotecommand (exec.go, websocket.go),
// apimachinery/pkg/util/remotecommand/constants.go.
import { Pipe, type Output } from "../../shell/index";
import type { ContainerProcess } from "./program/process";

export interface ExecSession {
  proc: ContainerProcess;
  argv: string[];
  sub: "exec" | "attach";
  socket: WebSocket;
  /** Virtual time (ms). */
  now(): number;
  /** Real ms until virtual time `t` (Infinity when the clock is paused). */
  realDelayUntil?(t: number): number;
  tty: boolean;
  stdin: boolean;
}

export interface ExecResult { argv: string[]; code: number; startedAt: number; endedAt: number; stdin: string; modified: boolean }

export function frame(channel: number, data: string | Uint8Array): Uint8Array {
  const body = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const out = new Uint8Array(body.length + 1);
  out[0] = channel;
  out.set(body, 1);
  return out;
}

/** A sleep in the session: real time at the cluster's speed (a paused clock still lets it end). */
function realSleep(s: ExecSession, ms: number): Promise<void> {
  const d = s.realDelayUntil ? s.realDelayUntil(s.now() + ms) : ms;
  return new Promise((r) => setTimeout(r, Number.isFinite(d) ? Math.max(0, d) : ms));
}

export async function execInContainer(s: ExecSession): Promise<ExecResult> {
  const send = (ch: number, d: string) => { try { s.socket.send(frame(ch, d)); } catch { /* closed */ } };
  const stdin = new Pipe();
  let input = "";
  // Frames may arrive as Blobs (binary messages through a proxy): decode them in arrival order.
  let frames: Promise<void> = Promise.resolve();
  const bytesOf = async (d: unknown): Promise<Uint8Array> =>
    typeof d === "string" ? new TextEncoder().encode(d) : d instanceof Blob ? new Uint8Array(await d.arrayBuffer()) : new Uint8Array(d as ArrayBuffer);
  s.socket.addEventListener("message", (ev: MessageEvent) => {
    frames = frames.then(async () => {
      const data = await bytesOf(ev.data);
      if (data[0] === 0) {
        let text = new TextDecoder().decode(data.slice(1));
        // A TTY's line discipline (ICRNL, ECHO): Enter arrives as CR and typed text is echoed back.
        if (s.tty) {
          text = text.replace(/\r\n?/g, "\n");
          send(1, text.replace(/\n/g, "\r\n"));
        }
        input += text;
        void stdin.writer.write(text);
      } else if (data[0] === 255 && data[1] === 0) stdin.writer.close?.();
    });
  });
  s.socket.addEventListener("close", () => { frames = frames.then(() => stdin.writer.close?.()); });
  if (!s.stdin) stdin.writer.close?.();
  const out: Output = { write: async (d) => send(1, s.tty ? d.replace(/\r?\n/g, "\r\n") : d) };
  const err: Output = { write: async (d) => send(s.tty ? 1 : 2, s.tty ? d.replace(/\r?\n/g, "\r\n") : d) };
  const argv = s.sub === "attach" || s.argv.length === 0 ? ["sh"] : s.argv;
  const startedAt = s.now();
  const before = s.proc.fs.version;
  let code: number;
  try {
    const run = s.proc.spawn(argv, { now: s.now, sleep: (ms) => realSleep(s, ms), stdin: stdin.reader, stdout: out, stderr: err, tty: s.tty });
    code = await run.done;
  } catch {
    code = 126;
  }
  const status = code === 0
    ? { metadata: {}, status: "Success" }
    : { metadata: {}, status: "Failure", message: `command terminated with non-zero exit code: error executing command [${argv.join(" ")}], exit code ${code}`, reason: "NonZeroExitCode", details: { causes: [{ reason: "ExitCode", message: String(code) }] } };
  send(3, JSON.stringify(status));
  try { s.socket.close(1000); } catch { /* already closed */ }
  return { argv, code, startedAt, endedAt: s.now(), stdin: input, modified: s.proc.fs.version !== before };
}

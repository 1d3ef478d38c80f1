// The foreground job of a terminal: one command line while it runs. It owns what Ctrl-C must
// stop: the job's sleeps (real timers standing for virtual time), its requests to the API
// server (watch and log streams are cut), its standard input (lines typed while it runs, as a
// tty in cooked mode) and its output (nothing more is printed once interrupted).
// Mirrors what SIGINT does to a foreground process group in a real shell. No upstream file.
import { Killed } from "../../shell/control";
import type { Input, Output } from "../../shell/io";
import type { KubeTransport } from "../types";

/** 128 + SIGINT, the status of a command stopped with Ctrl-C. */
export const INTERRUPTED = 130;

/** Lines typed while a job runs, read by the job as its standard input. */
export class TypedLines implements Input {
  private lines: string[] = [];
  private ended = false;
  private wake?: () => void;

  push(line: string): void {
    this.lines.push(line + "\n");
    this.wake?.();
  }

  /** Ctrl-D: end of input for the reader. */
  end(): void {
    this.ended = true;
    this.wake?.();
  }

  async read(): Promise<string | null> {
    while (!this.lines.length && !this.ended) await new Promise<void>((r) => (this.wake = r));
    this.wake = undefined;
    if (!this.lines.length) { this.ended = false; return null; }
    return this.lines.shift()!;
  }

  /** Lines the job did not read: the shell runs them next (type-ahead). */
  leftover(): string[] {
    return this.lines.splice(0).map((l) => l.slice(0, -1));
  }
}

export class Job {
  readonly stdin = new TypedLines();
  private readonly abort = new AbortController();
  private readonly timers = new Map<ReturnType<typeof setTimeout>, (e: unknown) => void>();
  private onInterrupt: (() => void)[] = [];
  interrupted = false;

  /** `realDelay` turns virtual milliseconds into real ones (the cluster clock's speed). */
  constructor(readonly line: string, private readonly realDelay: (virtualMs: number) => number) {}

  /** Virtual-time sleep on a real timer; Ctrl-C rejects it. */
  sleep(ms: number): Promise<void> {
    if (this.interrupted) return Promise.reject(new Killed(INTERRUPTED));
    return new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => { this.timers.delete(t); resolve(); }, Math.max(0, this.realDelay(ms)));
      this.timers.set(t, reject);
    });
  }

  /** An output that forwards to `sink` until the job is interrupted, then stops the writer. */
  output(sink: (data: string) => void): Output {
    return {
      write: async (data: string) => {
        if (this.interrupted) throw new Killed(INTERRUPTED);
        sink(data);
      },
    };
  }

  /** The session's transport, with every request and response stream cut by Ctrl-C. */
  transport(base: KubeTransport): KubeTransport {
    return {
      request: async (method, path, init) => {
        if (this.interrupted) throw new Killed(INTERRUPTED);
        const res = await base.request(method, path, { ...init, signal: this.abort.signal });
        if (!res.body) return res;
        return new Response(cutOnAbort(res.body, this.abort.signal), { status: res.status, statusText: res.statusText, headers: res.headers });
      },
    };
  }

  /** Run `fn` when the job is interrupted (the shell's kill). */
  whenInterrupted(fn: () => void): void {
    this.onInterrupt.push(fn);
  }

  /** Ctrl-C. */
  interrupt(): void {
    if (this.interrupted) return;
    this.interrupted = true;
    this.abort.abort();
    for (const [t, reject] of this.timers) { clearTimeout(t); reject(new Killed(INTERRUPTED)); }
    this.timers.clear();
    this.stdin.end();
    for (const fn of this.onInterrupt.splice(0)) fn();
  }

  /** The job has finished: no timer of it may outlive it. */
  dispose(): void {
    for (const t of this.timers.keys()) clearTimeout(t);
    this.timers.clear();
  }
}

/** A copy of `body` that errors (and cancels the source) when `signal` aborts. */
function cutOnAbort(body: ReadableStream<Uint8Array>, signal: AbortSignal): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const stop = () => {
        reader.cancel().catch(() => {});
        try { controller.error(new Killed(INTERRUPTED)); } catch { /* already closed */ }
      };
      if (signal.aborted) stop();
      else signal.addEventListener("abort", stop, { once: true });
    },
    async pull(controller) {
      try {
        const r = await reader.read();
        if (r.done) controller.close();
        else controller.enqueue(r.value);
      } catch (e) {
        try { controller.error(e); } catch { /* already errored */ }
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

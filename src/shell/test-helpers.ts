// Test helpers for the shell: a host on a fresh filesystem and virtual clock, and a runner that
// collects stdout/stderr with the virtual time of each write.
import { Vfs } from "./fs";
import { startScript } from "./index";
import { sinkOutput } from "./io";
import type { ShellHost } from "./types";
import { VirtualTime } from "./vtime";

export const T0 = Date.UTC(2026, 10, 26, 6, 15, 36);

export function testHost(over: Partial<ShellHost> = {}): ShellHost & { vt: VirtualTime } {
  const vt = new VirtualTime(T0);
  const fs = new Vfs(() => vt.now());
  return { fs, now: () => vt.now(), sleep: (ms) => vt.sleep(ms), hostname: "busybox", vt, ...over };
}

export interface RunResult {
  stdout: string;
  stderr: string;
  status: number;
  /** Each stdout write with its virtual time offset from T0 (ms). */
  timeline: [number, string][];
}

/** Run a script to completion, letting virtual time pass up to `untilMs` after T0. */
export async function sh(script: string, opts: { host?: ShellHost & { vt: VirtualTime }; untilMs?: number; env?: Record<string, string>; stdin?: string } = {}): Promise<RunResult> {
  const host = opts.host ?? testHost();
  const r: RunResult = { stdout: "", stderr: "", status: -1, timeline: [] };
  const { stringInput } = await import("./io");
  const { done } = startScript(script, {
    host,
    env: opts.env ?? { PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", HOME: "/root" },
    stdin: opts.stdin !== undefined ? stringInput(opts.stdin) : undefined,
    stdout: sinkOutput((d) => {
      r.stdout += d;
      r.timeline.push([host.now() - T0, d]);
    }),
    stderr: sinkOutput((d) => (r.stderr += d)),
  });
  done.then((s) => (r.status = s));
  await host.vt.runUntil(T0 + (opts.untilMs ?? 0));
  return r;
}

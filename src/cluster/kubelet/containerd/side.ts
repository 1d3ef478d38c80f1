// A command run inside a container next to its main process (CRI ExecSync: exec probes, exec
// lifecycle hooks, non-interactive `kubectl exec`): the container's file tree and environment, on
// a virtual clock of its own that starts at `at` and is allowed `limitMs` (the probe's timeout,
// the hook's grace period). Reports the exit code (undefined on timeout), the combined output,
// and when it ended. No upstream file (containerd's ExecSync).
import { VirtualTime } from "../../../shell/vtime";
import { Pipe, sinkOutput } from "../../../shell/io";
import type { ContainerProcess } from "../program/process";

export interface SideRun { code?: number; output: string; stderr: string; endAt: number }

export async function runInContainer(proc: ContainerProcess, argv: string[], at: number, opts: { limitMs: number; stdin?: string }): Promise<SideRun> {
  const time = new VirtualTime(at);
  let output = "";
  let stderr = "";
  const owner = {};
  let stdin;
  if (opts.stdin !== undefined) {
    const p = new Pipe();
    void p.writer.write(opts.stdin).then(() => p.writer.close?.());
    stdin = p.reader;
  }
  let code: number | undefined;
  let endAt = at;
  try {
    const run = proc.spawn(argv, { now: () => time.now(), sleep: (ms) => time.sleep(ms, owner), stdin, stdout: sinkOutput((d) => { output += d; }), stderr: sinkOutput((d) => { output += d; stderr += d; }) });
    void run.done.then((c) => { code = c; endAt = time.now(); }, () => { code = 126; endAt = time.now(); });
    await time.runUntil(at);
    while (code === undefined) {
      const next = time.nextDue();
      if (next === undefined || next > at + opts.limitMs) break;
      await time.runUntil(next);
    }
    if (code === undefined) {
      run.shell.kill(137);
      time.cancelOwner(owner, new Error("timeout"));
      endAt = at + opts.limitMs;
    }
  } catch {
    code = 126;
  }
  return { code, output, stderr, endAt };
}

// What a container's main process does, decided from its argv (command/args over the image's
// Entrypoint/Cmd, as the kubelet's kuberuntime builds them) and the image's behaviour: an `sh -c`
// script (script.ts), a server that keeps running and listens on its ports, the pause process,
// a shell with no stdin (exits 0 at once), or an executable that does not exist (StartError as
// runc reports it). Deterministic from the start time. Mirrors kuberuntime's makeContainer argv
// (pkg/kubelet/kuberuntime/kuberuntime_container.go) and the official images' entrypoints.
import type { Image } from "../images";
import { runScript, type LogLine, type ScriptRun } from "./script";
import { serverLogs } from "./server-logs";

export interface ContainerSpecLike {
  name: string;
  command?: string[];
  args?: string[];
  stdin?: boolean;
  tty?: boolean;
}

export interface ProgramRun extends ScriptRun {
  /** Ports the process listens on while running. */
  listens: number[];
  /** runc's error when the executable cannot start (container reason StartError, exit 128). */
  startError?: string;
  /** Whether SIGTERM (or the image's stop signal) ends it promptly; PID 1 shells ignore it. */
  stopsOnTerm: boolean;
}

const SHELLS = new Set(["sh", "ash", "bash", "dash"]);
const BUILTINS = new Set(["sleep", "echo", "printf", "date", "env", "printenv", "true", "false", "hostname", "seq", "cat", "ls"]);
const ENTRYPOINTS = new Set(["docker-entrypoint.sh", "/docker-entrypoint.sh", "/usr/local/bin/docker-entrypoint.sh"]);

/** The argv kuberuntime starts: command ?? Entrypoint, then args ?? (command ? [] : Cmd). */
export function containerArgv(c: ContainerSpecLike, image: Image): string[] {
  const entry = c.command ?? image.config.entrypoint ?? [];
  const args = c.args ?? (c.command ? [] : image.config.cmd ?? []);
  return [...entry, ...args];
}

export function runProgram(c: ContainerSpecLike, image: Image, env: Record<string, string>, startMs: number, untilMs: number): ProgramRun {
  let argv = containerArgv(c, image);
  const base = (s: string | undefined) => (s ?? "").slice((s ?? "").lastIndexOf("/") + 1);
  const forever = (lines: LogLine[], listens: number[], stopsOnTerm: boolean): ProgramRun =>
    ({ lines: lines.filter((l) => l.at <= untilMs), running: true, listens, stopsOnTerm });
  if (image.behaviour === "pause") return forever([], [], true);
  if (ENTRYPOINTS.has(argv[0] ?? "") && argv.length > 1 && !SHELLS.has(base(argv[1]))) argv = argv.slice(1);
  const cmd = base(argv[0]);
  if (SHELLS.has(cmd)) {
    const i = argv.indexOf("-c");
    if (i < 0 || argv[i + 1] === undefined) {
      // A shell reading commands from standard input: without stdin it exits 0 at once.
      return c.stdin ? forever([], [], false) : { lines: [], exit: { at: startMs, code: 0 }, running: false, listens: [], stopsOnTerm: false };
    }
    return { ...runScript(argv[i + 1]!, env, startMs, untilMs, argv.slice(i + 3)), listens: [], stopsOnTerm: false };
  }
  if (image.behaviour === "server" && isImageDefault(argv, image)) {
    return forever(serverLogs(image, startMs), [...(image.config.exposedPorts ?? []), ...flagPorts(argv)], true);
  }
  if (BUILTINS.has(cmd)) {
    return { ...runScript(argv.map(quote).join(" "), env, startMs, untilMs), listens: [], stopsOnTerm: false };
  }
  if (isImageDefault(argv, image) || image.behaviour === "exit") {
    // An interpreter or tool image run with its default command and no tty: it prints nothing and ends.
    return c.stdin ? forever([], [], false) : { lines: [], exit: { at: startMs, code: 0 }, running: false, listens: [], stopsOnTerm: true };
  }
  return {
    lines: [], exit: { at: startMs, code: 128 }, running: false, listens: [], stopsOnTerm: true,
    startError: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${argv[0] ?? ""}": executable file not found in $PATH: unknown`,
  };
}

/** Ports a server's flags make it listen on (--secure-port=6443, --listen-metrics-urls=http://127.0.0.1:2381). */
function flagPorts(argv: string[]): number[] {
  const out: number[] = [];
  for (const a of argv) {
    const m = a.match(/^--(?:[a-z-]*port|listen-[a-z-]*urls?)=(.*)$/);
    if (!m) continue;
    for (const p of m[1]!.matchAll(/(?:^|:)(\d{2,5})(?=$|,|\/)/g)) out.push(Number(p[1]));
  }
  return out;
}

function isImageDefault(argv: string[], image: Image): boolean {
  const b = (s: string) => s.slice(s.lastIndexOf("/") + 1);
  const def = [...(image.config.entrypoint ?? []), ...(image.config.cmd ?? [])];
  const first = argv.find((a) => !ENTRYPOINTS.has(a));
  return def.some((d) => first !== undefined && b(d) === b(first));
}

function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

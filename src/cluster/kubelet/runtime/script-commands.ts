// The commands the synchronous program evaluator (script.ts) understands, as busybox prints
// them: echo, printf, sleep, true/false/:, date, env/printenv, hostname, test/[, seq, yes-free
// loops. Anything else is `sh: <name>: not found` (exit 127), as in a busybox image.
// No upstream file (busybox coreutils are the behaviour reference).
import { strftime } from "../../../shell/commands/date";

export interface ScriptProc {
  /** Virtual time now (ms). */
  t: number;
  until: number;
  env: Record<string, string>;
  lines: { at: number; stream: "stdout" | "stderr"; text: string }[];
  steps: number;
  status: number;
}

type Emit = (p: ScriptProc, stream: "stdout" | "stderr", text: string) => void;

/** Parses busybox sleep's argument: seconds with optional fraction and s/m/h/d suffix; "infinity". */
export function sleepMs(arg: string): number | undefined {
  if (arg === "infinity" || arg === "inf") return Number.POSITIVE_INFINITY;
  const m = arg.match(/^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/);
  if (!m) return undefined;
  const unit = { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as "" | "s"]!;
  return Math.round(Number(m[1]) * unit * 1000);
}

function echo(args: string[]): string {
  let newline = true;
  let escapes = false;
  while (args[0] && /^-[neE]+$/.test(args[0])) {
    const f = args.shift()!;
    if (f.includes("n")) newline = false;
    if (f.includes("e")) escapes = true;
  }
  const s = args.join(" ");
  return (escapes ? unescape(s) : s) + (newline ? "\n" : "");
}

function unescape(s: string): string {
  return s.replace(/\\([ntr\\]|0?[0-7]{1,3})/g, (_, c: string) => ({ n: "\n", t: "\t", r: "\r", "\\": "\\" } as Record<string, string>)[c] ?? String.fromCharCode(parseInt(c, 8)));
}

function printf(args: string[]): string {
  const fmt = args.shift() ?? "";
  let out = "";
  do {
    let used = 0;
    out += unescape(fmt).replace(/%(-?\d*)([sdxf%])/g, (_, w: string, c: string) => {
      if (c === "%") return "%";
      const a = args[used++] ?? "";
      const v = c === "d" ? String(Math.trunc(Number(a) || 0)) : c === "x" ? (Math.trunc(Number(a) || 0)).toString(16) : c === "f" ? (Number(a) || 0).toFixed(6) : a;
      const width = Number(w.replace("-", "")) || 0;
      return w.startsWith("-") ? v.padEnd(width) : v.padStart(width);
    });
    args = args.slice(used);
    if (used === 0) break;
  } while (args.length);
  return out;
}

function test(args: string[]): number {
  if (args[args.length - 1] === "]") args = args.slice(0, -1);
  const [a, op, b] = args;
  if (args.length === 0) return 1;
  if (args.length === 1) return a ? 0 : 1;
  if (args[0] === "!") return test(args.slice(1)) === 0 ? 1 : 0;
  if (args.length === 2) {
    if (a === "-z") return op === "" ? 0 : 1;
    if (a === "-n") return op !== "" ? 0 : 1;
    return 1;
  }
  const x = Number(a), y = Number(b);
  switch (op) {
    case "=": case "==": return a === b ? 0 : 1;
    case "!=": return a !== b ? 0 : 1;
    case "-eq": return x === y ? 0 : 1;
    case "-ne": return x !== y ? 0 : 1;
    case "-lt": return x < y ? 0 : 1;
    case "-le": return x <= y ? 0 : 1;
    case "-gt": return x > y ? 0 : 1;
    case "-ge": return x >= y ? 0 : 1;
  }
  return 2;
}

export function runBuiltin(argv: string[], p: ScriptProc, emit: Emit): number {
  const [cmd, ...args] = argv;
  const name = cmd!.slice(cmd!.lastIndexOf("/") + 1);
  switch (name) {
    case "true": case ":": return 0;
    case "false": return 1;
    case "echo": emit(p, "stdout", echo(args)); return 0;
    case "printf": emit(p, "stdout", printf(args)); return 0;
    case "sleep": {
      const ms = args.map(sleepMs);
      if (!args.length || ms.some((m) => m === undefined)) {
        emit(p, "stderr", args.length ? `sleep: invalid number '${args.find((_, i) => ms[i] === undefined)}'\n` : "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: sleep [N]...\n");
        return 1;
      }
      p.t += ms.reduce((s, m) => s! + m!, 0)!;
      return 0;
    }
    case "date": {
      const fmt = args.find((a) => a.startsWith("+"));
      emit(p, "stdout", strftime(fmt ? fmt.slice(1) : "%a %b %e %H:%M:%S %Z %Y", new Date(p.t)) + "\n");
      return 0;
    }
    case "env": case "printenv":
      if (name === "printenv" && args.length) {
        const v = p.env[args[0]!];
        if (v !== undefined) emit(p, "stdout", `${v}\n`);
        return v === undefined ? 1 : 0;
      }
      emit(p, "stdout", Object.entries(p.env).map(([k, v]) => `${k}=${v}\n`).join(""));
      return 0;
    case "hostname": emit(p, "stdout", `${p.env.HOSTNAME ?? ""}\n`); return 0;
    case "test": case "[": return test(args);
    case "seq": {
      const [from, to] = args.length > 1 ? [Number(args[0]), Number(args[1])] : [1, Number(args[0])];
      let s = "";
      for (let i = from; i <= to; i++) s += `${i}\n`;
      emit(p, "stdout", s);
      return 0;
    }
    case "cat": case "ls": case "tail": case "head":
      if (args.length) { emit(p, "stderr", `${name}: can't open '${args[args.length - 1]}': No such file or directory\n`); return 1; }
      return 0;
    default:
      emit(p, "stderr", `sh: ${cmd}: not found\n`);
      return 127;
  }
}

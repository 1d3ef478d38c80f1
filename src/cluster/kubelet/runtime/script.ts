// A synchronous evaluator of a container's main program over virtual time: runs the shell's
// syntax tree (src/shell/parser.ts) for the commands container scripts use (echo, printf, sleep,
// exit, true/false, date, env, test, loops, &&/||, variables, $((…))) and records what it
// writes with the virtual time of each write, and when and how it exits. The kubelet's sync loop
// is synchronous, so it cannot await the async interpreter (src/shell/interp.ts, used by exec);
// a program is deterministic from its start time, so logs and exit are recomputed on demand.
// No upstream file: this stands in for a process running in a containerd task.
import { parse } from "../../../shell/parser";
import type { Node, Word } from "../../../shell/ast";
import { evalArith } from "../../../shell/arith";
import { runBuiltin, type ScriptProc } from "./script-commands";

export interface LogLine { at: number; stream: "stdout" | "stderr"; text: string }

export interface ScriptRun {
  lines: LogLine[];
  /** Virtual time and code of the exit, if it happens before the horizon. */
  exit?: { at: number; code: number };
  /** True when the run stopped at the horizon (or the step budget) still running. */
  running: boolean;
}

class Exit { constructor(readonly code: number) {} }
class Horizon {}

const MAX_STEPS = 200_000;
const MAX_LINES = 20_000;

/** Runs `script` (as `sh -c`) from `startMs` until it exits or virtual time passes `untilMs`. */
export function runScript(script: string, env: Record<string, string>, startMs: number, untilMs: number, positional: string[] = []): ScriptRun {
  const proc: ScriptProc = { t: startMs, until: untilMs, env: { ...env }, lines: [], steps: 0, status: 0 };
  let tree: Node;
  try {
    tree = parse(script);
  } catch (e) {
    emit(proc, "stderr", `sh: syntax error: ${(e as Error).message}\n`);
    return { lines: proc.lines, exit: { at: proc.t, code: 2 }, running: false };
  }
  try {
    const code = execNode(tree, proc, positional);
    return { lines: proc.lines, exit: { at: proc.t, code }, running: false };
  } catch (e) {
    if (e instanceof Exit) return { lines: proc.lines, exit: { at: proc.t, code: e.code }, running: false };
    if (e instanceof Horizon) return { lines: proc.lines, running: true };
    throw e;
  }
}

export function emit(p: ScriptProc, stream: "stdout" | "stderr", text: string): void {
  if (text === "") return;
  const parts = text.split("\n");
  const last = p.lines[p.lines.length - 1];
  // A write that continues an unterminated line joins it (echo -n, printf without \n).
  if (last && !last.text.endsWith("\n") && last.stream === stream) last.text += parts.shift()! + (parts.length ? "\n" : "");
  for (let i = 0; i < parts.length; i++) {
    const piece = parts[i]! + (i < parts.length - 1 ? "\n" : "");
    if (piece !== "") p.lines.push({ at: p.t, stream, text: piece });
  }
  if (p.lines.length > MAX_LINES) p.lines.splice(0, p.lines.length - MAX_LINES);
}

function step(p: ScriptProc): void {
  if (++p.steps > MAX_STEPS || p.t > p.until) throw new Horizon();
}

function execNode(n: Node, p: ScriptProc, pos: string[]): number {
  step(p);
  switch (n.type) {
    case "list": {
      let s = 0;
      for (const it of n.items) s = execNode(it.node, p, pos);
      return (p.status = s);
    }
    case "andor": {
      let s = execNode(n.first, p, pos);
      for (const r of n.rest) if ((r.op === "&&") === (s === 0)) s = execNode(r.node, p, pos);
      return (p.status = s);
    }
    case "pipeline": {
      // Without real pipes, the last command's output is what a pipeline shows.
      let s = 0;
      for (const c of n.cmds) s = execNode(c, p, pos);
      return (p.status = n.bang ? (s === 0 ? 1 : 0) : s);
    }
    case "group": case "subshell": return execNode(n.body, p, pos);
    case "if": {
      for (const c of n.clauses) if (execNode(c.cond, p, pos) === 0) return execNode(c.body, p, pos);
      return n.elseBody ? execNode(n.elseBody, p, pos) : 0;
    }
    case "loop": {
      let s = 0;
      for (;;) {
        const c = execNode(n.cond, p, pos);
        if ((c === 0) === n.until) break;
        s = execNode(n.body, p, pos);
      }
      return (p.status = s);
    }
    case "for": {
      const items = n.items ? n.items.flatMap((w) => fields(w, p, pos)) : pos;
      let s = 0;
      for (const v of items) { p.env[n.name] = v; s = execNode(n.body, p, pos); }
      return (p.status = s);
    }
    case "case": {
      const w = expandWord(n.word, p, pos);
      for (const it of n.items) {
        if (it.patterns.some((pt) => globMatch(expandWord(pt, p, pos), w))) return it.body ? execNode(it.body, p, pos) : 0;
      }
      return 0;
    }
    case "func": return 0;
    case "simple": {
      const argv = n.words.flatMap((w) => fields(w, p, pos));
      const assigns = n.assigns.map((a) => [a.name, expandWord(a.value, p, pos)] as const);
      if (argv.length === 0) { for (const [k, v] of assigns) p.env[k] = v; return (p.status = 0); }
      if (argv[0] === "exit") throw new Exit(argv[1] !== undefined ? Number(argv[1]) & 255 : p.status);
      const before = p.t;
      const r = runBuiltin(argv, p, emit);
      if (p.t > p.until) { p.t = Math.max(before, p.until); throw new Horizon(); }
      return (p.status = r);
    }
  }
}

function fields(w: Word, p: ScriptProc, pos: string[]): string[] {
  const quoted = w.some((x) => x.q);
  const s = expandWord(w, p, pos);
  if (quoted) return [s];
  return s.split(/[ \t\n]+/).filter((x) => x !== "");
}

function expandWord(w: Word, p: ScriptProc, pos: string[]): string {
  let out = "";
  for (const part of w) {
    if (part.t === "lit") out += part.v;
    else if (part.t === "param") out += param(part.name, part.op, part.arg, part.len, p, pos);
    else if (part.t === "arith") {
      const src = expandWord([{ t: "lit", v: part.src, q: true }], p, pos).replace(/\$\{?(\w+)\}?/g, (_, v: string) => p.env[v] ?? "0");
      out += String(evalArith(src, { get: (k) => p.env[k], set: (k, v) => { p.env[k] = v; } }));
    } else out += "";
  }
  return out;
}

function param(name: string, op: string | undefined, arg: Word | undefined, len: boolean | undefined, p: ScriptProc, pos: string[]): string {
  let v: string | undefined;
  if (name === "?") v = String(p.status);
  else if (name === "$") v = "1";
  else if (name === "#") v = String(pos.length);
  else if (name === "@" || name === "*") v = pos.join(" ");
  else if (/^\d+$/.test(name)) v = name === "0" ? "sh" : pos[Number(name) - 1];
  else v = p.env[name];
  if (len) return String((v ?? "").length);
  if (op && (op === ":-" || op === "-") && (v === undefined || (op === ":-" && v === ""))) return arg ? expandWord(arg, p, pos) : "";
  if (op && (op === ":=" || op === "=") && (v === undefined || (op === ":=" && v === ""))) return (p.env[name] = arg ? expandWord(arg, p, pos) : "");
  return v ?? "";
}

function globMatch(pattern: string, s: string): boolean {
  const re = pattern.replace(/[.+^${}()|\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${re}$`).test(s);
}

// The shell's special and state-changing builtins (XCU 2.14 plus cd, read, wait, local, command):
// they act on the interpreter itself, so they are not pluggable commands. Messages follow
// busybox ash / dash. No upstream file.
import { ExitSignal, LoopSignal, ReturnSignal, signalName } from "./control";
import { resolvePath } from "./fs";
import type { Input } from "./io";
import { parse } from "./parser";
import type { Fds } from "./redirect";
import type { Shell } from "./interp";

type Builtin = (sh: Shell, args: string[], fds: Fds, line: number) => Promise<number>;

const leftovers = new WeakMap<Input, string>();

/** Read one line from an input without losing what follows it; undefined at end of input. */
export async function readLine(input: Input): Promise<string | undefined> {
  let buf = leftovers.get(input) ?? "";
  for (;;) {
    const i = buf.indexOf("\n");
    if (i >= 0) {
      leftovers.set(input, buf.slice(i + 1));
      return buf.slice(0, i);
    }
    const chunk = await input.read();
    if (chunk === null) {
      leftovers.set(input, "");
      return buf === "" ? undefined : buf;
    }
    buf += chunk;
  }
}

function num(sh: Shell, v: string | undefined, dflt: number): number | undefined {
  if (v === undefined) return dflt;
  return /^\d+$/.test(v) ? Number(v) : undefined;
}

const quote = (v: string) => `'${v.replace(/'/g, `'"'"'`)}'`;

export const specialBuiltins: Map<string, Builtin> = new Map<string, Builtin>([
  [":", async () => 0],
  ["exit", async (sh, args, fds, line) => {
    const n = num(sh, args[0], sh.status);
    if (n === undefined) {
      await sh.error(fds, `exit: Illegal number: ${args[0]}`, line);
      throw new ExitSignal(2);
    }
    throw new ExitSignal(n & 255);
  }],
  ["return", async (sh, args) => {
    throw new ReturnSignal((num(sh, args[0], sh.status) ?? 2) & 255);
  }],
  ["break", async (sh, args) => {
    throw new LoopSignal("break", num(sh, args[0], 1) ?? 1);
  }],
  ["continue", async (sh, args) => {
    throw new LoopSignal("continue", num(sh, args[0], 1) ?? 1);
  }],
  ["export", async (sh, args, fds) => assignBuiltin(sh, args, fds, "export")],
  ["readonly", async (sh, args, fds) => assignBuiltin(sh, args, fds, "readonly")],
  ["local", async (sh, args, fds) => assignBuiltin(sh, args, fds, "local")],
  ["unset", async (sh, args) => {
    for (const a of args.filter((x) => !x.startsWith("-"))) {
      sh.vars.delete(a);
      if (args.includes("-f")) sh.functions.delete(a);
    }
    return 0;
  }],
  ["set", async (sh, args, fds, line) => {
    if (args.length === 0) {
      const lines = [...sh.vars].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${quote(v.value)}\n`);
      await fds[1].write(lines.join(""));
      return 0;
    }
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === "--") {
        sh.positional = args.slice(i + 1);
        return 0;
      }
      if (a === "-o" || a === "+o") {
        const opt = args[++i];
        if (opt === "errexit") sh.errexit = a === "-o";
        else if (opt === "nounset") sh.nounset = a === "-o";
        continue;
      }
      if (/^[-+][a-zA-Z]+$/.test(a)) {
        for (const f of a.slice(1)) {
          if (f === "e") sh.errexit = a[0] === "-";
          else if (f === "u") sh.nounset = a[0] === "-";
          else if (!"xvfnCabmh".includes(f)) {
            await sh.error(fds, `set: illegal option -${f}`, line);
            return 2;
          }
        }
        continue;
      }
      sh.positional = args.slice(i);
      return 0;
    }
    return 0;
  }],
  ["shift", async (sh, args, fds, line) => {
    const n = num(sh, args[0], 1) ?? 1;
    if (n > sh.positional.length) {
      await sh.error(fds, `shift: can't shift that many`, line);
      return 2;
    }
    sh.positional = sh.positional.slice(n);
    return 0;
  }],
  ["cd", async (sh, args, fds, line) => {
    const target = args[0] === undefined ? (sh.getVar("HOME") ?? "/") : args[0] === "-" ? (sh.getVar("OLDPWD") ?? sh.cwd) : args[0];
    const path = resolvePath(sh.cwd, target);
    if (!sh.host.fs.isDir(path)) {
      const why = sh.host.fs.exists(path) ? "Not a directory" : "No such file or directory";
      await sh.error(fds, sh.dialect === "dash" ? `cd: can't cd to ${target}` : `cd: can't cd to ${target}: ${why}`, line);
      return sh.dialect === "dash" ? 2 : 1;
    }
    sh.setVar("OLDPWD", sh.cwd, true);
    sh.setVar("PWD", path, true);
    if (args[0] === "-") await fds[1].write(`${path}\n`);
    return 0;
  }],
  ["eval", async (sh, args, fds) => sh.exec(parse(args.join(" ")), fds)],
  [".", async (sh, args, fds, line) => {
    const r = sh.host.fs.readFile(resolvePath(sh.cwd, args[0] ?? ""));
    if (!r.ok) {
      await sh.error(fds, `.: can't open '${args[0] ?? ""}': No such file or directory`, line);
      throw new ExitSignal(2);
    }
    return sh.exec(parse(r.value), fds);
  }],
  ["exec", async (sh, args, fds, line) => {
    if (!args.length) return 0;
    throw new ExitSignal(await sh.runCommand(args, fds, {}, line));
  }],
  ["trap", async (sh, args, fds, line) => {
    if (!args.length) {
      await fds[1].write([...sh.traps].map(([s, a]) => `trap -- ${quote(a)} ${s}\n`).join(""));
      return 0;
    }
    const [action, ...sigs] = args.length === 1 ? ["-", ...args] : args;
    for (const s of sigs) {
      const name = s === "0" || s.toUpperCase() === "EXIT" ? "EXIT" : signalName(s);
      if (!name) {
        await sh.error(fds, `trap: ${s}: bad trap`, line);
        return 1;
      }
      if (action === "-") sh.traps.delete(name);
      else sh.traps.set(name, action!);
    }
    return 0;
  }],
  ["wait", async (sh, args) => sh.waitJobs(args.length ? args.map(Number) : undefined)],
  ["read", async (sh, args, fds) => {
    const names = args.filter((a) => !a.startsWith("-"));
    const raw = args.includes("-r");
    let text = await readLine(fds[0]);
    if (text === undefined) {
      for (const n of names) sh.setVar(n, "");
      return 1;
    }
    if (!raw) text = text.replace(/\\(.)/g, "$1");
    const ifs = sh.getVar("IFS") ?? " \t\n";
    const vars = names.length ? names : ["REPLY"];
    const fields = vars.length === 1 ? [text.trim()] : splitN(text, ifs, vars.length);
    vars.forEach((n, i) => sh.setVar(n, fields[i] ?? ""));
    return 0;
  }],
  ["command", async (sh, args, fds, line): Promise<number> => {
    if (args[0] === "-v" || args[0] === "-V") {
      const name = args[1] ?? "";
      if (specialBuiltins.has(name) || sh.functions.has(name)) return fds[1].write(`${name}\n`).then(() => 0);
      if (!sh.findCommand(name)) return 1;
      const dir = (sh.getVar("PATH") ?? "/bin").split(":").find((d) => sh.host.fs.exists(`${d}/${name}`));
      await fds[1].write(`${dir ? `${dir}/${name}` : name}\n`);
      return 0;
    }
    return args.length ? sh.runCommand(args, fds, {}, line) : 0;
  }],
]);

async function assignBuiltin(sh: Shell, args: string[], fds: Fds, kind: string): Promise<number> {
  const names = args.filter((a) => a !== "-p");
  if (names.length === 0) {
    const shown = [...sh.vars].filter(([, v]) => kind !== "export" || v.exported).sort(([a], [b]) => (a < b ? -1 : 1));
    await fds[1].write(shown.map(([k, v]) => `${kind} ${k}=${quote(v.value)}\n`).join(""));
    return 0;
  }
  for (const a of names) {
    const eq = a.indexOf("=");
    const name = eq < 0 ? a : a.slice(0, eq);
    const value = eq < 0 ? (sh.getVar(name) ?? (kind === "local" ? "" : undefined)) : a.slice(eq + 1);
    if (value === undefined) {
      if (kind === "export") sh.exportLater.add(name);
      continue;
    }
    sh.setVar(name, value, kind === "export" ? true : undefined);
  }
  return 0;
}

function splitN(text: string, ifs: string, n: number): string[] {
  const out: string[] = [];
  let rest = text.replace(new RegExp(`^[${escapeClass(ifs)}]+`), "");
  while (out.length < n - 1 && rest !== "") {
    const m = new RegExp(`[${escapeClass(ifs)}]+`).exec(rest);
    if (!m) break;
    out.push(rest.slice(0, m.index));
    rest = rest.slice(m.index + m[0].length);
  }
  out.push(rest.replace(new RegExp(`[${escapeClass(ifs)}]+$`), ""));
  return out;
}

function escapeClass(s: string): string {
  return s.replace(/[\\\]^-]/g, "\\$&");
}

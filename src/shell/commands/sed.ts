// `sed`: addresses (N, $, /re/, ranges), commands s (g, i, p, N flags; & and \1 in the
// replacement), d, p, q, =, y, and options -n -e -i -E. Streams its input line by line.
// No upstream file; busybox editors/sed.c is the behaviour reference.
import { resolvePath } from "../fs";
import { readLines } from "../io";
import type { Command } from "../types";
import { fail, lines, out, posixRegex } from "./util";

type Addr = { line: number } | { last: true } | { re: RegExp };
interface SedCmd {
  a1?: Addr;
  a2?: Addr;
  neg: boolean;
  op: string;
  re?: RegExp;
  rep?: string;
  global?: boolean;
  nth?: number;
  print?: boolean;
  from?: string;
  to?: string;
  inRange?: boolean;
}

class SedError extends Error {}

function parseScript(script: string, ere: boolean): SedCmd[] {
  const cmds: SedCmd[] = [];
  let i = 0;
  const s = script;
  const delimited = (d: string): string => {
    let r = "";
    while (i < s.length && s[i] !== d) {
      if (s[i] === "\\" && s[i + 1] === d) {
        r += d;
        i += 2;
      } else r += s[i++];
    }
    if (s[i] !== d) throw new SedError(`unmatched '${d}'`);
    i++;
    return r;
  };
  const addr = (): Addr | undefined => {
    if (/\d/.test(s[i] ?? "")) {
      const m = /^\d+/.exec(s.slice(i))![0];
      i += m.length;
      return { line: Number(m) };
    }
    if (s[i] === "$") {
      i++;
      return { last: true };
    }
    if (s[i] === "/") {
      i++;
      return { re: posixRegex(delimited("/"), ere) };
    }
    return undefined;
  };
  while (i < s.length) {
    while (/[\s;]/.test(s[i] ?? "")) i++;
    if (i >= s.length) break;
    const c: SedCmd = { neg: false, op: "" };
    c.a1 = addr();
    if (c.a1 && s[i] === ",") {
      i++;
      c.a2 = addr();
    }
    while (s[i] === " ") i++;
    if (s[i] === "!") {
      c.neg = true;
      i++;
    }
    c.op = s[i++] ?? "";
    if (c.op === "s") {
      const d = s[i++]!;
      const re = delimited(d);
      c.rep = delimited(d);
      let flags = "";
      while (/[gipI0-9]/.test(s[i] ?? "")) flags += s[i++];
      c.global = flags.includes("g");
      c.print = flags.includes("p");
      c.nth = /\d+/.test(flags) ? Number(/\d+/.exec(flags)![0]) : undefined;
      c.re = posixRegex(re, ere, (c.global ? "g" : "") + (/[iI]/.test(flags) ? "i" : ""));
    } else if (c.op === "y") {
      const d = s[i++]!;
      c.from = delimited(d);
      c.to = delimited(d);
    } else if (!"dpq=".includes(c.op) || c.op === "") throw new SedError(`unsupported command ${c.op}`);
    cmds.push(c);
  }
  return cmds;
}

function matches(a: Addr, line: string, n: number, last: boolean): boolean {
  if ("line" in a) return n === a.line;
  if ("last" in a) return last;
  return a.re.test(line);
}

function selected(c: SedCmd, line: string, n: number, last: boolean): boolean {
  let hit: boolean;
  if (!c.a1) hit = true;
  else if (!c.a2) hit = matches(c.a1, line, n, last);
  else if (c.inRange) {
    hit = true;
    if (matches(c.a2, line, n, last) || ("line" in c.a2 && n >= c.a2.line)) c.inRange = false;
  } else if (matches(c.a1, line, n, last)) {
    hit = true;
    c.inRange = !("line" in c.a2 && c.a2.line <= n);
  } else hit = false;
  return hit !== c.neg;
}

function substitute(c: SedCmd, line: string): [string, boolean] {
  let count = 0;
  let did = false;
  const res = line.replace(c.re!, (...m: unknown[]) => {
    count++;
    const whole = m[0] as string;
    if (c.nth !== undefined && count !== c.nth) return whole;
    did = true;
    return c.rep!.replace(/\\(\d)|\\n|\\&|&|\\\\/g, (t, d?: string) => (t === "&" ? whole : t === "\\&" ? "&" : t === "\\n" ? "\n" : t === "\\\\" ? "\\" : ((m[Number(d)] as string) ?? "")));
  });
  return [res, did];
}

const sed: Command = async (ctx) => {
  const scripts: string[] = [];
  const files: string[] = [];
  let quiet = false;
  let inPlace = false;
  let ere = false;
  for (let i = 0; i < ctx.args.length; i++) {
    const a = ctx.args[i]!;
    if (a === "-n") quiet = true;
    else if (a === "-i") inPlace = true;
    else if (a === "-E" || a === "-r") ere = true;
    else if (a === "-e") scripts.push(ctx.args[++i] ?? "");
    else if (/^-[niEr]+$/.test(a)) {
      quiet ||= a.includes("n");
      inPlace ||= a.includes("i");
      ere ||= /[Er]/.test(a);
    } else if (!scripts.length && !files.length) scripts.push(a);
    else files.push(a);
  }
  let cmds: SedCmd[];
  try {
    cmds = parseScript(scripts.join("\n"), ere);
  } catch (e) {
    if (e instanceof SedError) return fail(ctx, `-e expression #1, char 0: ${e.message}`);
    throw e;
  }
  const run = async (all: AsyncIterable<string> | Iterable<string>, emit: (s: string) => Promise<void>): Promise<boolean> => {
    let n = 0;
    let prev: string | undefined;
    const process = async (line: string, last: boolean): Promise<boolean> => {
      n++;
      let deleted = false;
      for (const c of cmds) {
        if (!selected(c, line, n, last)) continue;
        if (c.op === "s") {
          const [r, did] = substitute(c, line);
          line = r;
          if (did && c.print) await emit(line + "\n");
        } else if (c.op === "y") line = [...line].map((ch) => (c.from!.includes(ch) ? c.to![c.from!.indexOf(ch)]! : ch)).join("");
        else if (c.op === "p") await emit(line + "\n");
        else if (c.op === "=") await emit(`${n}\n`);
        else if (c.op === "d") {
          deleted = true;
          break;
        } else if (c.op === "q") {
          if (!quiet) await emit(line + "\n");
          return false;
        }
      }
      if (!deleted && !quiet) await emit(line + "\n");
      return true;
    };
    for await (const line of all) {
      if (prev !== undefined && !(await process(prev, false))) return false;
      prev = line;
    }
    if (prev !== undefined) await process(prev, true);
    return true;
  };
  if (!files.length) {
    await run(readLines(ctx.stdin), (s) => out(ctx, s));
    return 0;
  }
  let st = 0;
  for (const f of files) {
    const path = resolvePath(ctx.cwd, f);
    const r = ctx.fs.readFile(path);
    if (!r.ok) {
      st = await fail(ctx, `${f}: No such file or directory`, 2);
      continue;
    }
    let text = "";
    await run(lines(r.value), async (s) => {
      if (inPlace) text += s;
      else await out(ctx, s);
    });
    if (inPlace) ctx.fs.writeFile(path, text);
  }
  return st;
};

export const sedCommands: [string, Command][] = [["sed", sed]];

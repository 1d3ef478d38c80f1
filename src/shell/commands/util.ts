// Helpers shared by the simulated commands: error messages in busybox's shape
// (`cat: /x: No such file or directory`), simple option parsing, and reading inputs.
// No upstream file.
import { errnoText, resolvePath } from "../fs";
import { readAll } from "../io";
import type { CommandContext } from "../types";

export function base(ctx: CommandContext): string {
  return ctx.name.slice(ctx.name.lastIndexOf("/") + 1);
}

export async function out(ctx: CommandContext, s: string): Promise<void> {
  await ctx.stdout.write(s);
}

/** `name: msg` on stderr. */
export async function fail(ctx: CommandContext, msg: string, status = 1): Promise<number> {
  await ctx.stderr.write(`${base(ctx)}: ${msg}\n`);
  return status;
}

export interface Parsed {
  flags: Set<string>;
  values: Map<string, string>;
  rest: string[];
}

/**
 * Parse short options: single-letter flags (may be grouped, -la), and options taking a value
 * (listed in `withValue`, as -n5 or -n 5). Stops at "--" or the first operand.
 * Returns a string (the bad option) when an unknown option is seen.
 */
export function parseOpts(args: string[], known: string, withValue = ""): Parsed | string {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--") {
      i++;
      break;
    }
    if (!a.startsWith("-") || a === "-" || /^-\d/.test(a) && !known.includes("0")) break;
    for (let j = 1; j < a.length; j++) {
      const f = a[j]!;
      if (withValue.includes(f)) {
        const v = a.slice(j + 1) || args[++i];
        if (v === undefined) return f;
        values.set(f, v);
        break;
      }
      if (!known.includes(f)) return f;
      flags.add(f);
    }
  }
  return { flags, values, rest: args.slice(i) };
}

/** The contents of each named file (or stdin for none / "-"), reporting missing files. */
export async function* inputs(ctx: CommandContext, files: string[]): AsyncGenerator<{ name: string; text: string } | { name: string; error: string }> {
  if (files.length === 0) files = ["-"];
  for (const f of files) {
    if (f === "-") {
      yield { name: "(standard input)", text: await readAll(ctx.stdin) };
      continue;
    }
    const r = ctx.fs.readFile(resolvePath(ctx.cwd, f));
    if (r.ok) yield { name: f, text: r.value };
    else yield { name: f, error: `${f}: ${errnoText[r.errno]}` };
  }
}

/** Split text into lines without the trailing newline of the last one. */
export function lines(text: string): string[] {
  if (text === "") return [];
  const l = text.split("\n");
  if (l[l.length - 1] === "") l.pop();
  return l;
}

/** C-style backslash escapes (echo -e, printf). Returns [text, stop] where stop means \c. */
export function unescape(s: string): [string, boolean] {
  let outS = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c !== "\\" || i + 1 >= s.length) {
      outS += c;
      continue;
    }
    const n = s[++i]!;
    const map: Record<string, string> = { n: "\n", t: "\t", r: "\r", a: "\x07", b: "\b", f: "\f", v: "\v", "\\": "\\", e: "\x1b" };
    if (n in map) outS += map[n];
    else if (n === "c") return [outS, true];
    else if (n === "0" || /[1-7]/.test(n)) {
      const m = /^[0-7]{0,3}/.exec(s.slice(n === "0" ? i + 1 : i))![0];
      outS += String.fromCharCode(parseInt(m || "0", 8));
      i += n === "0" ? m.length : m.length - 1;
    } else if (n === "x") {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 1));
      if (m) {
        outS += String.fromCharCode(parseInt(m[0], 16));
        i += m[0].length;
      } else outS += "\\x";
    } else outS += "\\" + n;
  }
  return [outS, false];
}

/** Convert a POSIX basic regular expression to a JavaScript one (ERE when `extended`). */
export function posixRegex(re: string, extended: boolean, flags = ""): RegExp {
  let src = re;
  if (!extended) {
    let o = "";
    for (let i = 0; i < re.length; i++) {
      const c = re[i]!;
      if (c === "\\" && i + 1 < re.length) {
        const n = re[++i]!;
        o += "(){}|+?".includes(n) ? n : `\\${n}`;
      } else if ("(){}|+?".includes(c)) o += `\\${c}`;
      else o += c;
    }
    src = o;
  }
  src = src
    .replace(/\[\[:alpha:\]\]/g, "[A-Za-z]").replace(/\[\[:digit:\]\]/g, "[0-9]").replace(/\[\[:space:\]\]/g, "\\s")
    .replace(/\[\[:alnum:\]\]/g, "[A-Za-z0-9]").replace(/\[\[:upper:\]\]/g, "[A-Z]").replace(/\[\[:lower:\]\]/g, "[a-z]")
    .replace(/\[:alpha:\]/g, "A-Za-z").replace(/\[:digit:\]/g, "0-9").replace(/\[:space:\]/g, " \\t").replace(/\[:alnum:\]/g, "A-Za-z0-9");
  return new RegExp(src, flags);
}

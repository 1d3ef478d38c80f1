// Word expansion (XCU 2.6): parameter expansion with its ${…} operators, command substitution,
// arithmetic, field splitting on IFS, pathname expansion against the virtual filesystem, and
// quote removal; plus shell pattern matching for case and ${x#pat}.
// No upstream file (dash's expand.c is the behaviour reference).
import { ArithError, evalArith } from "./arith";
import type { Word, WordPart } from "./ast";
import { type Vfs, resolvePath } from "./fs";

export interface ExpandEnv {
  getVar(name: string): string | undefined;
  setVar(name: string, value: string): void;
  /** $1.. */
  positional(): string[];
  /** $0 */
  arg0(): string;
  special(name: "?" | "$" | "!" | "-"): string;
  commandSubst(src: string): Promise<string>;
  nounset(): boolean;
  fs: Vfs;
  cwd(): string;
}

/** An error that aborts the command (and a non-interactive shell): `sh: X: parameter not set`. */
export class ExpansionError extends Error {}

type Seg = { s: string; q: boolean };

/** Expand to fields (for command words and for-lists). */
export async function expandFields(words: Word[], env: ExpandEnv): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) {
    for (const field of await wordToFields(w, env)) {
      const globbed = hasGlob(field) ? glob(field, env) : undefined;
      if (globbed && globbed.length) out.push(...globbed);
      else out.push(field.map((x) => x.s).join(""));
    }
  }
  return out;
}

/** Expand to one string without splitting or globbing (assignments, redirections, here-docs). */
export async function expandString(w: Word, env: ExpandEnv): Promise<string> {
  let s = "";
  for (const p of w) s += (await partSegs(p, env, true)).map((x) => (Array.isArray(x) ? x.join(" ") : x.s)).join("");
  return s;
}

/** Expand a word as a pattern: quoted parts match literally. */
export async function expandPattern(w: Word, env: ExpandEnv): Promise<RegExp> {
  let src = "";
  for (const p of w) {
    for (const x of await partSegs(p, env, true)) {
      if (Array.isArray(x)) src += escapeRe(x.join(" "));
      else src += x.q ? escapeRe(x.s) : patternToRe(x.s);
    }
  }
  return new RegExp(`^${src}$`, "s");
}

async function wordToFields(w: Word, env: ExpandEnv): Promise<Seg[][]> {
  const fields: Seg[][] = [];
  let cur: Seg[] | undefined;
  const ifs = env.getVar("IFS") ?? " \t\n";
  const push = (seg: Seg) => (cur ??= []).push(seg);
  const end = () => {
    if (cur) fields.push(cur);
    cur = undefined;
  };
  for (const p of w) {
    for (const x of await partSegs(p, env, false)) {
      if (Array.isArray(x)) {
        // "$@": one field per positional parameter, joined to what comes before/after.
        x.forEach((v, i) => {
          if (i > 0) end();
          push({ s: v, q: true });
        });
        continue;
      }
      if (x.q || p.t === "lit") {
        push(x);
        continue;
      }
      // Unquoted expansion result: split on IFS.
      let buf = "";
      for (const ch of x.s) {
        if (ifs.includes(ch)) {
          if (buf) push({ s: buf, q: false });
          buf = "";
          if (cur) end();
        } else buf += ch;
      }
      if (buf) push({ s: buf, q: false });
    }
  }
  end();
  return fields.filter((f) => f.length > 0 && (f.some((s) => s.q) || f.some((s) => s.s !== "")));
}

/** Segments of one part; an array stands for "$@" (several fields). */
async function partSegs(p: WordPart, env: ExpandEnv, noSplit: boolean): Promise<(Seg | string[])[]> {
  switch (p.t) {
    case "lit":
      return [{ s: p.v, q: p.q }];
    case "cmd":
      return [{ s: (await env.commandSubst(p.src)).replace(/\n+$/, ""), q: p.q }];
    case "arith": {
      const src = await expandString(arithWord(p.src), env);
      try {
        return [{ s: String(evalArith(src, { get: (n) => env.getVar(n), set: (n, v) => env.setVar(n, v) })), q: p.q }];
      } catch (e) {
        if (e instanceof ArithError) throw new ExpansionError(`arithmetic syntax error`);
        throw e;
      }
    }
    case "param":
      if (p.name === "@" && p.q && !p.op && !p.len) return [env.positional()];
      return [{ s: await paramValue(p, env), q: p.q || noSplit }];
  }
}

function arithWord(src: string): Word {
  // Parameters inside $((…)) expand first; reuse the lexer lazily to avoid a cycle.
  const parts: WordPart[] = [];
  const re = /\$\{?([A-Za-z_][A-Za-z0-9_]*|[0-9?#$])\}?/g;
  let last = 0;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    if (m.index > last) parts.push({ t: "lit", v: src.slice(last, m.index), q: true });
    parts.push({ t: "param", name: m[1]!, q: true });
    last = m.index + m[0].length;
  }
  if (last < src.length) parts.push({ t: "lit", v: src.slice(last), q: true });
  return parts;
}

async function paramValue(p: Extract<WordPart, { t: "param" }>, env: ExpandEnv): Promise<string> {
  const raw = lookup(p.name, env);
  if (p.len) return String((raw ?? "").length);
  const op = p.op;
  const arg = async () => (p.arg ? expandString(p.arg, env) : "");
  if (!op) {
    if (raw === undefined && env.nounset() && !["@", "*"].includes(p.name)) throw new ExpansionError(`${p.name}: parameter not set`);
    return raw ?? "";
  }
  const colon = op.startsWith(":");
  const unset = raw === undefined || (colon && raw === "");
  switch (op.replace(":", "")) {
    case "-":
      return unset ? arg() : raw!;
    case "=":
      if (unset) {
        const v = await arg();
        env.setVar(p.name, v);
        return v;
      }
      return raw!;
    case "+":
      return unset ? "" : arg();
    case "?":
      if (unset) throw new ExpansionError(`${p.name}: ${(await arg()) || "parameter not set"}`);
      return raw!;
  }
  const value = raw ?? "";
  const re = await expandPattern(p.arg ?? [], env);
  const body = re.source.slice(1, -1);
  if (op === "#" || op === "##") {
    const lazy = new RegExp(`^(${op === "#" ? lazyfy(body) : body})`, "s");
    const m = lazy.exec(value);
    return m ? value.slice(m[0].length) : value;
  }
  // % and %%: shortest/longest matching suffix.
  const candidates = op === "%" ? range(value.length, -1) : range(0, value.length + 1);
  for (const i of candidates) if (re.test(value.slice(i))) return value.slice(0, i);
  return value;
}

function lookup(name: string, env: ExpandEnv): string | undefined {
  if (/^[0-9]+$/.test(name)) return name === "0" ? env.arg0() : env.positional()[Number(name) - 1];
  switch (name) {
    case "#":
      return String(env.positional().length);
    case "@":
    case "*":
      return env.positional().join(name === "*" ? (env.getVar("IFS") ?? " ")[0] ?? "" : " ");
    case "?":
    case "$":
    case "!":
    case "-":
      return env.special(name);
  }
  return env.getVar(name);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  if (from <= to) for (let i = from; i < to; i++) out.push(i);
  else for (let i = from; i > to; i--) out.push(i);
  return out;
}

function lazyfy(re: string): string {
  return re.replace(/\.\*/g, ".*?");
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}

/** Translate an unquoted shell pattern (* ? [...] with \ escapes) to a regular expression body. */
export function patternToRe(p: string): string {
  let out = "";
  for (let i = 0; i < p.length; i++) {
    const c = p[i]!;
    if (c === "*") out += ".*";
    else if (c === "?") out += ".";
    else if (c === "\\" && i + 1 < p.length) out += escapeRe(p[++i]!);
    else if (c === "[") {
      const end = p.indexOf("]", i + 2);
      if (end < 0) out += "\\[";
      else {
        let cls = p.slice(i + 1, end);
        if (cls.startsWith("!")) cls = "^" + cls.slice(1);
        out += `[${cls.replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else out += escapeRe(c);
  }
  return out;
}

function hasGlob(field: Seg[]): boolean {
  return field.some((s) => !s.q && /[*?[]/.test(s.s));
}

/** Pathname expansion against the filesystem; undefined/empty when nothing matches. */
function glob(field: Seg[], env: ExpandEnv): string[] | undefined {
  let pattern = "";
  for (const s of field) pattern += s.q ? s.s.replace(/[*?[\\]/g, "\\$&") : s.s;
  const abs = pattern.startsWith("/");
  const comps = pattern.split("/").filter(Boolean);
  let paths: string[] = [abs ? "/" : ""];
  for (const comp of comps) {
    const next: string[] = [];
    const isPat = /(^|[^\\])[*?[]/.test(comp);
    for (const base of paths) {
      const dir = resolvePath(env.cwd(), base || ".");
      if (!isPat) {
        const lit = comp.replace(/\\(.)/g, "$1");
        const candidate = base === "" ? lit : base === "/" ? `/${lit}` : `${base}/${lit}`;
        if (env.fs.exists(resolvePath(env.cwd(), candidate))) next.push(candidate);
        continue;
      }
      const re = new RegExp(`^${patternToRe(comp)}$`, "s");
      const list = env.fs.readdir(dir);
      if (!list.ok) continue;
      for (const [name] of list.value) {
        if (name.startsWith(".") && !comp.startsWith(".")) continue;
        if (re.test(name)) next.push(base === "" ? name : base === "/" ? `/${name}` : `${base}/${name}`);
      }
    }
    paths = next;
  }
  return paths.length ? paths.sort() : undefined;
}

// A small `awk`: BEGIN/END, /regex/ and expression patterns, fields ($0, $N, NF, NR, FS, OFS
// with -F), variables and associative arrays, print/printf, if/else, for (k in a), next,
// arithmetic, string concatenation, comparisons and ~ matching, length/substr/index/
// toupper/tolower/split. Enough for `awk '{print $2}'` pipelines and word counts.
// No upstream file; POSIX awk is the reference.
import { readLines } from "../io";
import type { Command } from "../types";
import { formatPrintf } from "./basic";
import { AwkError, type Expr, Next, Parser, type Rule, type Stmt, type Val, tokenize } from "./awk-parse";
import { fail, inputs, lines, out, posixRegex } from "./util";

const num = (v: Val): number => (typeof v === "number" ? v : parseFloat(v) || 0);
const str = (v: Val): string => (typeof v === "string" ? v : Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6))));
const looksNum = (v: Val) => typeof v === "number" || /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v);

class Machine {
  vars = new Map<string, Val>([["NR", 0], ["NF", 0], ["FS", " "], ["OFS", " "], ["ORS", "\n"]]);
  arrays = new Map<string, Map<string, Val>>();
  fields: string[] = [""];
  output = "";

  setRecord(line: string) {
    const fs = str(this.vars.get("FS")!);
    const parts = line === "" ? [] : fs === " " ? line.trim().split(/\s+/).filter(Boolean) : line.split(fs.length === 1 ? fs : new RegExp(fs));
    this.fields = [line, ...parts];
    this.vars.set("NF", parts.length);
  }
  arr(name: string) { let a = this.arrays.get(name); if (!a) this.arrays.set(name, (a = new Map())); return a; }
  get(e: Expr): Val {
    switch (e.k) {
      case "num": return e.v;
      case "str": return e.v;
      case "re": return e.re.test(this.fields[0]!) ? 1 : 0;
      case "var": return this.vars.get(e.name) ?? "";
      case "idx": return this.arr(e.name).get(str(this.get(e.key))) ?? "";
      case "field": { const i = num(this.get(e.e)); return i === 0 ? this.fields[0]! : (this.fields[i] ?? ""); }
      case "in": return this.arr(e.name).has(str(this.get(e.key))) ? 1 : 0;
      case "un": { const v = this.get(e.e); return e.op === "!" ? (truthy(v) ? 0 : 1) : e.op === "-" ? -num(v) : num(v); }
      case "assign": {
        const v = this.get(e.e);
        const nv = e.op === "=" ? v : arith(e.op[0]!, num(this.get(e.target)), num(v));
        this.set(e.target, nv);
        return nv;
      }
      case "incdec": {
        const old = num(this.get(e.target));
        const nv = old + (e.op === "++" ? 1 : -1);
        this.set(e.target, nv);
        return e.pre ? nv : old;
      }
      case "bin": return this.bin(e);
      case "call": return this.call(e.name, e.args);
    }
  }
  bin(e: Extract<Expr, { k: "bin" }>): Val {
    if (e.op === "&&") return truthy(this.get(e.a)) && truthy(this.get(e.b)) ? 1 : 0;
    if (e.op === "||") return truthy(this.get(e.a)) || truthy(this.get(e.b)) ? 1 : 0;
    const a = this.get(e.a);
    if (e.op === "~" || e.op === "!~") {
      const re = e.b.k === "re" ? e.b.re : posixRegex(str(this.get(e.b)), true);
      return re.test(str(a)) === (e.op === "~") ? 1 : 0;
    }
    const b = this.get(e.b);
    if (e.op === "concat") return str(a) + str(b);
    if (["<", "<=", ">", ">=", "==", "!="].includes(e.op)) {
      const [x, y]: [Val, Val] = looksNum(a) && looksNum(b) ? [num(a), num(b)] : [str(a), str(b)];
      const r = e.op === "<" ? x < y : e.op === "<=" ? x <= y : e.op === ">" ? x > y : e.op === ">=" ? x >= y : e.op === "==" ? x === y : x !== y;
      return r ? 1 : 0;
    }
    return arith(e.op, num(a), num(b));
  }
  call(name: string, args: Expr[]): Val {
    const v = (i: number) => this.get(args[i]!);
    switch (name) {
      case "?:": return truthy(v(0)) ? v(1) : v(2);
      case "length": return args.length ? str(v(0)).length : this.fields[0]!.length;
      case "substr": { const s = str(v(0)); const start = Math.max(1, Math.round(num(v(1)))); return args.length > 2 ? s.substr(start - 1, Math.round(num(v(2))) - Math.max(0, 1 - Math.round(num(v(1))))) : s.slice(start - 1); }
      case "index": return str(v(0)).indexOf(str(v(1))) + 1;
      case "toupper": return str(v(0)).toUpperCase();
      case "tolower": return str(v(0)).toLowerCase();
      case "int": return Math.trunc(num(v(0)));
      case "split": {
        const parts = str(v(0)).split(args[2] ? str(v(2)) : /\s+/);
        const name2 = (args[1] as { name: string }).name;
        const a = this.arr(name2);
        a.clear();
        parts.forEach((p, i) => a.set(String(i + 1), p));
        return parts.length;
      }
      case "sprintf": return formatPrintf(str(v(0)), args.slice(1).map((_, i) => str(v(i + 1)))).text;
    }
    throw new AwkError(`calling undefined function ${name}`);
  }
  set(t: Expr, v: Val) {
    if (t.k === "var") this.vars.set(t.name, v);
    else if (t.k === "idx") this.arr(t.name).set(str(this.get(t.key)), v);
    else if (t.k === "field") {
      const i = num(this.get(t.e));
      if (i === 0) this.setRecord(str(v));
      else {
        while (this.fields.length <= i) this.fields.push("");
        this.fields[i] = str(v);
        this.vars.set("NF", this.fields.length - 1);
        this.fields[0] = this.fields.slice(1).join(str(this.vars.get("OFS")!));
      }
    }
  }
  exec(s: Stmt): void {
    switch (s.k) {
      case "print": this.output += (s.args.length ? s.args.map((a) => str(this.get(a))).join(str(this.vars.get("OFS")!)) : this.fields[0]) + str(this.vars.get("ORS")!); break;
      case "printf": this.output += formatPrintf(str(this.get(s.args[0]!)), s.args.slice(1).map((a) => str(this.get(a)))).text; break;
      case "expr": this.get(s.e); break;
      case "if": if (truthy(this.get(s.cond))) this.exec(s.then); else if (s.else) this.exec(s.else); break;
      case "block": for (const x of s.body) this.exec(x); break;
      case "forin": for (const k of [...this.arr(s.arr).keys()]) { this.vars.set(s.v, k); this.exec(s.body); } break;
      case "next": throw new Next();
    }
  }
}

function truthy(v: Val): boolean {
  return typeof v === "number" ? v !== 0 : v !== "" && !(looksNum(v) && Number(v) === 0 && false);
}
function arith(op: string, a: number, b: number): number {
  switch (op) {
    case "+": return a + b;
    case "-": return a - b;
    case "*": return a * b;
    case "/": if (b === 0) throw new AwkError("division by zero"); return a / b;
    case "%": if (b === 0) throw new AwkError("division by zero in %"); return a % b;
    default: return a ** b;
  }
}

const awk: Command = async (ctx) => {
  const args = [...ctx.args];
  const m = new Machine();
  let program: string | undefined;
  while (args.length) {
    const a = args[0]!;
    if (a === "-F") { args.shift(); m.vars.set("FS", args.shift() ?? " "); }
    else if (a.startsWith("-F")) { args.shift(); m.vars.set("FS", a.slice(2) === "\\t" ? "\t" : a.slice(2)); }
    else if (a === "-v") { args.shift(); const kv = args.shift() ?? ""; m.vars.set(kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)); }
    else break;
  }
  program = args.shift();
  if (program === undefined) return fail(ctx, "usage: awk [-F sep] [-v var=val] 'program' [file]...");
  let rules: Rule[];
  try {
    rules = new Parser(tokenize(program)).program();
  } catch (e) {
    if (e instanceof AwkError) return fail(ctx, `cmd. line:1: ${e.message}`, 2);
    throw e;
  }
  const flush = async () => { if (m.output) { await out(ctx, m.output); m.output = ""; } };
  try {
    for (const r of rules) if (r.kind === "begin") r.body!.forEach((s) => m.exec(s));
    await flush();
    const mains = rules.filter((r) => r.kind === "main");
    const onLine = async (line: string) => {
      m.vars.set("NR", num(m.vars.get("NR")!) + 1);
      m.setRecord(line);
      try {
        for (const r of mains) {
          if (r.pattern && !truthy(m.get(r.pattern))) continue;
          if (r.body) r.body.forEach((s) => m.exec(s));
          else m.output += m.fields[0] + "\n";
        }
      } catch (e) {
        if (!(e instanceof Next)) throw e;
      }
      await flush();
    };
    if (mains.length || rules.some((r) => r.kind === "end")) {
      if (!args.length) for await (const l of readLines(ctx.stdin)) await onLine(l);
      for await (const x of inputs(ctx, args.length ? args : [])) {
        if (!args.length) break;
        if ("error" in x) return fail(ctx, `cannot open "${x.name}" (No such file or directory)`, 2);
        for (const l of lines(x.text)) await onLine(l);
      }
    }
    for (const r of rules) if (r.kind === "end") r.body!.forEach((s) => m.exec(s));
    await flush();
  } catch (e) {
    if (e instanceof AwkError) return fail(ctx, e.message, 2);
    throw e;
  }
  return 0;
};

export const awkCommands: [string, Command][] = [["awk", awk]];

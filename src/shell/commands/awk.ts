// A small `awk`: BEGIN/END, /regex/ and expression patterns, fields ($0, $N, NF, NR, FS, OFS
// with -F), variables and associative arrays, print/printf, if/else, for (k in a), next,
// arithmetic, string concatenation, comparisons and ~ matching, length/substr/index/
// toupper/tolower/split. Enough for `awk '{print $2}'` pipelines and word counts.
// No upstream file; POSIX awk is the reference.
import { readLines } from "../io";
import type { Command } from "../types";
import { formatPrintf } from "./basic";
import { fail, inputs, lines, out, posixRegex } from "./util";

type Val = string | number;
type Expr =
  | { k: "num"; v: number } | { k: "str"; v: string } | { k: "re"; re: RegExp }
  | { k: "var"; name: string } | { k: "idx"; name: string; key: Expr } | { k: "field"; e: Expr }
  | { k: "bin"; op: string; a: Expr; b: Expr } | { k: "un"; op: string; e: Expr }
  | { k: "assign"; op: string; target: Expr; e: Expr } | { k: "incdec"; op: string; pre: boolean; target: Expr }
  | { k: "call"; name: string; args: Expr[] } | { k: "in"; key: Expr; name: string };
type Stmt =
  | { k: "print"; args: Expr[] } | { k: "printf"; args: Expr[] } | { k: "expr"; e: Expr }
  | { k: "if"; cond: Expr; then: Stmt; else?: Stmt } | { k: "block"; body: Stmt[] }
  | { k: "forin"; v: string; arr: string; body: Stmt } | { k: "next" };
interface Rule { kind: "begin" | "end" | "main"; pattern?: Expr; body?: Stmt[] }

class AwkError extends Error {}
class Next {}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|("(?:\\.|[^"\\])*")|([A-Za-z_][A-Za-z0-9_]*)|(\+\+|--|\+=|-=|\*=|\/=|%=|==|!=|<=|>=|&&|\|\||!~|[-+*/%=<>!~$(){}[\],;?:^]|\n)|(\/))/y;

function tokenize(src: string): string[] {
  const toks: string[] = [];
  let i = 0;
  const prevAllowsRegex = () => {
    const p = toks[toks.length - 1];
    return p === undefined || /^[-+*/%=<>!~(,;{}&|\n]$|^(==|!=|<=|>=|&&|\|\||!~|~)$/.test(p);
  };
  while (i < src.length) {
    while (src[i] === " " || src[i] === "\t") i++;
    if (i >= src.length) break;
    if (src[i] === "#") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (src[i] === "/" && prevAllowsRegex()) {
      let j = i + 1;
      let re = "";
      while (j < src.length && src[j] !== "/") {
        if (src[j] === "\\" && src[j + 1] === "/") {
          re += "/";
          j += 2;
        } else re += src[j++];
      }
      toks.push(`/${re}`);
      i = j + 1;
      continue;
    }
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(src);
    if (!m) throw new AwkError(`syntax error at source line 1`);
    toks.push(m[0].trim() || "\n");
    i = TOKEN.lastIndex;
  }
  return toks;
}

class Parser {
  p = 0;
  constructor(private t: string[]) {}
  peek(o = 0) { return this.t[this.p + o]; }
  take() { return this.t[this.p++]; }
  eat(x: string) { if (this.peek() !== x) throw new AwkError(`syntax error: expected ${x}`); this.p++; }
  nl() { while (this.peek() === "\n" || this.peek() === ";") this.p++; }

  program(): Rule[] {
    const rules: Rule[] = [];
    this.nl();
    while (this.p < this.t.length) {
      const w = this.peek();
      if (w === "BEGIN" || w === "END") {
        this.take();
        rules.push({ kind: w === "BEGIN" ? "begin" : "end", body: this.block() });
      } else {
        const pattern = w === "{" ? undefined : this.expr();
        rules.push({ kind: "main", pattern, body: this.peek() === "{" ? this.block() : undefined });
      }
      this.nl();
    }
    return rules;
  }
  block(): Stmt[] {
    this.eat("{");
    const body: Stmt[] = [];
    this.nl();
    while (this.peek() !== "}") {
      if (this.peek() === undefined) throw new AwkError("syntax error: missing }");
      body.push(this.stmt());
      this.nl();
    }
    this.eat("}");
    return body;
  }
  stmt(): Stmt {
    const w = this.peek();
    if (w === "{") return { k: "block", body: this.block() };
    if (w === "print" || w === "printf") {
      this.take();
      const args: Expr[] = [];
      const paren = this.peek() === "(" && this.closesBeforeEnd();
      if (paren) this.take();
      while (this.peek() !== undefined && !["\n", ";", "}", ")"].includes(this.peek()!)) {
        args.push(this.expr());
        if (this.peek() === ",") this.take();
      }
      if (paren) this.eat(")");
      return { k: w, args };
    }
    if (w === "if") {
      this.take();
      this.eat("(");
      const cond = this.expr();
      this.eat(")");
      this.nl();
      const then = this.stmt();
      const save = this.p;
      this.nl();
      if (this.peek() === "else") {
        this.take();
        this.nl();
        return { k: "if", cond, then, else: this.stmt() };
      }
      this.p = save;
      return { k: "if", cond, then };
    }
    if (w === "for" && this.peek(1) === "(" && this.peek(3) === "in") {
      this.p += 2;
      const v = this.take()!;
      this.take();
      const arr = this.take()!;
      this.eat(")");
      this.nl();
      return { k: "forin", v, arr, body: this.stmt() };
    }
    if (w === "next") {
      this.take();
      return { k: "next" };
    }
    return { k: "expr", e: this.expr() };
  }
  closesBeforeEnd(): boolean {
    let depth = 0;
    for (let i = this.p; i < this.t.length; i++) {
      const x = this.t[i];
      if (x === "(") depth++;
      else if (x === ")" && --depth === 0) return ["\n", ";", "}", undefined].includes(this.t[i + 1]);
    }
    return false;
  }
  expr(): Expr { return this.ternary(); }
  ternary(): Expr {
    const c = this.assign();
    if (this.peek() !== "?") return c;
    this.take();
    const a = this.ternary();
    this.eat(":");
    const b = this.ternary();
    return { k: "call", name: "?:", args: [c, a, b] };
  }
  assign(): Expr {
    const l = this.or();
    const op = this.peek();
    if (op && ["=", "+=", "-=", "*=", "/=", "%="].includes(op) && (l.k === "var" || l.k === "idx" || l.k === "field")) {
      this.take();
      return { k: "assign", op, target: l, e: this.assign() };
    }
    return l;
  }
  or(): Expr { let l = this.and(); while (this.peek() === "||") { this.take(); l = { k: "bin", op: "||", a: l, b: this.and() }; } return l; }
  and(): Expr { let l = this.inE(); while (this.peek() === "&&") { this.take(); l = { k: "bin", op: "&&", a: l, b: this.inE() }; } return l; }
  inE(): Expr {
    const l = this.match();
    if (this.peek() === "in") { this.take(); return { k: "in", key: l, name: this.take()! }; }
    return l;
  }
  match(): Expr { let l = this.cmp(); while (this.peek() === "~" || this.peek() === "!~") { const op = this.take()!; l = { k: "bin", op, a: l, b: this.cmp() }; } return l; }
  cmp(): Expr {
    const l = this.concat();
    const op = this.peek();
    if (op && ["<", "<=", ">", ">=", "==", "!="].includes(op)) { this.take(); return { k: "bin", op, a: l, b: this.concat() }; }
    return l;
  }
  concat(): Expr {
    let l = this.add();
    for (let t = this.peek(); t !== undefined && (/^[0-9"A-Za-z_$(!]/.test(t) || t.startsWith("/")) && !["in", "if", "else", "print", "printf"].includes(t) && t !== "!~"; t = this.peek()) {
      l = { k: "bin", op: "concat", a: l, b: this.add() };
    }
    return l;
  }
  add(): Expr { let l = this.mul(); while (this.peek() === "+" || this.peek() === "-") { const op = this.take()!; l = { k: "bin", op, a: l, b: this.mul() }; } return l; }
  mul(): Expr { let l = this.unary(); while (["*", "/", "%"].includes(this.peek() ?? "")) { const op = this.take()!; l = { k: "bin", op, a: l, b: this.unary() }; } return l; }
  unary(): Expr {
    const t = this.peek();
    if (t === "!" || t === "-" || t === "+") { this.take(); return { k: "un", op: t, e: this.unary() }; }
    if (t === "++" || t === "--") { this.take(); return { k: "incdec", op: t, pre: true, target: this.postfix() }; }
    return this.postfix();
  }
  postfix(): Expr {
    const e = this.primary();
    const t = this.peek();
    if ((t === "++" || t === "--") && (e.k === "var" || e.k === "idx" || e.k === "field")) { this.take(); return { k: "incdec", op: t, pre: false, target: e }; }
    return e;
  }
  primary(): Expr {
    const t = this.take();
    if (t === undefined) throw new AwkError("syntax error: unexpected end");
    if (t === "$") return { k: "field", e: this.primaryNoConcat() };
    if (t === "(") { const e = this.expr(); this.eat(")"); return e; }
    if (/^\d/.test(t)) return { k: "num", v: Number(t) };
    if (t.startsWith('"')) return { k: "str", v: JSON.parse(t.replace(/\\\//g, "/")) as string };
    if (t.startsWith("/")) return { k: "re", re: posixRegex(t.slice(1), true) };
    if (/^[A-Za-z_]/.test(t)) {
      if (this.peek() === "(" ) {
        this.take();
        const args: Expr[] = [];
        while (this.peek() !== ")") { args.push(this.expr()); if (this.peek() === ",") this.take(); }
        this.take();
        return { k: "call", name: t, args };
      }
      if (this.peek() === "[") { this.take(); const key = this.expr(); this.eat("]"); return { k: "idx", name: t, key }; }
      return { k: "var", name: t };
    }
    throw new AwkError(`syntax error at '${t}'`);
  }
  primaryNoConcat(): Expr {
    const t = this.peek();
    if (t === "(") return this.primary();
    if (t === "$") { this.take(); return { k: "field", e: this.primaryNoConcat() }; }
    const x = this.take()!;
    if (/^\d/.test(x)) return { k: "num", v: Number(x) };
    return { k: "var", name: x };
  }
}

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

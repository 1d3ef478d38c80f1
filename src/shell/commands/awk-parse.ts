// The awk language front end: tokens (with regex literals where an operand may start) and a
// recursive-descent parser to rules, statements and expressions. Used by awk.ts.
import { posixRegex } from "./util";

export type Val = string | number;
export type Expr =
  | { k: "num"; v: number } | { k: "str"; v: string } | { k: "re"; re: RegExp }
  | { k: "var"; name: string } | { k: "idx"; name: string; key: Expr } | { k: "field"; e: Expr }
  | { k: "bin"; op: string; a: Expr; b: Expr } | { k: "un"; op: string; e: Expr }
  | { k: "assign"; op: string; target: Expr; e: Expr } | { k: "incdec"; op: string; pre: boolean; target: Expr }
  | { k: "call"; name: string; args: Expr[] } | { k: "in"; key: Expr; name: string };
export type Stmt =
  | { k: "print"; args: Expr[] } | { k: "printf"; args: Expr[] } | { k: "expr"; e: Expr }
  | { k: "if"; cond: Expr; then: Stmt; else?: Stmt } | { k: "block"; body: Stmt[] }
  | { k: "forin"; v: string; arr: string; body: Stmt } | { k: "next" };
export interface Rule { kind: "begin" | "end" | "main"; pattern?: Expr; body?: Stmt[] }

export class AwkError extends Error {}
export class Next {}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?)|("(?:\\.|[^"\\])*")|([A-Za-z_][A-Za-z0-9_]*)|(\+\+|--|\+=|-=|\*=|\/=|%=|==|!=|<=|>=|&&|\|\||!~|[-+*/%=<>!~$(){}[\],;?:^]|\n)|(\/))/y;

export function tokenize(src: string): string[] {
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

export class Parser {
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

// Shell arithmetic expansion $((...)) (XCU 2.6.4): integer C-like expressions over shell
// variables, with assignment operators, ternary, logical, bitwise and comparison operators.
// No upstream file (busybox shell/math.c is the behaviour reference).

export interface ArithVars {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

export class ArithError extends Error {}

const BINARY: Record<string, [number, (a: number, b: number) => number]> = {
  "||": [1, (a, b) => (a || b ? 1 : 0)],
  "&&": [2, (a, b) => (a && b ? 1 : 0)],
  "|": [3, (a, b) => a | b],
  "^": [4, (a, b) => a ^ b],
  "&": [5, (a, b) => a & b],
  "==": [6, (a, b) => (a === b ? 1 : 0)],
  "!=": [6, (a, b) => (a !== b ? 1 : 0)],
  "<": [7, (a, b) => (a < b ? 1 : 0)],
  "<=": [7, (a, b) => (a <= b ? 1 : 0)],
  ">": [7, (a, b) => (a > b ? 1 : 0)],
  ">=": [7, (a, b) => (a >= b ? 1 : 0)],
  "<<": [8, (a, b) => a << b],
  ">>": [8, (a, b) => a >> b],
  "+": [9, (a, b) => a + b],
  "-": [9, (a, b) => a - b],
  "*": [10, (a, b) => a * b],
  "/": [10, (a, b) => div(a, b)],
  "%": [10, (a, b) => (b === 0 ? divZero() : a % b)],
  "**": [11, (a, b) => a ** b],
};
const ASSIGN = ["<<=", ">>=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "="];
const TOKEN_RE = /\s*(0x[0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|<<=|>>=|\*\*|\+\+|--|[+\-*/%&|^]=|==|!=|<=|>=|&&|\|\||<<|>>|[-+*/%()!~<>?:=&|^,])/y;

function div(a: number, b: number): number {
  if (b === 0) divZero();
  return Math.trunc(a / b);
}
function divZero(): never {
  throw new ArithError("divide by zero");
}

export function evalArith(expr: string, vars: ArithVars): number {
  const toks: string[] = [];
  TOKEN_RE.lastIndex = 0;
  let i = 0;
  while (i < expr.length) {
    if (/^\s*$/.test(expr.slice(i))) break;
    TOKEN_RE.lastIndex = i;
    const m = TOKEN_RE.exec(expr);
    if (!m) throw new ArithError("syntax error");
    toks.push(m[1]!);
    i = TOKEN_RE.lastIndex;
  }
  if (toks.length === 0) return 0;
  let p = 0;
  const peek = () => toks[p];
  const isName = (t?: string) => t !== undefined && /^[A-Za-z_]/.test(t);
  const valueOf = (name: string): number => {
    const v = vars.get(name);
    if (v === undefined || v === "") return 0;
    const n = toNumber(v.trim());
    if (n === undefined) throw new ArithError(`expression recursion loop detected`);
    return n;
  };

  const comma = (): number => {
    let v = assign();
    while (peek() === ",") {
      p++;
      v = assign();
    }
    return v;
  };
  const assign = (): number => {
    if (isName(peek()) && ASSIGN.includes(toks[p + 1] ?? "")) {
      const name = toks[p]!;
      const op = toks[p + 1]!;
      p += 2;
      const rhs = assign();
      const v = op === "=" ? rhs : BINARY[op.slice(0, -1)]![1](valueOf(name), rhs);
      vars.set(name, String(v | 0));
      return v | 0;
    }
    return ternary();
  };
  const ternary = (): number => {
    const c = binary(1);
    if (peek() !== "?") return c;
    p++;
    const a = assign();
    if (toks[p++] !== ":") throw new ArithError("syntax error");
    const b = assign();
    return c ? a : b;
  };
  const binary = (minPrec: number): number => {
    let left = unary();
    for (;;) {
      const op = peek();
      const entry = op !== undefined ? BINARY[op] : undefined;
      if (!entry || entry[0] < minPrec) return left;
      p++;
      const right = binary(op === "**" ? entry[0] : entry[0] + 1);
      left = entry[1](left, right) | 0;
    }
  };
  const unary = (): number => {
    const t = peek();
    if (t === "-" || t === "+" || t === "!" || t === "~") {
      p++;
      const v = unary();
      return t === "-" ? -v : t === "+" ? v : t === "!" ? (v ? 0 : 1) : ~v;
    }
    if ((t === "++" || t === "--") && isName(toks[p + 1])) {
      const name = toks[p + 1]!;
      p += 2;
      const v = valueOf(name) + (t === "++" ? 1 : -1);
      vars.set(name, String(v));
      return v;
    }
    return postfix();
  };
  const postfix = (): number => {
    const t = toks[p++];
    if (t === undefined) throw new ArithError("syntax error");
    if (t === "(") {
      const v = comma();
      if (toks[p++] !== ")") throw new ArithError("missing ')'");
      return v;
    }
    if (isName(t)) {
      const v = valueOf(t);
      if (peek() === "++" || peek() === "--") {
        vars.set(t, String(v + (toks[p++] === "++" ? 1 : -1)));
      }
      return v;
    }
    const n = toNumber(t);
    if (n === undefined) throw new ArithError("syntax error");
    return n;
  };
  const v = comma();
  if (p < toks.length) throw new ArithError("syntax error");
  return v;
}

function toNumber(s: string): number | undefined {
  if (/^-?0x[0-9a-f]+$/i.test(s)) return parseInt(s, 16) | 0;
  if (/^-?0[0-7]+$/.test(s)) return parseInt(s, 8) | 0;
  if (/^-?\d+$/.test(s)) return Number(s) | 0;
  return undefined;
}

// `test` / `[` (file, string and integer tests with ! -a -o and parentheses) and `expr`
// (arithmetic, comparison, `:` matching, length, substr, index). No upstream file; busybox
// coreutils/test.c and expr.c are the behaviour references.
import { resolvePath } from "../fs";
import type { Command, CommandContext } from "../types";
import { fail, out, posixRegex } from "./util";

class TestError extends Error {}

function evalTest(ctx: CommandContext, args: string[]): boolean {
  let i = 0;
  const intOf = (s: string) => {
    if (!/^\s*-?\d+\s*$/.test(s)) throw new TestError(`invalid number '${s}'`);
    return Number(s);
  };
  const file = (p: string) => ctx.fs.lookup(resolvePath(ctx.cwd, p));
  const primary = (): boolean => {
    const a = args[i];
    if (a === undefined) throw new TestError("argument expected");
    if (a === "!") {
      i++;
      return !primary();
    }
    if (a === "(" && args.indexOf(")", i) > 0) {
      i++;
      const v = orExpr();
      if (args[i] !== ")") throw new TestError("')' expected");
      i++;
      return v;
    }
    const op = args[i + 1];
    if (op !== undefined && ["=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "<", ">"].includes(op) && args[i + 2] !== undefined) {
      const b = args[i + 2]!;
      i += 3;
      switch (op) {
        case "=": case "==": return a === b;
        case "!=": return a !== b;
        case "<": return a < b;
        case ">": return a > b;
        case "-eq": return intOf(a) === intOf(b);
        case "-ne": return intOf(a) !== intOf(b);
        case "-lt": return intOf(a) < intOf(b);
        case "-le": return intOf(a) <= intOf(b);
        case "-gt": return intOf(a) > intOf(b);
        default: return intOf(a) >= intOf(b);
      }
    }
    if (/^-[nzefdrwxsLhp]$/.test(a) && args[i + 1] !== undefined) {
      const v = args[i + 1]!;
      i += 2;
      switch (a) {
        case "-n": return v !== "";
        case "-z": return v === "";
        case "-e": case "-r": case "-w": return file(v).ok;
        case "-f": { const n = file(v); return n.ok && n.value.kind === "file"; }
        case "-d": { const n = file(v); return n.ok && n.value.kind === "dir"; }
        case "-x": { const n = file(v); return n.ok && (n.value.kind === "dir" || (n.value.mode & 0o111) !== 0); }
        case "-s": { const n = file(v); return n.ok && n.value.kind === "file" && n.value.data.length > 0; }
        case "-L": case "-h": { const n = ctx.fs.lookup(resolvePath(ctx.cwd, v), true); return n.ok && n.value.kind === "link"; }
        default: return false;
      }
    }
    i++;
    return a !== "";
  };
  const andExpr = (): boolean => {
    let v = primary();
    while (args[i] === "-a") {
      i++;
      const r = primary();
      v = v && r;
    }
    return v;
  };
  const orExpr = (): boolean => {
    let v = andExpr();
    while (args[i] === "-o") {
      i++;
      const r = andExpr();
      v = v || r;
    }
    return v;
  };
  if (args.length === 0) return false;
  const v = orExpr();
  if (i < args.length) throw new TestError(`${args[i]}: unknown operand`);
  return v;
}

const test: Command = async (ctx) => {
  let args = ctx.args;
  if (ctx.name.endsWith("[")) {
    if (args[args.length - 1] !== "]") return fail(ctx, "missing ]", 2);
    args = args.slice(0, -1);
  }
  try {
    return evalTest(ctx, args) ? 0 : 1;
  } catch (e) {
    if (e instanceof TestError) return fail(ctx, e.message, 2);
    throw e;
  }
};

function evalExpr(args: string[]): string {
  let i = 0;
  const isInt = (s: string) => /^-?\d+$/.test(s);
  const atom = (): string => {
    const a = args[i++];
    if (a === undefined) throw new TestError("syntax error");
    if (a === "(") {
      const v = orE();
      if (args[i++] !== ")") throw new TestError("syntax error");
      return v;
    }
    if (a === "length") return String((args[i++] ?? "").length);
    if (a === "substr") {
      const [s, p, n] = [args[i++] ?? "", Number(args[i++]), Number(args[i++])];
      return s.substr(p - 1, n);
    }
    if (a === "index") {
      const [s, chars] = [args[i++] ?? "", args[i++] ?? ""];
      const idx = [...s].findIndex((c) => chars.includes(c));
      return String(idx + 1);
    }
    if (a === "match") {
      const [s, re] = [args[i++] ?? "", args[i++] ?? ""];
      return match(s, re);
    }
    return a;
  };
  const match = (s: string, re: string) => {
    const m = posixRegex("^" + re.replace(/^\^/, ""), false).exec(s);
    if (!m) return /\\\(/.test(re) ? "" : "0";
    return m[1] !== undefined ? m[1] : String(m[0].length);
  };
  const colon = (): string => {
    let v = atom();
    while (args[i] === ":") {
      i++;
      v = match(v, atom());
    }
    return v;
  };
  const mul = (): string => {
    let v = colon();
    while (["*", "/", "%"].includes(args[i] ?? "")) {
      const op = args[i++]!;
      const r = colon();
      if (!isInt(v) || !isInt(r)) throw new TestError("non-numeric argument");
      if (op !== "*" && Number(r) === 0) throw new TestError("division by zero");
      v = String(op === "*" ? Number(v) * Number(r) : op === "/" ? Math.trunc(Number(v) / Number(r)) : Number(v) % Number(r));
    }
    return v;
  };
  const add = (): string => {
    let v = mul();
    while (args[i] === "+" || args[i] === "-") {
      const op = args[i++]!;
      const r = mul();
      if (!isInt(v) || !isInt(r)) throw new TestError("non-numeric argument");
      v = String(op === "+" ? Number(v) + Number(r) : Number(v) - Number(r));
    }
    return v;
  };
  const cmp = (): string => {
    let v = add();
    while (["=", "!=", "<", "<=", ">", ">="].includes(args[i] ?? "")) {
      const op = args[i++]!;
      const r = add();
      const [a, b]: [number | string, number | string] = isInt(v) && isInt(r) ? [Number(v), Number(r)] : [v, r];
      const res = op === "=" ? a === b : op === "!=" ? a !== b : op === "<" ? a < b : op === "<=" ? a <= b : op === ">" ? a > b : a >= b;
      v = res ? "1" : "0";
    }
    return v;
  };
  const andE = (): string => {
    let v = cmp();
    while (args[i] === "&") {
      i++;
      const r = cmp();
      v = v !== "" && v !== "0" && r !== "" && r !== "0" ? v : "0";
    }
    return v;
  };
  const orE = (): string => {
    let v = andE();
    while (args[i] === "|") {
      i++;
      const r = andE();
      v = v !== "" && v !== "0" ? v : r !== "" && r !== "0" ? r : "0";
    }
    return v;
  };
  const v = orE();
  if (i < args.length) throw new TestError("syntax error");
  return v;
}

const expr: Command = async (ctx) => {
  try {
    const v = evalExpr(ctx.args);
    await out(ctx, v + "\n");
    return v === "" || v === "0" ? 1 : 0;
  } catch (e) {
    if (e instanceof TestError) return fail(ctx, e.message, 2);
    throw e;
  }
};

export const testCommands: [string, Command][] = [
  ["test", test],
  ["[", test],
  ["expr", expr],
];

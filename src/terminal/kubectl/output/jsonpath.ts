// kubectl's JSONPath templates: text, `{.a.b}`, `{.items[*].x}`, `[n]`, `[a:b]`, `['key']`,
// `..` (recursive), filters `[?(@.type=="Ready")]`, `{range ...}{end}` and quoted literals such
// as `{"\n"}`. Missing keys print nothing (kubectl sets AllowMissingKeys). Mirrors
// k8s.io/client-go/util/jsonpath (parser.go, jsonpath.go).
import { fail } from "../errors";
import { goJsonCompact } from "./json";

type Node = { t: "text"; s: string } | { t: "expr"; path: string } | { t: "range"; path: string; body: Node[] };

export function parseJsonPath(template: string): Node[] {
  const tokens: { t: "text" | "expr"; s: string }[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    if (open < 0) { tokens.push({ t: "text", s: template.slice(i) }); break; }
    if (open > i) tokens.push({ t: "text", s: template.slice(i, open) });
    let depth = 0, j = open, quote = "";
    for (; j < template.length; j++) {
      const c = template[j]!;
      if (quote) {
        // parser.go parseQuote: a quoted string ends at its quote, never at a line end.
        if (c === "\n") throw fail(`error parsing jsonpath ${template}, unterminated quoted string`);
        if (c === "\\") j++; else if (c === quote) quote = "";
        continue;
      }
      if (c === '"' || c === "'") quote = c;
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) break;
    }
    if (j >= template.length) throw fail(`error parsing jsonpath ${template}, unclosed action`);
    tokens.push({ t: "expr", s: template.slice(open + 1, j).trim() });
    i = j + 1;
  }
  const [nodes] = build(tokens, 0, template);
  return nodes;
}

function build(tokens: { t: "text" | "expr"; s: string }[], start: number, tpl: string): [Node[], number] {
  const out: Node[] = [];
  for (let i = start; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.t === "text") { out.push({ t: "text", s: tok.s }); continue; }
    if (tok.s === "end") return [out, i];
    if (tok.s.startsWith("range ")) {
      const [body, end] = build(tokens, i + 1, tpl);
      if (end >= tokens.length) throw fail(`error parsing jsonpath ${tpl}, not in range`);
      out.push({ t: "range", path: tok.s.slice(6).trim(), body });
      i = end;
      continue;
    }
    const q = /^"((?:[^"\\]|\\.)*)"$/.exec(tok.s) ?? /^'((?:[^'\\]|\\.)*)'$/.exec(tok.s);
    if (q) out.push({ t: "text", s: unescape(q[1]!) });
    else out.push({ t: "expr", path: tok.s });
  }
  return [out, tokens.length];
}

function unescape(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => ({ n: "\n", t: "\t", r: "\r" } as Record<string, string>)[c] ?? c);
}

/** Evaluate a path like `.items[*].metadata.name` against `data`, returning every match. */
export function evalPath(path: string, data: unknown): unknown[] {
  let cur: unknown[] = [data];
  const steps = splitSteps(path.startsWith("$") ? path.slice(1) : path);
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of cur) applyStep(step, v, next);
    cur = next;
  }
  return cur;
}

function splitSteps(path: string): string[] {
  const steps: string[] = [];
  let i = 0;
  while (i < path.length) {
    if (path.startsWith("..", i)) { steps.push(".."); i += 2; continue; }
    if (path[i] === ".") { i++; continue; }
    if (path[i] === "[") {
      let depth = 0, j = i, quote = "";
      for (; j < path.length; j++) {
        const c = path[j]!;
        if (quote) { if (c === quote) quote = ""; continue; }
        if (c === '"' || c === "'") quote = c;
        else if (c === "[") depth++;
        else if (c === "]" && --depth === 0) break;
      }
      steps.push(path.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < path.length && path[j] !== "." && path[j] !== "[") j++;
    steps.push(path.slice(i, j));
    i = j;
  }
  return steps;
}

function applyStep(step: string, v: unknown, out: unknown[]): void {
  if (step === "..") { recurse(v, out); return; }
  if (!step.startsWith("[")) {
    if (step === "*") { if (v && typeof v === "object") out.push(...Object.values(v as object)); return; }
    if (v && typeof v === "object" && !Array.isArray(v) && step in (v as object)) out.push((v as Record<string, unknown>)[step]);
    return;
  }
  const inner = step.slice(1, -1).trim();
  if (inner === "*") { if (Array.isArray(v)) out.push(...v); else if (v && typeof v === "object") out.push(...Object.values(v as object)); return; }
  const key = /^['"](.*)['"]$/.exec(inner);
  if (key) { if (v && typeof v === "object" && key[1]! in (v as object)) out.push((v as Record<string, unknown>)[key[1]!]); return; }
  if (!Array.isArray(v)) return;
  if (inner.startsWith("?(")) { for (const item of v) if (filter(inner.slice(2, -1), item)) out.push(item); return; }
  const slice = /^(-?\d*)(?::(-?\d*))?(?::(\d*))?$/.exec(inner);
  if (!slice) throw fail(`invalid array index ${inner}`);
  const n = v.length;
  const norm = (x: string | undefined, d: number) => (x === undefined || x === "" ? d : Number(x) < 0 ? n + Number(x) : Number(x));
  if (slice[2] === undefined) {
    const idx = norm(slice[1], 0);
    if (idx < 0 || idx >= n) throw fail(`array index out of bounds: index ${slice[1]}, length ${n}`);
    out.push(v[idx]);
    return;
  }
  const from = norm(slice[1], 0), to = Math.min(norm(slice[2], n), n), stepN = slice[3] ? Number(slice[3]) : 1;
  for (let k = Math.max(from, 0); k < to; k += stepN) out.push(v[k]);
}

function recurse(v: unknown, out: unknown[]): void {
  out.push(v);
  if (v && typeof v === "object") for (const c of Object.values(v as object)) recurse(c, out);
}

function filter(expr: string, item: unknown): boolean {
  const m = /^(@[^\s=!<>]*)\s*(==|!=|<=|>=|<|>)\s*(.+)$/.exec(expr.trim());
  if (!m) return evalPath(expr.trim().replace(/^@/, ""), item).length > 0;
  const left = evalPath(m[1]!.slice(1), item);
  if (!left.length) return false;
  const raw = m[3]!.trim();
  const right: unknown = /^['"].*['"]$/.test(raw) ? raw.slice(1, -1) : Number.isNaN(Number(raw)) ? raw : Number(raw);
  const l = left[0];
  switch (m[2]) {
    case "==": return l === right || String(l) === String(right);
    case "!=": return String(l) !== String(right);
    case "<": return Number(l) < Number(right);
    case ">": return Number(l) > Number(right);
    case "<=": return Number(l) <= Number(right);
    default: return Number(l) >= Number(right);
  }
}

/** Text of one value as jsonpath prints it: strings raw, objects and lists as compact JSON. */
export function valueText(v: unknown): string {
  if (typeof v === "string") return v;
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "object") return goJsonCompact(v);
  return String(v);
}

export function executeJsonPath(nodes: Node[], data: unknown): string {
  let out = "";
  for (const n of nodes) {
    if (n.t === "text") out += n.s;
    else if (n.t === "expr") out += evalPath(n.path, data).map(valueText).join(" ");
    else for (const item of evalPath(n.path, data)) out += executeJsonPath(n.body, item);
  }
  return out;
}

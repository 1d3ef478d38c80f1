// The basics of Go's text/template as `kubectl -o go-template` uses it: `{{.a.b}}`,
// `{{range .items}}...{{end}}`, `{{if .x}}...{{else}}...{{end}}`, `{{index .m "key"}}`,
// `{{"\n"}}`, `{{printf "%s" .x}}`. A missing key prints `<no value>`. Mirrors text/template's
// exec.go for this subset.
import { fail } from "../errors";

type Node = { t: "text"; s: string } | { t: "act"; e: string } | { t: "range" | "if"; e: string; body: Node[]; alt: Node[] };

export function goTemplate(tpl: string, data: unknown): string {
  const toks = tpl.split(/(\{\{-?\s*[\s\S]*?\s*-?\}\})/).filter((s) => s !== "");
  const [nodes] = parse(toks, 0);
  return exec(nodes, data);
}

function parse(toks: string[], i: number): [Node[], number, string] {
  const out: Node[] = [];
  let cur = out;
  const alt: Node[] = [];
  for (; i < toks.length; i++) {
    const t = toks[i]!;
    if (!t.startsWith("{{")) { cur.push({ t: "text", s: t }); continue; }
    const e = t.replace(/^\{\{-?\s*/, "").replace(/\s*-?\}\}$/, "");
    if (e === "end") return [out, i, "end"];
    if (e === "else") { cur = alt; (out as Node[] & { alt?: Node[] }).alt = alt; continue; }
    const m = /^(range|if)\s+(.*)$/.exec(e);
    if (m) {
      const [body, end] = parse(toks, i + 1);
      const a = (body as Node[] & { alt?: Node[] }).alt ?? [];
      cur.push({ t: m[1] as "range" | "if", e: m[2]!, body, alt: a });
      i = end;
      continue;
    }
    cur.push({ t: "act", e });
  }
  return [out, i, ""];
}

function exec(nodes: Node[], dot: unknown): string {
  let s = "";
  for (const n of nodes) {
    if (n.t === "text") s += n.s;
    else if (n.t === "act") s += text(evalExpr(n.e, dot));
    else if (n.t === "if") s += truthy(evalExpr(n.e, dot)) ? exec(n.body, dot) : exec(n.alt, dot);
    else {
      const v = evalExpr(n.e, dot);
      const items = Array.isArray(v) ? v : v && typeof v === "object" ? Object.keys(v).sort().map((k) => (v as Record<string, unknown>)[k]) : [];
      s += items.length ? items.map((it) => exec(n.body, it)).join("") : exec(n.alt, dot);
    }
  }
  return s;
}

function args(e: string): string[] {
  return e.match(/"(?:[^"\\]|\\.)*"|\S+/g) ?? [];
}

function evalExpr(e: string, dot: unknown): unknown {
  const [head, ...rest] = args(e);
  if (head === undefined) return undefined;
  if (head === "index") { let v = term(rest[0]!, dot); for (const k of rest.slice(1)) v = (v as Record<string, unknown> | undefined)?.[String(term(k, dot))]; return v; }
  if (head === "printf") { const fmt = String(term(rest[0]!, dot)); let i = 1; return fmt.replace(/%[sdv]/g, () => text(term(rest[i++] ?? "", dot))); }
  if (head === "len") { const v = term(rest[0]!, dot); return Array.isArray(v) ? v.length : v && typeof v === "object" ? Object.keys(v).length : String(v ?? "").length; }
  if (rest.length) throw fail(`error parsing template ${e}`);
  return term(head, dot);
}

function term(t: string, dot: unknown): unknown {
  if (t.startsWith('"')) return JSON.parse(t);
  if (/^-?\d+$/.test(t)) return Number(t);
  if (t === ".") return dot;
  if (!t.startsWith(".")) throw fail(`template: output:1: function "${t}" not defined`);
  let v: unknown = dot;
  for (const k of t.slice(1).split(".")) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

function truthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (v && typeof v === "object") return Object.keys(v).length > 0;
  return !!v;
}

function text(v: unknown): string {
  if (v === undefined) return "<no value>";
  if (v === null) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(text).join(" ")}]`;
  if (typeof v === "object") return `map[${Object.keys(v).sort().map((k) => `${k}:${text((v as Record<string, unknown>)[k])}`).join(" ")}]`;
  return String(v);
}

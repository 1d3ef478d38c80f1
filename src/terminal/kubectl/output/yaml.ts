// YAML output as kubectl -o yaml writes it: the object through JSON into go-yaml v2, so keys
// are sorted (v2's natural key order), sequences inside mappings are not indented, empty maps
// and lists are `{}` / `[]`. Mirrors sigs.k8s.io/yaml (JSONToYAML) and gopkg.in/yaml.v2 sorter.go.
import { formatString } from "./yaml-scalar";

export function toYaml(value: unknown): string {
  if (isScalarLike(value)) return scalar(value, 0, 2) + "\n";
  return block(value, 0);
}

function isScalarLike(v: unknown): boolean {
  if (v === null || typeof v !== "object") return true;
  if (Array.isArray(v)) return v.length === 0;
  return Object.keys(v as object).length === 0;
}

function scalar(v: unknown, column: number, indent: number): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "boolean") return String(v);
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : goFloat(v);
  if (typeof v === "string") return formatString(v, column, indent);
  if (Array.isArray(v)) return "[]";
  return "{}";
}

function goFloat(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? ".inf" : n < 0 ? "-.inf" : ".nan";
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) return n.toExponential().replace(/e([+-])(\d)$/, "e$10$2");
  return String(n);
}

/** A mapping or sequence whose lines start at `indent`. */
function block(v: unknown, indent: number): string {
  const pad = " ".repeat(indent);
  let out = "";
  if (Array.isArray(v)) {
    for (const item of v) out += pad + "- " + inline(item, indent + 2, indent);
    return out;
  }
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o).filter((k) => o[k] !== undefined).sort(yamlKeyLess)) {
    const key = formatString(k, indent, indent + 2, true);
    const val = o[k];
    if (isScalarLike(val)) out += `${pad}${key}: ${scalar(val, indent + key.length + 2, indent + 2)}\n`;
    else if (Array.isArray(val)) out += `${pad}${key}:\n${block(val, indent)}`;
    else out += `${pad}${key}:\n${block(val, indent + 2)}`;
  }
  return out;
}

/** The rest of a `- ` line: a scalar, or the first key of a mapping and the others below it. */
function inline(v: unknown, indent: number, seqIndent: number): string {
  if (isScalarLike(v)) return scalar(v, indent, seqIndent + 2) + "\n";
  if (Array.isArray(v)) return block(v, indent).slice(indent);
  return block(v, indent).slice(indent);
}

/** gopkg.in/yaml.v2 keyList.Less: letters compare as runes, digit runs numerically, other characters before letters. */
export function yamlKeyLess(a: string, b: string): number {
  const ar = [...a], br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!), bl = isLetter(br[i]!);
    if (al && bl) return ar[i]! < br[i]! ? -1 : 1;
    if (al || bl) return bl ? -1 : 1;
    let an = 0, bn = 0, ai = i, bi = i;
    if (ar[i] === "0" || br[i] === "0") {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) if (ar[j] !== "0") { an = 1; bn = 1; break; }
    }
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn ? -1 : 1;
    if (ai !== bi) return ai < bi ? -1 : 1;
    return ar[i]! < br[i]! ? -1 : 1;
  }
  return ar.length - br.length;
}

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string) => c >= "0" && c <= "9";

// JSON the way kubectl's JSONPrinter writes it: Go's json.MarshalIndent with four spaces, map keys
// sorted (objects are unstructured maps), and HTML characters escaped (\u003c, \u003e, \u0026).
// Mirrors k8s.io/cli-runtime/pkg/printers/json.go and encoding/json's encodeState.

export function goJson(value: unknown, indent = "    "): string {
  return enc(value, "", indent, true);
}

/** As goJson, keys in the object's own order (a typed object, see struct-order.ts). */
export function goJsonInOrder(value: unknown, indent = "    "): string {
  return enc(value, "", indent, false);
}

function enc(v: unknown, cur: string, ind: string, sort: boolean): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return goString(v);
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) {
    if (!v.length) return "[]";
    const next = cur + ind;
    return "[\n" + v.map((x) => next + enc(x, next, ind, sort)).join(",\n") + "\n" + cur + "]";
  }
  const o = v as Record<string, unknown>;
  const present = Object.keys(o).filter((k) => o[k] !== undefined);
  const keys = sort ? present.sort(compareBytes) : present;
  if (!keys.length) return "{}";
  const next = cur + ind;
  return "{\n" + keys.map((k) => `${next}${goString(k)}: ${enc(o[k], next, ind, sort)}`).join(",\n") + "\n" + cur + "}";
}

/** Compact JSON (json.Marshal): sorted keys, HTML-escaped. */
export function goJsonCompact(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return goString(v);
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return "[" + v.map(goJsonCompact).join(",") + "]";
  const o = v as Record<string, unknown>;
  return "{" + Object.keys(o).filter((k) => o[k] !== undefined).sort(compareBytes).map((k) => `${goString(k)}:${goJsonCompact(o[k])}`).join(",") + "}";
}

export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function goNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) return n.toExponential().replace(/e([+-])(\d)$/, "e$10$2");
  return String(n);
}

export function goString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || ch === "<" || ch === ">" || ch === "&" || c === 0x2028 || c === 0x2029) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += ch;
  }
  return out + '"';
}

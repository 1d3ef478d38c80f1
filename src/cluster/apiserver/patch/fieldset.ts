// Sets of field paths in structured-merge-diff's FieldsV1 form (sigs.k8s.io/structured-merge-diff
// fieldpath/set.go and serialize.go): a tree whose child keys are `f:<field>`, `k:{"name":"x"}`
// (list item by its keys), `v:<json>` (set item) or `i:<n>`, and whose `.` marks a member that
// also has children. Path strings for conflicts as fieldpath.Path.String: `.spec.containers[name="x"].image`.
import { isObject, type JsonObject } from "./patch-meta";

export interface FieldSet { member: boolean; children: Map<string, FieldSet> }

export const emptySet = (): FieldSet => ({ member: false, children: new Map() });

export function isEmptySet(s: FieldSet): boolean {
  return !s.member && [...s.children.values()].every(isEmptySet);
}

export function insertPath(s: FieldSet, path: string[]): void {
  let cur = s;
  for (const pe of path) {
    let next = cur.children.get(pe);
    if (!next) cur.children.set(pe, (next = emptySet()));
    cur = next;
  }
  cur.member = true;
}

export function childAt(s: FieldSet | undefined, pe: string): FieldSet | undefined {
  return s?.children.get(pe);
}

export function union(a: FieldSet, b: FieldSet): FieldSet {
  const out: FieldSet = { member: a.member || b.member, children: new Map() };
  for (const k of new Set([...a.children.keys(), ...b.children.keys()])) {
    const x = a.children.get(k);
    const y = b.children.get(k);
    out.children.set(k, x && y ? union(x, y) : structuredClone((x ?? y)!));
  }
  return prune(out);
}

/** Members of `a` that are not members of `b` (Set.Difference). */
export function difference(a: FieldSet, b: FieldSet | undefined): FieldSet {
  const out: FieldSet = { member: a.member && !b?.member, children: new Map() };
  for (const [k, x] of a.children) out.children.set(k, difference(x, b?.children.get(k)));
  return prune(out);
}

export function intersection(a: FieldSet, b: FieldSet): FieldSet {
  const out: FieldSet = { member: a.member && b.member, children: new Map() };
  for (const [k, x] of a.children) {
    const y = b.children.get(k);
    if (y) out.children.set(k, intersection(x, y));
  }
  return prune(out);
}

function prune(s: FieldSet): FieldSet {
  for (const [k, c] of s.children) if (isEmptySet(c)) s.children.delete(k);
  return s;
}

/** Every member path (leaves and inner members), depth first in serialization order. */
export function memberPaths(s: FieldSet, prefix: string[] = []): string[][] {
  const out: string[][] = [];
  if (s.member && prefix.length) out.push(prefix);
  for (const k of sortedKeys(s)) out.push(...memberPaths(s.children.get(k)!, [...prefix, k]));
  return out;
}

const KIND_ORDER: Record<string, number> = { f: 0, k: 1, v: 2, i: 3 };

function sortedKeys(s: FieldSet): string[] {
  return [...s.children.keys()].sort((a, b) => {
    const d = (KIND_ORDER[a[0]] ?? 9) - (KIND_ORDER[b[0]] ?? 9);
    if (d) return d;
    if (a[0] === "i") return Number(a.slice(2)) - Number(b.slice(2));
    return a < b ? -1 : a > b ? 1 : 0;
  });
}

/** The FieldsV1 JSON object of a set. */
export function toFieldsV1(s: FieldSet): JsonObject {
  const out: JsonObject = {};
  if (s.member && s.children.size) out["."] = {};
  for (const k of sortedKeys(s)) out[k] = toFieldsV1(s.children.get(k)!);
  return out;
}

export function fromFieldsV1(v: unknown): FieldSet {
  const s = emptySet();
  if (!isObject(v)) return s;
  for (const [k, c] of Object.entries(v)) {
    if (k === ".") s.member = true;
    else {
      const child = fromFieldsV1(c);
      if (!isObject(c) || Object.keys(c).length === 0) child.member = true;
      s.children.set(k, child);
    }
  }
  return s;
}

/** A path element for a list item keyed by `keys` (JSON of the key fields, sorted by name). */
export function keyElement(item: JsonObject, keys: string[]): string {
  const o: JsonObject = {};
  for (const k of [...keys].sort()) if (k in item) o[k] = item[k];
  return `k:${JSON.stringify(o)}`;
}

export const fieldElement = (name: string) => `f:${name}`;
export const valueElement = (v: unknown) => `v:${JSON.stringify(v)}`;

/** fieldpath.Path.String. */
export function pathString(path: string[]): string {
  return path.map((pe) => {
    const rest = pe.slice(2);
    if (pe.startsWith("f:")) return `.${rest}`;
    if (pe.startsWith("v:")) return `[=${rest}]`;
    if (pe.startsWith("i:")) return `[${rest}]`;
    const o = JSON.parse(rest) as JsonObject;
    return `[${Object.entries(o).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(",")}]`;
  }).join("");
}

// Field sets computed from objects, as structured-merge-diff's typed/tofieldset.go (the fields an
// apply configuration sets) and typed/compare.go (what an update added, modified and removed).
// List and map kinds come from the PatchMetaLookup (x-kubernetes-list-type or the patch strategy).
import { emptySet, fieldElement, insertPath, keyElement, valueElement, type FieldSet } from "./fieldset";
import { deepEqual, isObject, listShape, type PatchMetaLookup } from "./patch-meta";

/** The set of fields a value sets (ToFieldSet). */
export function toFieldSet(value: unknown, lookup: PatchMetaLookup): FieldSet {
  const set = emptySet();
  const walk = (v: unknown, schema: string[], path: string[]): void => {
    const member = () => { if (path.length) insertPath(set, path); };
    if (isObject(v)) {
      if (schema.length && lookup(schema)?.mapType === "atomic") return member();
      for (const [k, c] of Object.entries(v)) {
        const child = [...path, fieldElement(k)];
        walk(c, [...schema, k], child);
        if (c === null || (isObject(c) && Object.keys(c).length === 0)) insertPath(set, child);
      }
    } else if (Array.isArray(v)) {
      const shape = listShape(lookup(schema));
      if (shape.type === "atomic") return member();
      for (const item of v) {
        if (shape.type === "set" || !isObject(item)) insertPath(set, [...path, valueElement(item)]);
        else {
          const pe = [...path, keyElement(item, shape.keys)];
          walk(item, schema, pe);
          insertPath(set, pe);
        }
      }
    } else member();
  };
  walk(value, [], []);
  return set;
}

export interface Comparison { added: FieldSet; modified: FieldSet; removed: FieldSet }

/** What changed from `lhs` to `rhs` (Compare); `undefined` stands for an absent field. */
export function compareValues(lhs: unknown, rhs: unknown, lookup: PatchMetaLookup): Comparison {
  const c: Comparison = { added: emptySet(), modified: emptySet(), removed: emptySet() };
  const walk = (l: unknown, r: unknown, schema: string[], path: string[]): void => {
    if (l === undefined && r === undefined) return;
    // A null list or map (a Go nil field) compares as an empty one: its items are added or removed.
    if (l === null && (Array.isArray(r) || isObject(r))) l = Array.isArray(r) ? [] : {};
    if (r === null && (Array.isArray(l) || isObject(l))) r = Array.isArray(l) ? [] : {};
    if (path.length && l === undefined) insertPath(c.added, path);
    if (path.length && r === undefined) insertPath(c.removed, path);
    const both = l !== undefined && r !== undefined;
    const kindL = Array.isArray(l) ? "array" : isObject(l) ? "object" : "scalar";
    const kindR = Array.isArray(r) ? "array" : isObject(r) ? "object" : "scalar";
    if (both && kindL !== kindR) {
      if (path.length) insertPath(c.modified, path);
      return;
    }
    const kind = l === undefined ? kindR : kindL;
    if (kind === "object") {
      if (schema.length && lookup(schema)?.mapType === "atomic") {
        if (both && !deepEqual(l, r) && path.length) insertPath(c.modified, path);
        return;
      }
      const lo = (l ?? {}) as Record<string, unknown>;
      const ro = (r ?? {}) as Record<string, unknown>;
      for (const k of new Set([...Object.keys(lo), ...Object.keys(ro)])) {
        walk(l === undefined ? undefined : lo[k], r === undefined ? undefined : ro[k], [...schema, k], [...path, fieldElement(k)]);
      }
    } else if (kind === "array") {
      const shape = listShape(lookup(schema));
      if (shape.type === "atomic") {
        if (both && !deepEqual(l, r)) insertPath(c.modified, path);
        return;
      }
      const items = (v: unknown) => new Map(((v ?? []) as unknown[]).map((item) => [
        shape.type === "map" && isObject(item) ? keyElement(item, shape.keys) : valueElement(item), item,
      ]));
      const li = items(l);
      const ri = items(r);
      for (const pe of new Set([...li.keys(), ...ri.keys()])) {
        const sub = [...path, pe];
        if (pe.startsWith("v:")) {
          if (!li.has(pe)) insertPath(c.added, sub);
          if (!ri.has(pe)) insertPath(c.removed, sub);
        } else walk(li.get(pe), ri.get(pe), schema, sub);
      }
    } else if (both && !deepEqual(l, r) && path.length) insertPath(c.modified, path);
  };
  walk(lhs, rhs, [], []);
  return c;
}

// The plaintext template of kubectl explain (pkg/explain/v2/templates/plaintext.tmpl, v0.32) as
// code: GROUP/KIND/VERSION from the path operations, then for the field path either
// "FIELD: name <type>" with its ENUM, DESCRIPTION (wrapped at 76, indented 4) and FIELDS (each
// "name\t<type> -required-", enum preview, description wrapped at 78 - indent), or with
// --recursive the field tree. $ref cycles stop the walk as the template's history does.
import type { Json } from "../go-format";
import { wrapString } from "./wordwrap";
import type { Gvr } from "./mapping";

type History = Record<string, true>;

export class ExplainError { constructor(readonly message: string) {} }

const indent = (amount: number, s: string) => { const pad = " ".repeat(amount); return pad + s.split("\n").join(`\n${pad}`); };
const isObj = (v: unknown): v is Json => !!v && typeof v === "object" && !Array.isArray(v);
const mapAP = (s: Json) => isObj(s.additionalProperties);

function resolveRef(ref: unknown, doc: Json): Json | undefined {
  if (typeof ref !== "string" || !ref.startsWith("#")) return undefined;
  let cur: unknown = doc;
  for (const k of ref.slice(1).split("/")) {
    if (!k) continue;
    if (!isObj(cur) || !isObj(cur[k])) return undefined;
    cur = cur[k];
  }
  return cur as Json;
}

export function typeGuess(s: Json, doc: Json): string {
  if (s.items) return `[]${typeGuess(s.items, doc)}`;
  if (mapAP(s)) return `map[string]${typeGuess(s.additionalProperties, doc)}`;
  if (Array.isArray(s.allOf) && !s.properties && s.allOf.length === 1) return typeGuess(s.allOf[0], doc);
  if (s.$ref) {
    const ref = resolveRef(s.$ref, doc);
    if (!ref || !ref.type || ref.type === "object") return String(s.$ref).split("/").pop()!.split(".").pop() || "Object";
    return String(ref.type);
  }
  return s.type === "object" ? "Object" : s.type ? String(s.type) : "Object";
}

function extractEnum(s: Json, longView: boolean, limit: number, indentAmount = 0): string {
  if (!Array.isArray(s.enum) || s.enum.length === 0) return "";
  let out = longView ? "ENUM:" : `\n${" ".repeat(indentAmount)}enum: `;
  for (let i = 0; i < s.enum.length; i++) {
    if (limit > -1 && i >= limit) { out += ", ...."; break; }
    if (i > 0 && !longView) out += ", ";
    else if (longView) out += "\n    ";
    const el = s.enum[i];
    out += el === "" ? `""` : String(el);
  }
  return out;
}

function description(s: Json, doc: Json): string {
  const r = resolveRef(s.$ref, doc) ?? s;
  let out = r.description ? `${r.description}\n` : "";
  for (const a of (r.allOf ?? []) as Json[]) out += description(a, doc);
  if (r.items) out += description(r.items, doc);
  if (mapAP(r)) out += description(r.additionalProperties, doc);
  return out;
}

function fieldDetail(name: string, parent: Json, short: boolean, level: number, doc: Json): string {
  const amount = level * 2;
  const f = parent.properties[name] as Json;
  let out = `${indent(amount, name)}\t<${typeGuess(f, doc)}>`;
  if (Array.isArray(parent.required) && parent.required.includes(name)) out += " -required-";
  out += extractEnum(f, false, 4, amount);
  out += "\n";
  if (!short) out += `${indent(amount + 2, wrapString(f.description || "<no description>", 78 - amount))}\n\n`;
  return out;
}

function fieldList(s: Json, level: number, recursive: boolean, doc: Json, history: History): string {
  const ref = typeof s.$ref === "string" ? s.$ref : "";
  if (ref && history[ref]) return "";
  const next = { ...history, [ref]: true as const };
  const r = resolveRef(ref, doc) ?? s;
  let out = "";
  for (const k of Object.keys(r.properties ?? {}).sort()) {
    out += fieldDetail(k, r, recursive, level, doc);
    if (recursive) out += fieldList(r.properties[k], level + 1, recursive, doc, next);
  }
  for (const a of (r.allOf ?? []) as Json[]) out += fieldList(a, level, recursive, doc, next);
  if (r.items) out += fieldList(r.items, level, recursive, doc, next);
  if (mapAP(r)) out += fieldList(r.additionalProperties, level, recursive, doc, next);
  return out;
}

function output(s: Json, path: string[], recursive: boolean, doc: Json, history: History): string {
  const ref = typeof s.$ref === "string" ? s.$ref : "";
  const next = { ...history, [ref]: true as const };
  const r = resolveRef(ref, doc) ?? s;
  if (path.length === 0) {
    let out = `DESCRIPTION:\n${indent(4, wrapString(description(r, doc) || "<empty>", 76))}\n`;
    const fields = fieldList(r, 1, recursive, doc, {});
    if (fields) out += `FIELDS:\n${fields}`;
    return out;
  }
  if (ref && history[ref]) return "";
  if (isObj(r.properties) && r.properties[path[0]]) {
    const sub = r.properties[path[0]] as Json;
    let out = "";
    if (path.length === 1) out += `FIELD: ${path[0]} <${typeGuess(sub, doc)}>\n${extractEnum(sub, true, -1)}\n\n`;
    return out + output(sub, path.slice(1), recursive, doc, {});
  }
  if (r.items) return output(r.items, path, recursive, doc, next);
  if (mapAP(r)) return output(r.additionalProperties, path, recursive, doc, next);
  for (const a of (r.allOf ?? []) as Json[]) {
    const o = output(a, path, recursive, doc, next);
    if (o) return o;
  }
  return "";
}

const sameGvk = (a: Json, b: Json) => a.group === b.group && a.version === b.version && a.kind === b.kind && Object.keys(a).length === Object.keys(b).length;

/** Renders the document; `out` receives what the template wrote before an error, as kubectl prints it. */
export function render(doc: Json, gvr: Gvr, fieldPath: string[], recursive: boolean): { text: string; error?: string } {
  const prefix = gvr.group ? `/apis/${gvr.group}` : "/api";
  const searchPaths = [
    `${prefix}/${gvr.version}/${gvr.resource}`, `${prefix}/${gvr.version}/${gvr.resource}/{name}`,
    `${prefix}/${gvr.version}/namespaces/{namespace}/${gvr.resource}`, `${prefix}/${gvr.version}/namespaces/{namespace}/${gvr.resource}/{name}`,
  ];
  let gvk: Json | undefined;
  for (const p of searchPaths) {
    const el = doc.paths?.[p];
    if (!isObj(el)) continue;
    for (const m of ["get", "post", "put", "patch", "delete"]) {
      if (!isObj(el[m])) continue;
      gvk = el[m]["x-kubernetes-group-version-kind"];
      if (gvk) break;
    }
  }
  if (!gvk) return { text: "", error: `error: GVR (${gvr.group}/${gvr.version}, Resource=${gvr.resource}) not found in OpenAPI schema` };
  let text = `${gvk.group ? `GROUP:      ${gvk.group}\n` : ""}KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  const schemas = (doc.components?.schemas ?? {}) as Record<string, Json>;
  for (const name of Object.keys(schemas).sort()) {
    const s = schemas[name];
    const gvks = s["x-kubernetes-group-version-kind"];
    if (!Array.isArray(gvks) || !gvks.some((g: Json) => sameGvk(g, gvk!))) continue;
    const o = output(s, fieldPath, recursive, doc, {});
    if (!o) return { text, error: `error: field "${fieldPath[fieldPath.length - 1]}" does not exist` };
    return { text: `${text}${o}\n` };
  }
  return { text, error: `error: GVK ${gvk.group}/${gvk.version}, Kind=${gvk.kind} not found in OpenAPI schema` };
}

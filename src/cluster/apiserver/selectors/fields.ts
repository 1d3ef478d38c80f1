// Field selectors, as k8s.io/apimachinery/pkg/fields/selector.go (ParseSelector with escaping:
// splitTerms, splitTerm, UnescapeValue) and the apiserver's field label conversion, whose errors
// are 400 BadRequest: `field label not supported: <field>` (conversion funcs of pkg/apis/core/v1/
// conversion.go) or, for kinds without one, runtime.DefaultMetaV1FieldSelectorConversion's text.
import { badRequest } from "../status";

export interface FieldRequirement { field: string; op: "=" | "==" | "!="; value: string }

export interface FieldSelector {
  requirements: FieldRequirement[];
  matches(fields: Record<string, string>): boolean;
  /** The value the selector requires for `field` (RequiresExactMatch), if any. */
  requiresExactMatch(field: string): string | undefined;
  toString(): string;
}

const TERM_OPERATORS = ["!=", "==", "="] as const;

function splitTerms(s: string): string[] {
  if (!s) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inSlash) inSlash = false;
    else if (c === "\\") inSlash = true;
    else if (c === ",") { terms.push(s.slice(start, i)); start = i + 1; }
  }
  terms.push(s.slice(start));
  return terms;
}

function splitTerm(term: string): [string, FieldRequirement["op"], string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of TERM_OPERATORS) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

export function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = "";
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== "\\" && c !== "," && c !== "=") throw badRequest(`invalid field selector: invalid escape sequence: \\${c}`);
      out += c;
      inSlash = false;
    } else if (c === "\\") inSlash = true;
    else if (c === "," || c === "=") throw badRequest(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    else out += c;
  }
  if (inSlash) throw badRequest("invalid field selector: invalid escape sequence: \\");
  return out;
}

/** EscapeValue: a value for a field selector string. */
export const escapeValue = (v: string) => v.replace(/\\/g, "\\\\").replace(/,/g, "\\,").replace(/=/g, "\\=");

/** fields.ParseSelector: the `fieldSelector` query parameter. */
export function parseFieldSelector(selector: string): FieldSelector {
  const requirements: FieldRequirement[] = [];
  for (const part of splitTerms(selector).sort()) {
    if (part === "") continue;
    const t = splitTerm(part);
    if (!t) throw badRequest(`invalid selector: '${selector}'; can't understand '${part}'`);
    requirements.push({ field: t[0], op: t[1], value: unescapeValue(t[2]) });
  }
  return {
    requirements,
    matches: (fields) => requirements.every((r) => (r.op === "!=" ? (fields[r.field] ?? "") !== r.value : (fields[r.field] ?? "") === r.value)),
    requiresExactMatch: (field) => requirements.find((r) => r.field === field && r.op !== "!=")?.value,
    toString: () => requirements.map((r) => `${r.field}${r.op === "!=" ? "!=" : "="}${escapeValue(r.value)}`).join(","),
  };
}

/**
 * The field label conversion of a kind with its own conversion func (pods, nodes, events,
 * namespaces, secrets, services, replicationcontrollers, ...): an unknown field is
 * `field label not supported: <field>`. kubectl itself prefixes `Unable to find "<gvr>" that match
 * label selector "", field selector "...": ` when it prints the error, so the server sends only this.
 * `resource` is kept for callers and traces; upstream's message does not name it.
 */
export function checkFieldsSupported(sel: FieldSelector, supported: string[], resource: string): void {
  void resource;
  for (const r of sel.requirements) {
    if (!supported.includes(r.field)) throw badRequest(`field label not supported: ${r.field}`);
  }
}

/** runtime.DefaultMetaV1FieldSelectorConversion, for kinds that register no conversion func. */
export function checkDefaultFieldsSupported(sel: FieldSelector): void {
  for (const r of sel.requirements) {
    if (r.field !== "metadata.name" && r.field !== "metadata.namespace") {
      throw badRequest(`${JSON.stringify(r.field)} is not a known field selector: only "metadata.name", "metadata.namespace"`);
    }
  }
}

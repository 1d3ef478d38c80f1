// Label selectors, as k8s.io/apimachinery/pkg/labels/selector.go (Parse, Requirement, Matches,
// String) and metav1.LabelSelectorAsSelector (apis/meta/v1/helpers.go). Syntax errors are 400
// BadRequest with upstream's text, e.g. `unable to parse requirement: found '', expected: ',' or ')'`.
import { badRequest } from "../status";
import { scan, type ScannedItem, type Token } from "./label-lexer";
import { isQualifiedName, isValidLabelValue } from "./label-validation";

export type Operator = "in" | "notin" | "=" | "==" | "!=" | "gt" | "lt" | "exists" | "!";

export interface Requirement { key: string; operator: Operator; values: string[] }

export interface LabelMatcher {
  (labels: Record<string, string> | undefined): boolean;
  requirements: Requirement[];
  /** labels.Selector.String(): requirements sorted by key, e.g. `app=web,tier in (a,b)`. */
  toString(): string;
}

class ParseError extends Error {}

const BINARY_OPERATORS = ["in", "notin", "=", "==", "!=", "gt", "lt"];

const fieldError = (field: string, value: string, detail: string) => `${field}: Invalid value: ${JSON.stringify(value)}: ${detail}`;

/** NewRequirement: validates key and values; the error is the aggregate of field errors. */
export function newRequirement(key: string, operator: Operator, values: string[]): Requirement {
  const errs: string[] = [];
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length) errs.push(fieldError("key", key, keyErrs.join("; ")));
  if ((operator === "in" || operator === "notin") && values.length === 0) {
    errs.push("values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty");
  }
  if ((operator === "=" || operator === "==" || operator === "!=") && values.length !== 1) {
    errs.push(`values: Invalid value: []string{${values.map((v) => JSON.stringify(v)).join(", ")}}: exact-match compatibility requires one single value`);
  }
  if ((operator === "gt" || operator === "lt")) {
    if (values.length !== 1) errs.push(`values: Invalid value: []string{${values.map((v) => JSON.stringify(v)).join(", ")}}: for 'Gt', 'Lt' operators, exactly one value is required`);
    values.forEach((v, i) => { if (!/^[-+]?\d+$/.test(v)) errs.push(fieldError(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer")); });
  }
  values.forEach((v, i) => {
    const ve = isValidLabelValue(v);
    if (ve.length) errs.push(fieldError(`values[${i}][${key}]`, v, ve.join("; ")));
  });
  if (errs.length) throw new ParseError(errs.length === 1 ? errs[0] : `[${errs.join(", ")}]`);
  return { key, operator, values };
}

export function requirementMatches(r: Requirement, labels: Record<string, string> | undefined): boolean {
  const has = !!labels && Object.prototype.hasOwnProperty.call(labels, r.key);
  const val = has ? labels![r.key] : "";
  switch (r.operator) {
    case "in": case "=": case "==": return has && r.values.includes(val);
    case "notin": case "!=": return !has || !r.values.includes(val);
    case "exists": return has;
    case "!": return !has;
    case "gt": case "lt": {
      if (!has || !/^[-+]?\d+$/.test(val) || r.values.length !== 1) return false;
      const a = BigInt(val);
      const b = BigInt(r.values[0]);
      return r.operator === "gt" ? a > b : a < b;
    }
  }
}

export function requirementString(r: Requirement): string {
  const vals = r.values.length === 1 ? r.values[0] : [...r.values].sort().join(",");
  switch (r.operator) {
    case "!": return `!${r.key}`;
    case "exists": return r.key;
    case "in": return `${r.key} in (${vals})`;
    case "notin": return `${r.key} notin (${vals})`;
    case "gt": return `${r.key}>${vals}`;
    case "lt": return `${r.key}<${vals}`;
    default: return `${r.key}${r.operator}${vals}`;
  }
}

/** A matcher for requirements (AND); sorted by key as upstream does. */
export function selectorFromRequirements(reqs: Requirement[], nothing = false): LabelMatcher {
  const sorted = [...reqs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const fn = ((labels: Record<string, string> | undefined) => !nothing && sorted.every((r) => requirementMatches(r, labels))) as LabelMatcher;
  fn.requirements = sorted;
  fn.toString = () => sorted.map(requirementString).join(",");
  return fn;
}

/** labels.Parse: the `labelSelector` query parameter. */
export function parseLabelSelector(s: string): LabelMatcher {
  try {
    return selectorFromRequirements(new Parser(s).parse());
  } catch (e) {
    if (e instanceof ParseError) throw badRequest(e.message);
    throw e;
  }
}

class Parser {
  private items: ScannedItem[];
  private position = 0;
  constructor(s: string) { this.items = scan(s); }

  private tokenIn(values: boolean, item: ScannedItem): [Token, string] {
    const tok = values && (item.tok === "In" || item.tok === "NotIn") ? "Identifier" : item.tok;
    return [tok, item.literal];
  }
  private lookahead(values: boolean) { return this.tokenIn(values, this.items[this.position]); }
  private consume(values: boolean) { return this.tokenIn(values, this.items[this.position++]); }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const [tok, lit] = this.lookahead(true);
      if (tok === "Identifier" || tok === "DoesNotExist") {
        try {
          reqs.push(this.parseRequirement());
        } catch (e) {
          if (e instanceof ParseError) throw new ParseError(`unable to parse requirement: ${e.message}`);
          throw e;
        }
        const [t, l] = this.consume(true);
        if (t === "EndOfString") return reqs;
        if (t === "Comma") {
          const [t2, l2] = this.lookahead(true);
          if (t2 !== "Identifier" && t2 !== "DoesNotExist") throw new ParseError(`found '${l2}', expected: identifier after ','`);
        } else throw new ParseError(`found '${l}', expected: ',' or 'end of string'`);
      } else if (tok === "EndOfString") return reqs;
      else throw new ParseError(`found '${lit}', expected: !, identifier, or 'end of string'`);
    }
  }

  private parseRequirement(): Requirement {
    let operator: Operator | "" = "";
    let [tok, literal] = this.consume(true);
    if (tok === "DoesNotExist") {
      operator = "!";
      [tok, literal] = this.consume(true);
    }
    if (tok !== "Identifier") throw new ParseError(`found '${literal}', expected: identifier`);
    const keyErrs = isQualifiedName(literal);
    if (keyErrs.length) throw new ParseError(fieldError("<nil>", literal, keyErrs.join("; ")));
    const [next] = this.lookahead(true);
    if (next === "EndOfString" || next === "Comma") {
      if (operator !== "!") operator = "exists";
    }
    if (operator === "exists" || operator === "!") return newRequirement(literal, operator, []);
    const op = this.parseOperator();
    const values = op === "in" || op === "notin" ? this.parseValues() : this.parseExactValue();
    return newRequirement(literal, op, [...new Set(values)].sort());
  }

  private parseOperator(): Operator {
    const [tok, lit] = this.consume(false);
    const ops: Partial<Record<Token, Operator>> = {
      In: "in", Equals: "=", DoubleEquals: "==", GreaterThan: "gt", LessThan: "lt", NotIn: "notin", NotEquals: "!=",
    };
    const op = ops[tok];
    if (!op) throw new ParseError(`found '${lit}', expected: ${BINARY_OPERATORS.join(", ")}`);
    return op;
  }

  private parseValues(): string[] {
    let [tok, lit] = this.consume(true);
    if (tok !== "OpenPar") throw new ParseError(`found '${lit}' expected: '('`);
    [tok, lit] = this.lookahead(true);
    if (tok === "Identifier" || tok === "Comma") {
      const s = this.parseIdentifiersList();
      if (this.consume(true)[0] !== "ClosedPar") throw new ParseError(`found '${lit}', expected: ')'`);
      return s;
    }
    if (tok === "ClosedPar") {
      this.consume(true);
      return [""];
    }
    throw new ParseError(`found '${lit}', expected: ',', ')' or identifier`);
  }

  private parseIdentifiersList(): string[] {
    const s = new Set<string>();
    for (;;) {
      const [tok, lit] = this.consume(true);
      if (tok === "Identifier") {
        s.add(lit);
        const [tok2, lit2] = this.lookahead(true);
        if (tok2 === "Comma") continue;
        if (tok2 === "ClosedPar") return [...s];
        throw new ParseError(`found '${lit2}', expected: ',' or ')'`);
      } else if (tok === "Comma") {
        if (s.size === 0) s.add("");
        const [tok2] = this.lookahead(true);
        if (tok2 === "ClosedPar") { s.add(""); return [...s]; }
        if (tok2 === "Comma") s.add("");
      } else throw new ParseError(`found '${lit}', expected: ',', or identifier`);
    }
  }

  private parseExactValue(): string[] {
    const [tok] = this.lookahead(true);
    if (tok === "EndOfString" || tok === "Comma") return [""];
    const [t, lit] = this.consume(true);
    if (t === "Identifier") return [lit];
    throw new ParseError(`found '${lit}', expected: identifier`);
  }
}

export interface LabelSelectorObject {
  matchLabels?: Record<string, string> | null;
  matchExpressions?: { key: string; operator: string; values?: string[] | null }[] | null;
}

const EXPRESSION_OPERATORS: Record<string, Operator> = { In: "in", NotIn: "notin", Exists: "exists", DoesNotExist: "!" };

/** metav1.LabelSelectorAsSelector: null matches nothing, an empty selector everything. */
export function labelSelectorFromLabelSelectorObject(sel: LabelSelectorObject | null | undefined): LabelMatcher {
  if (!sel) return selectorFromRequirements([], true);
  try {
    const reqs: Requirement[] = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => newRequirement(k, "=", [v]));
    for (const e of sel.matchExpressions ?? []) {
      const op = EXPRESSION_OPERATORS[e.operator];
      if (!op) throw new ParseError(`${JSON.stringify(e.operator)} is not a valid label selector operator`);
      reqs.push(newRequirement(e.key, op, [...(e.values ?? [])]));
    }
    return selectorFromRequirements(reqs);
  } catch (e) {
    if (e instanceof ParseError) throw badRequest(e.message);
    throw e;
  }
}

/** LabelSelectorAsSelector(sel).String(), e.g. Scale's status.selector `app=web`. */
export const labelSelectorToString = (sel: LabelSelectorObject | null | undefined): string =>
  sel ? labelSelectorFromLabelSelectorObject(sel).toString() : "";

/** metav1.FormatLabelSelector, as describe prints it: `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(sel: LabelSelectorObject | null | undefined): string {
  try {
    return labelSelectorToString(sel) || "<none>";
  } catch {
    return "<error>";
  }
}

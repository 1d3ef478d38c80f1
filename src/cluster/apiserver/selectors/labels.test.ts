import { describe, expect, it } from "vitest";
import { StatusError } from "../status";
import { formatLabelSelector, labelSelectorFromLabelSelectorObject, labelSelectorToString, parseLabelSelector } from "./labels";

const err = (f: () => unknown): StatusError => { try { f(); } catch (e) { return e as StatusError; } throw new Error("no error"); };
const L = { app: "web", tier: "front", n: "5" };

describe("label selectors", () => {
  it("matches =, ==, !=, in, notin, exists and !key", () => {
    expect(parseLabelSelector("app=web")(L)).toBe(true);
    expect(parseLabelSelector("app==web,tier=front")(L)).toBe(true);
    expect(parseLabelSelector("app!=web")(L)).toBe(false);
    expect(parseLabelSelector("missing!=x")(L)).toBe(true);
    expect(parseLabelSelector("tier in (back, front)")(L)).toBe(true);
    expect(parseLabelSelector("tier notin (front)")(L)).toBe(false);
    expect(parseLabelSelector("missing notin (front)")(L)).toBe(true);
    expect(parseLabelSelector("app")(L)).toBe(true);
    expect(parseLabelSelector("!app")(L)).toBe(false);
    expect(parseLabelSelector("!gone")(undefined)).toBe(true);
    expect(parseLabelSelector("app")(undefined)).toBe(false);
    expect(parseLabelSelector("n>4,n<6")(L)).toBe(true);
    expect(parseLabelSelector("")(L)).toBe(true);
  });

  it("prints requirements sorted by key as labels.Selector.String", () => {
    expect(parseLabelSelector("tier in (b,a), app=web, !x").toString()).toBe("app=web,tier in (a,b),!x");
  });

  it("syntax errors are 400 with upstream's text", () => {
    const e = err(() => parseLabelSelector("a in (b"));
    expect(e.toStatus()).toMatchObject({ code: 400, reason: "BadRequest", message: "unable to parse requirement: found '', expected: ',' or ')'" });
    expect(err(() => parseLabelSelector("a=b,")).message).toBe("found '', expected: identifier after ','");
    expect(err(() => parseLabelSelector("a b")).message).toBe("unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt");
    expect(err(() => parseLabelSelector("=a")).message).toBe("found '=', expected: !, identifier, or 'end of string'");
    expect(err(() => parseLabelSelector("a=b c")).message).toBe("found 'c', expected: ',' or 'end of string'");
  });

  it("invalid keys and values carry the validation messages", () => {
    expect(err(() => parseLabelSelector("-a=b")).message).toBe(
      "unable to parse requirement: <nil>: Invalid value: \"-a\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
    expect(err(() => parseLabelSelector("a=b$")).message).toBe(
      "unable to parse requirement: values[0][a]: Invalid value: \"b$\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
  });

  it("converts metav1.LabelSelector objects", () => {
    const sel = { matchLabels: { app: "web" }, matchExpressions: [{ key: "tier", operator: "In", values: ["front", "back"] }, { key: "x", operator: "DoesNotExist" }] };
    expect(labelSelectorFromLabelSelectorObject(sel)(L)).toBe(true);
    expect(labelSelectorFromLabelSelectorObject({ matchExpressions: [{ key: "tier", operator: "NotIn", values: ["front"] }] })(L)).toBe(false);
    expect(labelSelectorFromLabelSelectorObject({ matchExpressions: [{ key: "app", operator: "Exists" }] })(L)).toBe(true);
    expect(labelSelectorFromLabelSelectorObject({})(L)).toBe(true);
    expect(labelSelectorFromLabelSelectorObject(null)(L)).toBe(false);
    expect(labelSelectorToString({ matchLabels: { app: "web" } })).toBe("app=web");
    expect(labelSelectorToString(sel)).toBe("app=web,tier in (back,front),!x");
    expect(formatLabelSelector({})).toBe("<none>");
    expect(err(() => labelSelectorFromLabelSelectorObject({ matchExpressions: [{ key: "a", operator: "Foo" }] })).message).toBe('"Foo" is not a valid label selector operator');
  });
});

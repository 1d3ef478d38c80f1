import { describe, expect, it } from "vitest";
import { StatusError } from "../status";
import { checkDefaultFieldsSupported, checkFieldsSupported, parseFieldSelector } from "./fields";

const err = (f: () => unknown): StatusError => { try { f(); } catch (e) { return e as StatusError; } throw new Error("no error"); };
const F = { "metadata.name": "nginx", "status.phase": "Pending", "spec.nodeName": "" };

describe("field selectors", () => {
  it("matches =, == and !=, comma-joined", () => {
    expect(parseFieldSelector("status.phase=Pending").matches(F)).toBe(true);
    expect(parseFieldSelector("status.phase==Running").matches(F)).toBe(false);
    expect(parseFieldSelector("status.phase!=Running,metadata.name=nginx").matches(F)).toBe(true);
    expect(parseFieldSelector("spec.nodeName=").matches(F)).toBe(true);
    expect(parseFieldSelector("metadata.name=nginx").requiresExactMatch("metadata.name")).toBe("nginx");
    expect(parseFieldSelector("").requirements).toEqual([]);
  });

  it("unescapes \\, \\= and \\\\ in values", () => {
    const s = parseFieldSelector("metadata.name=a\\,b\\=c\\\\d");
    expect(s.requirements).toEqual([{ field: "metadata.name", op: "=", value: "a,b=c\\d" }]);
    expect(s.toString()).toBe("metadata.name=a\\,b\\=c\\\\d");
  });

  it("syntax errors are 400 with upstream's words", () => {
    expect(err(() => parseFieldSelector("foo")).toStatus()).toMatchObject({ code: 400, reason: "BadRequest", message: "invalid selector: 'foo'; can't understand 'foo'" });
    expect(err(() => parseFieldSelector("a=b=c")).message).toBe("invalid field selector: unescaped character in value: 61");
    expect(err(() => parseFieldSelector("a=b\\x")).message).toBe("invalid field selector: invalid escape sequence: \\x");
  });

  it("an unsupported field is `field label not supported: <field>` (kubectl adds its own prefix)", () => {
    const e = err(() => checkFieldsSupported(parseFieldSelector("foo=bar"), ["metadata.name", "status.phase"], "pods"));
    expect(e.toStatus()).toMatchObject({ code: 400, reason: "BadRequest", message: "field label not supported: foo" });
    expect(() => checkFieldsSupported(parseFieldSelector("status.phase=Pending"), ["metadata.name", "status.phase"], "pods")).not.toThrow();
    expect(err(() => checkDefaultFieldsSupported(parseFieldSelector("spec.x=1"))).message)
      .toBe('"spec.x" is not a known field selector: only "metadata.name", "metadata.namespace"');
  });
});

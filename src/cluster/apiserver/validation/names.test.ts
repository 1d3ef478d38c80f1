import { describe, expect, it } from "vitest";
import { invalid } from "../status";
import { isConfigMapKey, isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue } from "./names";
import { validateObjectMeta } from "./objectmeta";
import { nameIsDNSSubdomain } from "./names";

describe("name formats", () => {
  it("uses the exact upstream messages", () => {
    expect(isDNS1123Subdomain("Nginx")).toEqual([
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ]);
    expect(isDNS1123Label("My_Name")).toEqual([
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(isDNS1123Label("a.b")).toEqual(["must not contain dots"]);
    expect(isDNS1035Label("1abc")).toEqual([
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(isDNS1123Label("a".repeat(64))).toEqual(["must be no more than 63 characters"]);
    expect(isConfigMapKey("a b")).toEqual([
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
    expect(isConfigMapKey("..a")).toEqual(["must not start with '..'"]);
    expect(isQualifiedName("a/b/c")[0]).toContain("a qualified name must consist of");
    expect(isQualifiedName("/x")).toEqual(["prefix part must be non-empty"]);
    expect(isValidLabelValue("-x")[0]).toMatch(/^a valid label must be an empty string or consist of/);
    expect(isValidLabelValue("")).toEqual([]);
  });

  it("renders a 422 the way kubectl shows it", () => {
    const errs = validateObjectMeta({ name: "Nginx", namespace: "default", labels: { "bad key!": "v" } }, true, nameIsDNSSubdomain);
    const e = invalid("Pod", "", "Nginx", errs);
    expect(e.code).toBe(422);
    expect(e.message).toBe(
      "Pod \"Nginx\" is invalid: [metadata.name: Invalid value: \"Nginx\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'), " +
      "metadata.labels: Invalid value: \"bad key!\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')]",
    );
  });

  it("requires a name, allows a trailing dash in generateName, caps annotations at 256 KiB", () => {
    expect(validateObjectMeta({ namespace: "default" }, true, nameIsDNSSubdomain)).toEqual([
      { type: "FieldValueRequired", field: "metadata.name", detail: "name or generateName is required" },
    ]);
    expect(validateObjectMeta({ name: "web-x1b2c", generateName: "web-", namespace: "default" }, true, nameIsDNSSubdomain)).toEqual([]);
    const big = validateObjectMeta({ name: "a", namespace: "default", annotations: { k: "x".repeat(256 * 1024) } }, true, nameIsDNSSubdomain);
    expect(invalid("Pod", "", "a", big).message).toBe("Pod \"a\" is invalid: metadata.annotations: Too long: must have at most 262144 bytes");
    expect(validateObjectMeta({ name: "a", namespace: "default" }, false, nameIsDNSSubdomain)[0].field).toBe("metadata.namespace");
  });
});

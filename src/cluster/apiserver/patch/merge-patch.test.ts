import { describe, expect, it } from "vitest";
import { StatusError } from "../status";
import { applyPatch } from "./index";
import { noPatchMeta } from "./patch-meta";

const MP = "application/merge-patch+json";
const err = (f: () => unknown): StatusError => { try { f(); } catch (e) { return e as StatusError; } throw new Error("no error"); };

describe("JSON merge patch", () => {
  const obj = { metadata: { name: "p", labels: { run: "nginx", old: "x" } }, spec: { replicas: 1, containers: [{ name: "a" }, { name: "b" }] } };

  it("merges maps, deletes with null and replaces lists (kubectl label / scale)", () => {
    const out = applyPatch(MP, obj, '{"metadata":{"labels":{"a":"b","old":null}},"spec":{"replicas":3,"containers":[{"name":"c","x":null}]}}', noPatchMeta);
    expect(out).toEqual({ metadata: { name: "p", labels: { run: "nginx", a: "b" } }, spec: { replicas: 3, containers: [{ name: "c", x: null }] } });
    expect(obj.metadata.labels.old).toBe("x"); // the input is not mutated
  });

  it("drops nulls inside new sub-objects", () => {
    expect(applyPatch(MP, { a: 1 }, '{"b":{"c":null,"d":1}}', noPatchMeta)).toEqual({ a: 1, b: { d: 1 } });
  });

  it("rejects bodies that are not JSON objects as the apiserver words it", () => {
    expect(err(() => applyPatch(MP, obj, "[1]", noPatchMeta)).message)
      .toBe("error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}");
    expect(err(() => applyPatch(MP, obj, "null", noPatchMeta)).message).toBe("Invalid JSON Patch");
    expect(err(() => applyPatch(MP, obj, '{"a":}', noPatchMeta)).toStatus())
      .toMatchObject({ code: 400, reason: "BadRequest", message: "error decoding patch: invalid character '}' looking for beginning of value" });
  });

  it("an unknown patch type is 415", () => {
    const e = err(() => applyPatch("text/plain", obj, "{}", noPatchMeta));
    expect(e.code).toBe(415);
    expect(e.message).toBe("the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml");
  });
});

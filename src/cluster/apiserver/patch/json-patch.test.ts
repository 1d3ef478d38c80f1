import { describe, expect, it } from "vitest";
import { StatusError } from "../status";
import { applyPatch } from "./index";
import { noPatchMeta } from "./patch-meta";

const JP = "application/json-patch+json";
const pod = () => ({ metadata: { name: "p", labels: { "a/b": "1", "c~d": "2" } }, spec: { containers: [{ name: "a" }, { name: "b" }] } });
const run = (ops: unknown) => applyPatch(JP, pod(), JSON.stringify(ops), noPatchMeta) as any;
const err = (f: () => unknown): StatusError => { try { f(); } catch (e) { return e as StatusError; } throw new Error("no error"); };

describe("JSON patch", () => {
  it("adds, removes, replaces, moves, copies and tests", () => {
    const out = run([
      { op: "add", path: "/spec/containers/-", value: { name: "c" } },
      { op: "add", path: "/spec/containers/0", value: { name: "z" } },
      { op: "remove", path: "/spec/containers/1" },
      { op: "replace", path: "/metadata/name", value: "q" },
      { op: "copy", from: "/metadata/name", path: "/metadata/labels/copied" },
      { op: "move", from: "/metadata/labels/copied", path: "/metadata/labels/moved" },
      { op: "test", path: "/metadata/labels/moved", value: "q" },
    ]);
    expect(out.spec.containers.map((c: any) => c.name)).toEqual(["z", "b", "c"]);
    expect(out.metadata.name).toBe("q");
    expect(out.metadata.labels).toEqual({ "a/b": "1", "c~d": "2", moved: "q" });
  });

  it("decodes ~1 and ~0 in JSON pointers", () => {
    const out = run([{ op: "remove", path: "/metadata/labels/a~1b" }, { op: "replace", path: "/metadata/labels/c~0d", value: "x" }]);
    expect(out.metadata.labels).toEqual({ "c~d": "x" });
  });

  it("a failed test is the generic 422 the apiserver returns", () => {
    const e = err(() => run([{ op: "test", path: "/metadata/name", value: "other" }]));
    expect(e.code).toBe(422);
    expect(e.toStatus()).toMatchObject({ reason: "Invalid", message: "the server rejected our request due to an error in our request", details: {} });
  });

  it("a missing path is 422 as well", () => {
    expect(err(() => run([{ op: "remove", path: "/spec/nothing" }])).code).toBe(422);
    expect(err(() => run([{ op: "replace", path: "/spec/containers/5", value: 1 }])).code).toBe(422);
    expect(err(() => run([{ op: "frobnicate", path: "/spec" }])).code).toBe(422);
  });

  it("a body that is not a list of operations is 400 with the decoder's words", () => {
    expect(err(() => applyPatch(JP, pod(), '{"op":"add"}', noPatchMeta)).message)
      .toBe("error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp");
    expect(err(() => applyPatch(JP, pod(), "[x", noPatchMeta)).message)
      .toBe("error decoding patch: invalid character 'x' looking for beginning of value");
  });
});

// Tests of the store's object codec: resourceVersion back at its ObjectMeta place, and the
// text-only insertion giving exactly the text that parsing and re-serialising gives.
import { describe, expect, it } from "vitest";
import { decodeObject, encodedWithResourceVersion, encodeObject } from "./codec";
import type { Obj } from "./types";

const viaParse = (json: string, rev: number) => JSON.stringify(decodeObject(json, rev));

describe("store codec", () => {
  it("puts resourceVersion after uid, before creationTimestamp", () => {
    const stored = encodeObject({ metadata: { name: "a", namespace: "default", uid: "u1", resourceVersion: "3", creationTimestamp: "t" }, spec: {} });
    expect(stored).toBe('{"metadata":{"name":"a","namespace":"default","uid":"u1","creationTimestamp":"t"},"spec":{}}');
    expect(encodedWithResourceVersion(stored, 42)).toBe(
      '{"metadata":{"name":"a","namespace":"default","uid":"u1","resourceVersion":"42","creationTimestamp":"t"},"spec":{}}');
  });

  const cases: Obj[] = [
    { metadata: { name: "a" } },
    { metadata: {} },
    { metadata: { name: "a", generateName: "a-", namespace: "n", selfLink: "/x", uid: "u" } },
    { metadata: { name: 'we"ird\\', namespace: "n", labels: { a: "b" } }, data: { k: "v" } },
    { metadata: { labels: { name: "x" }, name: "late" } },
    { metadata: { name: 7 as unknown as string, uid: "u" } },
    { kind: "Pod", metadata: { name: "typed" } },
    { spec: { x: 1 } },
    { apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "d", uid: "u", labels: {} } },
    { spec: { a: [1, { b: "}],{" }, [], {}], s: 'q"' }, n: 5, t: true, z: null, f: -1.5e3, metadata: { name: "late", creationTimestamp: "t" } },
    { data: { metadata: "x" }, metadata: { uid: "u" } },
    { metadata: { name: "a", namespace: "default", uid: "u", creationTimestamp: "t", annotations: { "k": '{"metadata":{}}' } }, status: { phase: "Pending" } },
  ];
  it.each(cases.map((c) => [JSON.stringify(c), c]))("gives the parsed text for %s", (_label, object) => {
    const stored = encodeObject(object);
    expect(encodedWithResourceVersion(stored, 9)).toBe(viaParse(stored, 9));
    expect(JSON.parse(encodedWithResourceVersion(stored, 9)).metadata.resourceVersion).toBe("9");
  });
});

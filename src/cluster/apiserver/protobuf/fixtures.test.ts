// Decodes every protobuf body recorded from the real kubectl v1.32 (test/fixtures/protobuf, made by
// record.mjs) and compares it with the expected JSON beside it, which is kubectl's own
// `--dry-run=client -o json` output for the same command with `creationTimestamp: null` dropped.
/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import { decodeProtobufObject } from "./index";

const DIR = "../../../../test/fixtures/protobuf/";
const hex = import.meta.glob<string>("../../../../test/fixtures/protobuf/*.hex",
  { query: "?raw", import: "default", eager: true });
const expected = import.meta.glob<Record<string, unknown>>("../../../../test/fixtures/protobuf/*.json",
  { import: "default", eager: true });

const fixtureNames = Object.keys(hex).map((path) => path.slice(DIR.length, -".hex".length)).sort();
const bytes = (h: string) => Uint8Array.from(h.trim().match(/../g)!.map((b) => parseInt(b, 16)));

/** Go's JSON of a zero metav1.Time is null; the decoder omits it, as the brief for stored objects asks. */
function withoutNullTimestamps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullTimestamps);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value)
    .filter(([k, v]) => !(k === "creationTimestamp" && v === null))
    .map(([k, v]) => [k, withoutNullTimestamps(v)]));
}

describe("protobuf bodies recorded from kubectl create", () => {
  it("has the recorded fixtures", () => {
    expect(fixtureNames).toEqual(expect.arrayContaining([
      "namespace", "deployment", "configmap", "configmap-binary", "secret-generic",
      "service-clusterip", "service-nodeport", "job", "serviceaccount", "priorityclass", "poddisruptionbudget",
    ]));
  });

  for (const name of fixtureNames) {
    it(`decodes create ${name} as kubectl's JSON`, () => {
      const object = decodeProtobufObject(bytes(hex[`${DIR}${name}.hex`]));
      expect(object).toStrictEqual(expected[`${DIR}${name}.json`]);
      expect(object).toStrictEqual(withoutNullTimestamps(expected[`${DIR}${name}.dry-run.json`]));
      expect(Object.keys(object).slice(0, 2)).toEqual(["apiVersion", "kind"]);
    });
  }
});

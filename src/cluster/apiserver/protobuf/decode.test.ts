// Decoding rules the recorded kubectl bodies do not reach: times, int64, packed lists, unknown
// fields and kinds, and the BadRequest messages of malformed bodies (upstream's decoder wording).
import { Writer } from "protobufjs/minimal";
import { describe, expect, it } from "vitest";
import { StatusError } from "../status";
import { decodeProtobufObject, PROTOBUF_MAGIC } from "./index";
import { allMessages, messageFields } from "./schema";
import { formatDuration } from "./special";

type Build = (w: Writer) => void;
const message = (no: number, build: Build) => (w: Writer) => { w.uint32((no << 3) | 2).fork(); build(w); w.ldelim(); };
const str = (no: number, s: string) => (w: Writer) => w.uint32((no << 3) | 2).string(s);
const varint = (no: number, n: number) => (w: Writer) => w.uint32(no << 3).int64(n);
const all = (...parts: Build[]) => (w: Writer) => parts.forEach((p) => p(w));

function body(apiVersion: string, kind: string, raw: Build, tail: Build = () => {}): Uint8Array {
  const inner = Writer.create(); raw(inner);
  const w = Writer.create();
  all(message(1, all(str(1, apiVersion), str(2, kind))), (x) => x.uint32(18).bytes(inner.finish()), tail)(w);
  const env = w.finish();
  return Uint8Array.from([...PROTOBUF_MAGIC, ...env]);
}

function badRequest(input: Uint8Array): string {
  try {
    decodeProtobufObject(input);
  } catch (e) {
    expect(e).toBeInstanceOf(StatusError);
    expect((e as StatusError).reason).toBe("BadRequest");
    expect((e as StatusError).code).toBe(400);
    return e instanceof Error ? e.message : "";
  }
  throw new Error("expected a BadRequest");
}

describe("decodeProtobufObject", () => {
  it("formats Time as RFC 3339 seconds, MicroTime with microseconds, and drops Go's zero time", () => {
    const lease = body("coordination.k8s.io/v1", "Lease", all(
      message(1, all(str(1, "node01"), message(8, all(varint(1, 1735689600), varint(2, 999_000_000))),
        message(9, varint(1, -62135596800)))),
      message(2, all(str(1, "node01"), varint(2, 40), message(4, all(varint(1, 1735689601), varint(2, 123_456_789))))),
    ));
    expect(decodeProtobufObject(lease)).toStrictEqual({
      apiVersion: "coordination.k8s.io/v1", kind: "Lease",
      metadata: { name: "node01", creationTimestamp: "2025-01-01T00:00:00Z" },
      spec: { holderIdentity: "node01", leaseDurationSeconds: 40, renewTime: "2025-01-01T00:00:01.123456Z" },
    });
  });

  it("keeps zero pointers, drops zero omitempty scalars, reads int64, packed lists and inline structs", () => {
    const pod = body("v1", "Pod", all(
      message(1, str(1, "p")),
      message(2, all(
        message(1, all(str(1, "data"), message(2, message(19, message(1, str(1, "cfg")))))),
        message(2, all(str(1, "c"), str(2, ""), str(14, "IfNotPresent"),
          message(10, all(message(1, message(2, all(str(1, "/healthz"), message(2, varint(2, 8080))))), varint(3, 5))))),
        varint(4, 30), varint(5, 0), varint(13, 0),
        message(14, all(varint(2, 1000), message(4, (w) => { w.int64(1); w.int64(2); }))),
      )),
    ));
    expect(decodeProtobufObject(pod)).toStrictEqual({
      apiVersion: "v1", kind: "Pod", metadata: { name: "p" },
      spec: {
        volumes: [{ name: "data", configMap: { name: "cfg" } }],
        containers: [{ name: "c", imagePullPolicy: "IfNotPresent",
          livenessProbe: { httpGet: { path: "/healthz", port: 8080 }, timeoutSeconds: 5 } }],
        terminationGracePeriodSeconds: 30, activeDeadlineSeconds: 0,
        securityContext: { runAsUser: 1000, supplementalGroups: [1, 2] },
      },
    });
  });

  it("skips unknown fields of every wire type", () => {
    const ns = body("v1", "Namespace", all(message(1, all(str(1, "a"), str(99, "x"), varint(98, 7))),
      (w) => w.uint32((50 << 3) | 5).fixed32(1), (w) => w.uint32((51 << 3) | 1).double(1)), str(7, "future"));
    expect(decodeProtobufObject(ns)).toStrictEqual({ apiVersion: "v1", kind: "Namespace", metadata: { name: "a" } });
  });

  it("decodes the metadata of kinds it has no schema for", () => {
    const widget = body("example.com/v1", "Widget", all(
      message(1, all(str(1, "w"), str(3, "default"), message(11, all(str(1, "app"), str(2, "web"))))),
      message(2, str(1, "opaque spec"))));
    expect(decodeProtobufObject(widget)).toStrictEqual({
      apiVersion: "example.com/v1", kind: "Widget", metadata: { name: "w", namespace: "default", labels: { app: "web" } },
    });
    expect(badRequest(body("example.com/v1", "Widget", varint(1, 5))))
      .toBe("unable to decode Widget (example.com/v1) from protobuf: only its metadata can be read without a schema, and that failed: proto: wrong wireType = 0 for field Metadata");
  });

  it("rejects malformed bodies with upstream's messages", () => {
    const ns = body("v1", "Namespace", message(1, str(1, "scaler")));
    expect(badRequest(new Uint8Array(0))).toBe("empty data");
    expect(badRequest(Uint8Array.of(0x7b, 0x7d))).toBe("provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]");
    expect(badRequest(PROTOBUF_MAGIC)).toBe("empty body");
    expect(badRequest(ns.subarray(0, ns.length - 3))).toBe("unexpected EOF");
    expect(badRequest(body("v1", "Namespace", message(1, varint(1, 3))))).toBe("proto: wrong wireType = 0 for field Name");
    expect(badRequest(body("v1", "", () => {}))).toBe(`Object 'Kind' is missing in 'runtime.TypeMeta{APIVersion:"v1", Kind:""}'`);
    expect(badRequest(body("v1", "Namespace", (w) => w.uint32(0)))).toBe("proto: Namespace: illegal tag 0 (wire type 0)");
  });
});

describe("formatDuration", () => {
  it("prints Go's time.Duration strings", () => {
    expect([0, 1500, 1_500_000, 1.5e9, 90e9, 3600e9, 3723.5e9, -2e9].map(formatDuration))
      .toEqual(["0s", "1.5µs", "1.5ms", "1.5s", "1m30s", "1h0m0s", "1h2m3.5s", "-2s"]);
  });
});

describe("descriptor tables", () => {
  it("parse, and every message they name exists", () => {
    for (const name of allMessages()) {
      for (const field of messageFields(name).values()) {
        if (field.kind === "message") expect(() => messageFields(field.type), `${name}.${field.json}`).not.toThrow();
      }
    }
    expect(allMessages().length).toBeGreaterThan(200);
  });
});

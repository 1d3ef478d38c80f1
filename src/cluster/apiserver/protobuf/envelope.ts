// The protobuf envelope of Kubernetes request and response bodies: the 4-byte magic `k8s\0`, then
// runtime.Unknown {1: TypeMeta{1: apiVersion, 2: kind}, 2: raw, 3: contentEncoding, 4: contentType}.
// Mirrors k8s.io/apimachinery/pkg/runtime/serializer/protobuf/protobuf.go (Decode) and
// runtime/generated.proto (Unknown, TypeMeta).
import { badRequest } from "../status";
import { expectWireType, forEachField, guarded, Reader, readEnd, WIRE_BYTES } from "./wire";

export const PROTOBUF_MAGIC = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);
export const PROTOBUF_CONTENT_TYPE = "application/vnd.kubernetes.protobuf";

export interface Unknown {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  contentEncoding: string;
  contentType: string;
}

/** Checks the magic and decodes the runtime.Unknown envelope; errors use upstream's wording. */
export function decodeEnvelope(body: Uint8Array): Unknown {
  const prefix = PROTOBUF_MAGIC.length;
  if (body.length === 0) throw badRequest("empty data");
  if (body.length < prefix || PROTOBUF_MAGIC.some((b, i) => body[i] !== b)) {
    throw badRequest(`provided data does not appear to be a protobuf message, expected prefix [${PROTOBUF_MAGIC.join(" ")}]`);
  }
  if (body.length === prefix) throw badRequest("empty body");
  const unknown: Unknown = { apiVersion: "", kind: "", raw: new Uint8Array(0), contentEncoding: "", contentType: "" };
  guarded(() => {
    const reader = Reader.create(body.subarray(prefix));
    const names = ["TypeMeta", "Raw", "ContentEncoding", "ContentType"];
    forEachField(reader, reader.len, "Unknown", (field, wireType) => {
      if (field > names.length) return false;
      expectWireType(wireType, WIRE_BYTES, names[field - 1]);
      if (field === 1) readTypeMeta(reader, readEnd(reader, reader.len), unknown);
      else if (field === 2) unknown.raw = reader.bytes();
      else if (field === 3) unknown.contentEncoding = reader.string();
      else unknown.contentType = reader.string();
      return true;
    });
  });
  const typeMeta = `runtime.TypeMeta{APIVersion:${JSON.stringify(unknown.apiVersion)}, Kind:${JSON.stringify(unknown.kind)}}`;
  if (!unknown.kind) throw badRequest(`Object 'Kind' is missing in '${typeMeta}'`);
  if (!unknown.apiVersion) throw badRequest(`Object 'apiVersion' is missing in '${typeMeta}'`);
  return unknown;
}

function readTypeMeta(reader: Reader, end: number, into: Unknown): void {
  forEachField(reader, end, "TypeMeta", (field, wireType) => {
    if (field !== 1 && field !== 2) return false;
    expectWireType(wireType, WIRE_BYTES, field === 1 ? "APIVersion" : "Kind");
    if (field === 1) into.apiVersion = reader.string(); else into.kind = reader.string();
    return true;
  });
}

// Wire-level reading shared by the envelope and message decoders: field loop, bounded lengths,
// skipping unknown fields, and the gogo-protobuf error wording (io.ErrUnexpectedEOF, "proto: ...").
// Mirrors the Unmarshal functions of upstream generated.pb.go files.
import { Reader } from "protobufjs/minimal";
import { badRequest, StatusError } from "../status";

export { Reader };

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_FIXED32 = 5;

export const unexpectedEOF = () => badRequest("unexpected EOF");

/** Reads a length prefix and returns where the delimited bytes end, within `limit`. */
export function readEnd(reader: Reader, limit: number): number {
  const len = reader.uint32();
  const end = reader.pos + len;
  if (end > limit || end > reader.len) throw unexpectedEOF();
  return end;
}

/**
 * Runs `visit` for every field of the message that ends at `end`; a field `visit` does not take
 * (returns false) is skipped, as gogo's skipGenerated does for unknown fields.
 */
export function forEachField(
  reader: Reader, end: number, message: string, visit: (field: number, wireType: number) => boolean,
): void {
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    const wireType = tag & 7;
    if (wireType === 4) throw badRequest(`proto: ${message}: wiretype end group for non-group`);
    if (field <= 0) throw badRequest(`proto: ${message}: illegal tag ${field} (wire type ${tag & 7})`);
    if (!visit(field, wireType)) skipField(reader, wireType, end);
  }
  if (reader.pos > end) throw unexpectedEOF();
}

function skipField(reader: Reader, wireType: number, end: number): void {
  switch (wireType) {
    case WIRE_VARINT: reader.uint64(); return;
    case WIRE_FIXED64: reader.skip(8); return;
    case WIRE_BYTES: reader.pos = readEnd(reader, end); return;
    case WIRE_FIXED32: reader.skip(4); return;
    case 3: reader.skipType(3); return;
    default: throw badRequest(`proto: illegal wireType ${wireType}`);
  }
}

export function expectWireType(actual: number, expected: number, goField: string): void {
  if (actual !== expected) throw badRequest(`proto: wrong wireType = ${actual} for field ${goField}`);
}

/** An int64 as a JS number (protobufjs gives a Long when long.js is present). */
export function int64(reader: Reader): number {
  const v: unknown = reader.int64();
  return typeof v === "number" ? v : (v as { toNumber(): number }).toNumber();
}

/** Runs a decode step, turning the Reader's own range errors into upstream's BadRequest. */
export function guarded<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof StatusError) throw e;
    if (e instanceof RangeError) throw unexpectedEOF();
    throw badRequest(e instanceof Error ? e.message : String(e));
  }
}

// Descriptor-driven decoding of one Kubernetes protobuf message into its JSON form, with Go's
// encoding/json rules: omitempty drops zero scalars (not pointers), structs present on the wire
// stay (even `{}`), maps become objects, bytes base64, int64 numbers, inline structs are merged.
// Mirrors the Unmarshal functions of the generated.pb.go files plus the Go types' JSON tags.
import { util } from "protobufjs/minimal";
import { goFieldName, type FieldInfo } from "./fields";
import { messageFields } from "./schema";
import { decodeSpecial } from "./special";
import {
  expectWireType, forEachField, int64, Reader, readEnd, WIRE_BYTES, WIRE_FIXED64, WIRE_VARINT,
} from "./wire";

type JSONObject = Record<string, unknown>;

/** Decodes the message of qualified type `type` ("core.Pod") that ends at `end`. */
export function decodeMessage(reader: Reader, end: number, type: string): JSONObject {
  const fields = messageFields(type);
  const out: JSONObject = {};
  forEachField(reader, end, type.slice(type.indexOf(".") + 1), (number, wireType) => {
    const field = fields.get(number);
    if (!field) return false;
    readField(reader, wireType, field, end, out);
    return true;
  });
  return out;
}

function readField(reader: Reader, wireType: number, f: FieldInfo, end: number, out: JSONObject): void {
  if (f.map) {
    expectWireType(wireType, WIRE_BYTES, goFieldName(f.json));
    const [key, value] = readMapEntry(reader, readEnd(reader, end), f);
    ((out[f.json] ??= {}) as JSONObject)[key] = value;
    return;
  }
  if (f.repeated && wireType === WIRE_BYTES && isNumeric(f)) {
    const packedEnd = readEnd(reader, end);
    const list = (out[f.json] ??= []) as unknown[];
    while (reader.pos < packedEnd) list.push(readScalar(reader, f.type));
    return;
  }
  expectWireType(wireType, wireTypeOf(f), goFieldName(f.json));
  const value = readValue(reader, f, end);
  if (f.inline) Object.assign(out, value);
  else if (f.repeated) ((out[f.json] ??= []) as unknown[]).push(value ?? null);
  else if (value === undefined || (f.kind === "scalar" && !f.keepZero && isZero(value))) delete out[f.json];
  else if (f.kind === "message" && isObject(out[f.json])) Object.assign(out[f.json] as JSONObject, value);
  else out[f.json] = value;
}

function readValue(reader: Reader, f: FieldInfo, end: number): unknown {
  if (f.kind === "scalar") return readScalar(reader, f.type);
  const valueEnd = readEnd(reader, end);
  return f.kind === "message" ? decodeMessage(reader, valueEnd, f.type) : decodeSpecial(reader, valueEnd, f.type);
}

function readScalar(reader: Reader, type: string): unknown {
  switch (type) {
    case "string": return reader.string();
    case "bytes": { const b = reader.bytes(); return util.base64.encode(b, 0, b.length); }
    case "int32": return reader.int32();
    case "int64": return int64(reader);
    case "bool": return reader.bool();
    default: return reader.double();
  }
}

/** A map<string, V> entry: a message {1: key, 2: value}; a missing value is V's zero value. */
function readMapEntry(reader: Reader, end: number, f: FieldInfo): [string, unknown] {
  let key = "";
  let value: unknown = zeroValue(f);
  forEachField(reader, end, `${goFieldName(f.json)}Entry`, (number, wireType) => {
    if (number === 1) {
      expectWireType(wireType, WIRE_BYTES, "key");
      key = reader.string();
    } else if (number === 2) {
      expectWireType(wireType, wireTypeOf(f), "value");
      value = readValue(reader, f, end) ?? null;
    } else return false;
    return true;
  });
  return [key, value];
}

function zeroValue(f: FieldInfo): unknown {
  if (f.kind === "message") return {};
  if (f.kind === "special") return f.type === "Quantity" ? "0" : null;
  return f.type === "string" || f.type === "bytes" ? "" : f.type === "bool" ? false : 0;
}

const isNumeric = (f: FieldInfo) => f.kind === "scalar" && f.type !== "string" && f.type !== "bytes";
const isZero = (v: unknown) => v === "" || v === 0 || v === false;
const isObject = (v: unknown): v is JSONObject => typeof v === "object" && v !== null && !Array.isArray(v);

function wireTypeOf(f: FieldInfo): number {
  if (f.kind !== "scalar" || f.type === "string" || f.type === "bytes") return WIRE_BYTES;
  return f.type === "double" ? WIRE_FIXED64 : WIRE_VARINT;
}

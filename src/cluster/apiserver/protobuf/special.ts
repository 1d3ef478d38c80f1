// Types with their own JSON form: metav1.Time and MicroTime (RFC 3339, zero → null), metav1.Duration
// (Go duration string), resource.Quantity (string), intstr.IntOrString (number or string),
// metav1.FieldsV1 and runtime.RawExtension (embedded JSON). Mirrors apimachinery's time_proto.go,
// micro_time_proto.go, duration.go, quantity_proto.go, intstr.go, fields_proto.go and runtime/types.go.
import { badRequest } from "../status";
import {
  expectWireType, forEachField, int64, Reader, readEnd, WIRE_BYTES, WIRE_VARINT,
} from "./wire";

/** Seconds of Go's zero time.Time (0001-01-01T00:00:00Z), which marshals as JSON null. */
const GO_ZERO_SECONDS = -62135596800;

/** Decodes a special type's message ending at `end`; undefined stands for JSON null (omitted). */
export function decodeSpecial(reader: Reader, end: number, type: string): unknown {
  switch (type) {
    case "Time": return formatTime(readNumbers(reader, end, type, ["Seconds", "Nanos"]), false);
    case "MicroTime": return formatTime(readNumbers(reader, end, type, ["Seconds", "Nanos"]), true);
    case "Duration": return formatDuration(readNumbers(reader, end, type, ["Duration"])[0]);
    case "IntOrString": return readIntOrString(reader, end);
    case "Quantity": return readString(reader, end, type) ?? "0";
    default: return readEmbeddedJSON(reader, end, type);
  }
}

function readNumbers(reader: Reader, end: number, type: string, names: string[]): number[] {
  const values = names.map(() => 0);
  forEachField(reader, end, type, (field, wireType) => {
    if (field > names.length) return false;
    expectWireType(wireType, WIRE_VARINT, names[field - 1]);
    values[field - 1] = int64(reader);
    return true;
  });
  return values;
}

function formatTime([seconds, nanos]: number[], micro: boolean): string | undefined {
  if ((seconds === 0 && nanos === 0) || (seconds === GO_ZERO_SECONDS && nanos === 0)) return undefined;
  const iso = new Date(seconds * 1000).toISOString().slice(0, 19);
  if (!micro) return `${iso}Z`;
  return `${iso}.${String(Math.floor(nanos / 1000)).padStart(6, "0")}Z`;
}

const UNITS: [string, number][] = [["h", 3600e9], ["m", 60e9]];

/** Go's time.Duration.String(): "1h2m3.5s", "1.5ms", "0s". */
export function formatDuration(nanos: number): string {
  if (nanos === 0) return "0s";
  const sign = nanos < 0 ? "-" : "";
  let rest = Math.abs(nanos);
  if (rest < 1e9) {
    const [unit, size] = rest < 1e3 ? ["ns", 1] : rest < 1e6 ? ["µs", 1e3] : ["ms", 1e6];
    return `${sign}${trimFraction(rest / size)}${unit}`;
  }
  let out = "";
  for (const [unit, size] of UNITS) {
    if (rest >= size || out) {
      out += `${Math.floor(rest / size)}${unit}`;
      rest %= size;
    }
  }
  return `${sign}${out}${trimFraction(rest / 1e9)}s`;
}

const trimFraction = (n: number) => String(Number(n.toFixed(9)));

function readIntOrString(reader: Reader, end: number): number | string {
  let type = 0, intVal = 0, strVal = "";
  forEachField(reader, end, "IntOrString", (field, wireType) => {
    if (field === 1 || field === 2) {
      expectWireType(wireType, WIRE_VARINT, field === 1 ? "Type" : "IntVal");
      if (field === 1) type = int64(reader); else intVal = reader.int32();
    } else if (field === 3) {
      expectWireType(wireType, WIRE_BYTES, "StrVal");
      strVal = reader.string();
    } else return false;
    return true;
  });
  return type === 1 ? strVal : intVal;
}

function readString(reader: Reader, end: number, type: string): string | undefined {
  let value: string | undefined;
  forEachField(reader, end, type, (field, wireType) => {
    if (field !== 1) return false;
    expectWireType(wireType, WIRE_BYTES, type === "Quantity" ? "String_" : "Raw");
    value = reader.string();
    return true;
  });
  return value;
}

/** FieldsV1 and RawExtension hold JSON bytes (field 1); their JSON form is that document. */
function readEmbeddedJSON(reader: Reader, end: number, type: string): unknown {
  const raw = readString(reader, end, type);
  if (raw === undefined || raw === "") return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest(`${type} does not hold a JSON document: ${raw.slice(0, 30)}`);
  }
}

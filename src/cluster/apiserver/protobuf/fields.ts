// Field specs of the descriptor tables in schema/: one string per protobuf field number, read
// from upstream generated.proto (numbers, JSON names) and types.go (omitempty, pointers, inline).
//   "replicas:int32!"            scalar; "!" keeps a zero value (a pointer or a field without omitempty)
//   "ports:ContainerPort[]"      repeated; a message of the same package, or "meta.ObjectMeta"
//   "labels:{string}"            map<string, string> (also {bytes}, {Quantity}, {Time})
//   "...volumeSource:VolumeSource" an embedded struct whose JSON is inlined (`json:",inline"`)
// Special types have their own JSON form (apimachinery's custom MarshalJSON).

export type MessageSpec = Readonly<Record<number, string>>;
export type Schema = Readonly<Record<string, MessageSpec>>;

export const SCALARS = new Set(["string", "int32", "int64", "bool", "bytes", "double"]);
export const SPECIALS = new Set(["Time", "MicroTime", "Duration", "Quantity", "IntOrString", "FieldsV1", "RawExtension"]);

export interface FieldInfo {
  json: string;
  /** A scalar ("int32"), a special type ("Time") or a qualified message name ("core.PodSpec"). */
  type: string;
  kind: "scalar" | "special" | "message";
  repeated: boolean;
  map: boolean;
  keepZero: boolean;
  inline: boolean;
}

const SPEC = /^(\.\.\.)?([A-Za-z0-9]+):(\{)?([A-Za-z0-9.]+)\}?(\[\])?(!)?$/;

/** Parses one field spec of package `pkg`; a malformed table is a programming error. */
export function parseField(pkg: string, spec: string): FieldInfo {
  const m = SPEC.exec(spec);
  if (!m) throw new TypeError(`protobuf schema: malformed field spec "${spec}" in ${pkg}`);
  const [, inline, json, map, rawType, repeated, keepZero] = m;
  const kind = SCALARS.has(rawType) ? "scalar" : SPECIALS.has(rawType) ? "special" : "message";
  const type = kind === "message" && !rawType.includes(".") ? `${pkg}.${rawType}` : rawType;
  return { json, type, kind, repeated: !!repeated, map: !!map, keepZero: !!keepZero, inline: !!inline };
}

/** Go's field name in gogo-protobuf error messages: the JSON name with a capital letter. */
export const goFieldName = (json: string) => json.charAt(0).toUpperCase() + json.slice(1);

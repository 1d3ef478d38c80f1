// `GET /openapi/v2` as protobuf (Accept application/com.github.proto-openapi.spec.v2@v1.0+protobuf,
// what kubectl's discovery client asks for): the JSON document of v2.ts encoded as gnostic's
// openapi.v2.Document (github.com/google/gnostic-models openapiv2/OpenAPIv2.proto field numbers).
// Vendor extensions travel as NamedAny{name, Any{yaml}} with JSON text as the YAML.
import { Writer } from "protobufjs/minimal";
import type { Json } from "./special.js";
import { openApiV2Document } from "./v2.js";

/**
 * The Content-Type of the protobuf answer. Clients ask with `...spec.v2@v1.0+protobuf`, but "@" is
 * not a MIME token character (client-go's mime.ParseMediaType refuses it), so kube-openapi's
 * handler answers with the dotted form.
 */
export const OPENAPI_V2_PROTOBUF = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

type Fields = (w: Writer) => void;

const message = (w: Writer, field: number, body: Fields) => { w.uint32((field << 3) | 2).fork(); body(w); w.ldelim(); };
const string = (w: Writer, field: number, s: string | undefined) => { if (s) w.uint32((field << 3) | 2).string(s); };
const strings = (w: Writer, field: number, xs: unknown) => { for (const s of Array.isArray(xs) ? xs : []) w.uint32((field << 3) | 2).string(String(s)); };

/** NamedAny{1: name, 2: Any{2: yaml}}. */
const namedAny = (w: Writer, field: number, name: string, value: unknown) =>
  message(w, field, (m) => { string(m, 1, name); message(m, 2, (a) => string(a, 2, JSON.stringify(value))); });

/** openapi.v2.Schema: the members a Kubernetes definition uses. */
function schema(w: Writer, s: Json): void {
  string(w, 1, s.$ref as string);
  string(w, 2, s.format as string);
  string(w, 4, s.description as string);
  strings(w, 19, s.required);
  for (const e of Array.isArray(s.enum) ? s.enum : []) message(w, 20, (a) => string(a, 2, JSON.stringify(e)));
  if (s.additionalProperties && typeof s.additionalProperties === "object") {
    message(w, 21, (a) => message(a, 1, (x) => schema(x, s.additionalProperties as Json)));
  }
  if (typeof s.type === "string") message(w, 22, (t) => string(t, 1, s.type as string));
  if (s.items && typeof s.items === "object") message(w, 23, (i) => message(i, 1, (x) => schema(x, s.items as Json)));
  if (s.properties && typeof s.properties === "object") {
    message(w, 25, (p) => {
      for (const [name, sub] of Object.entries(s.properties as Json)) message(p, 1, (n) => { string(n, 1, name); message(n, 2, (x) => schema(x, sub as Json)); });
    });
  }
  for (const [k, v] of Object.entries(s)) if (k.startsWith("x-")) namedAny(w, 31, k, v);
}

let cached: Uint8Array | undefined;

/** The v2 document as gnostic protobuf bytes (Document: 1 swagger, 2 info, 8 paths, 9 definitions). */
export function openApiV2Protobuf(): Uint8Array {
  if (cached) return cached;
  const doc = openApiV2Document();
  // The plain Writer: protobufjs picks BufferWriter when Buffer exists, whose utf8 path fails in workerd.
  const w = new Writer();
  string(w, 1, doc.swagger as string);
  const info = doc.info as Json;
  message(w, 2, (i) => { string(i, 1, info.title as string); string(i, 2, info.version as string); });
  message(w, 8, () => undefined);
  message(w, 9, (d) => {
    for (const [name, s] of Object.entries(doc.definitions as Json)) message(d, 1, (n) => { string(n, 1, name); message(n, 2, (x) => schema(x, s as Json)); });
  });
  cached = w.finish();
  return cached;
}

// The OpenAPI v2 (Swagger 2.0) document of `GET /openapi/v2`: every type of the catalogue as a
// definition, in the shape kube-openapi's v2 builder gives them (bare `$ref`s next to their
// description, `#/definitions/` references, x-kubernetes-* extensions, the hand-marshalled types
// as v2 primitives). kubectl v1.32 reads it for client-side validation when server-side field
// validation cannot apply (a `kind: List` manifest: QueryParamVerifierV3 answers unsupported for
// v1 List, so each item is checked against these definitions). Paths are not part of this
// document: kubectl reads v2 only for its definitions; the operations are served by /openapi/v3.
import { TYPES } from "./catalog.js";
import { schemaName } from "./dsl.js";
import { OPENAPI_INFO_VERSION } from "./document.js";
import { componentSchema } from "./schema.js";
import { SPECIAL_TYPES, type Json } from "./special.js";

const V3_PREFIX = "#/components/schemas/";

/** v2 forms of the types whose v3 schema is a oneOf (kube-openapi's OpenAPISchemaType). */
const V2_SPECIAL: Record<string, Json> = {
  "resource.Quantity": { type: "string" },
  "intstr.IntOrString": { format: "int-or-string", type: "string" },
};

/** A v3 schema turned v2: `#/definitions/` refs, `allOf: [{$ref}]` members as `$ref` + siblings. */
function toV2(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toV2);
  if (!v || typeof v !== "object") return v;
  const o = v as Json;
  const out: Json = {};
  for (const [k, x] of Object.entries(o)) {
    if (k === "$ref" && typeof x === "string") out.$ref = x.replace(V3_PREFIX, "#/definitions/");
    else if (k === "allOf" && Array.isArray(x) && x.length === 1 && (x[0] as Json).$ref) out.$ref = String((x[0] as Json).$ref).replace(V3_PREFIX, "#/definitions/");
    else out[k] = toV2(x);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a === "$ref" ? -1 : b === "$ref" ? 1 : a < b ? -1 : a > b ? 1 : 0)));
}

function definition(short: string): Json | undefined {
  const special = V2_SPECIAL[short];
  if (special) return { description: (SPECIAL_TYPES[short]!.schema as Json).description, ...special };
  const schema = componentSchema(short);
  return schema ? (toV2(schema) as Json) : undefined;
}

let cached: Json | undefined;

/** `GET /openapi/v2` as JSON: swagger 2.0 with every definition, sorted by name. */
export function openApiV2Document(): Json {
  if (cached) return cached;
  const names = [...Object.keys(TYPES), ...Object.keys(SPECIAL_TYPES)];
  const definitions: Json = {};
  for (const short of names.sort((a, b) => (schemaName(a) < schemaName(b) ? -1 : 1))) {
    const d = definition(short);
    if (d) definitions[schemaName(short)] = d;
  }
  cached = {
    swagger: "2.0",
    info: { title: "Kubernetes", version: OPENAPI_INFO_VERSION },
    paths: {},
    definitions,
    securityDefinitions: { BearerToken: { description: "Bearer Token authentication", type: "apiKey", name: "authorization", in: "header" } },
    security: [{ BearerToken: [] }],
  };
  return cached;
}

// Schemas of the types upstream marshals by hand (their OpenAPI comes from OpenAPISchemaType /
// OpenAPIV3OneOfTypes methods, not from struct fields): metav1.Time, MicroTime, Duration,
// FieldsV1, resource.Quantity, intstr.IntOrString, runtime.RawExtension; and apiextensions'
// JSONSchemaProps, a recursive schema kept here as a free object. Mirrors
// k8s.io/apimachinery pkg/apis/meta/v1/{time,micro_time,duration}.go, pkg/api/resource/quantity.go,
// pkg/util/intstr/intstr.go as rendered into OpenAPI v3 by kube-openapi.

export type Json = Record<string, unknown>;

export interface SpecialType {
  schema: Json;
  /** "free": any JSON object is accepted (no field checks); "scalar": a JSON string/number. */
  shape: "free" | "scalar";
}

export const SPECIAL_TYPES: Record<string, SpecialType> = {
  "meta.v1.Time": {
    shape: "scalar",
    schema: { description: "A timestamp in RFC 3339 form (seconds precision), e.g. 2024-05-01T10:00:00Z.", format: "date-time", type: "string" },
  },
  "meta.v1.MicroTime": {
    shape: "scalar",
    schema: { description: "A timestamp in RFC 3339 form with microseconds.", format: "date-time", type: "string" },
  },
  "meta.v1.Duration": {
    shape: "scalar",
    schema: { description: "A duration written as a Go duration string, e.g. 1h30m.", type: "string" },
  },
  "meta.v1.FieldsV1": {
    shape: "free",
    schema: { description: "The set of fields a manager owns, as a trie of f:/k:/v:/i: keys (structured-merge-diff format).", type: "object" },
  },
  "resource.Quantity": {
    shape: "scalar",
    schema: {
      description: "A fixed-point number with an optional suffix: binary (Ki, Mi, Gi, Ti, Pi, Ei), decimal (n, u, m, k, M, G, T, P, E) or an exponent (e3). Examples: 100m, 128Mi, 1.5, 2e3.",
      oneOf: [{ type: "string" }, { type: "number" }],
    },
  },
  "intstr.IntOrString": {
    shape: "scalar",
    schema: {
      description: "A value that is either an integer or a string (for example a port number or a port name, or a count or a percentage).",
      format: "int-or-string",
      oneOf: [{ type: "integer" }, { type: "string" }],
    },
  },
  "apiextensions.v1.JSONSchemaProps": {
    shape: "free",
    schema: { description: "A JSON Schema (the OpenAPI v3 subset Kubernetes accepts for custom resources), with the x-kubernetes-* extensions.", type: "object" },
  },
  "runtime.RawExtension": {
    shape: "free",
    schema: { description: "An embedded object of any kind.", type: "object" },
  },
};

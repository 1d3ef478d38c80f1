// The API server's OpenAPI v3 documents, the v2 document (definitions, JSON or protobuf), and the schema facts other parts of the server use
// (strategic merge patch metadata, unknown-field detection). See document.ts, field-lookup.ts,
// unknown-fields.ts.

export { openApiV3Document, openApiV3DocumentJson, openApiV3Index, OPENAPI_INFO_VERSION } from "./document.js";
export { fieldInfo, patchMetaLookup, type FieldInfo, type PatchMeta } from "./field-lookup.js";
export { knownFields, unknownFieldPaths } from "./unknown-fields.js";
export { openApiV2Document } from "./v2.js";
export { openApiV2Protobuf, OPENAPI_V2_PROTOBUF } from "./v2-proto.js";

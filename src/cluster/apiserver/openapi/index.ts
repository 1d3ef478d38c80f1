// The API server's OpenAPI v3 documents and the schema facts other parts of the server use
// (strategic merge patch metadata, unknown-field detection). See document.ts, field-lookup.ts,
// unknown-fields.ts.

export { openApiV3Document, openApiV3DocumentJson, openApiV3Index, OPENAPI_INFO_VERSION } from "./document.js";
export { fieldInfo, patchMetaLookup, type FieldInfo, type PatchMeta } from "./field-lookup.js";
export { knownFields, unknownFieldPaths } from "./unknown-fields.js";

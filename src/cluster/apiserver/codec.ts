// Request bodies: size limit, JSON / YAML / protobuf decoding and strict field validation
// (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/rest.go limitedReadBody, serializer negotiation).
import { parse as parseYaml } from "yaml";
import type { ResourceInfo } from "./resources";
import { groupVersion } from "./resources";
import type { KObject } from "./registry/types";
import { badRequest, requestTooLarge, StatusError } from "./status";
import { decodeProtobufObject } from "./protobuf";
import { unknownFieldPaths } from "./openapi";
import { readLimited } from "../../lib/limited-body";

export const MAX_REQUEST_BODY_BYTES = 3 * 1024 * 1024;

/** Reads the body, refusing more than the limit (413) without reading it whole. */
export async function readBody(req: Request, limit = MAX_REQUEST_BODY_BYTES): Promise<Uint8Array> {
  const r = await readLimited(req, limit);
  if (!r.ok) throw requestTooLarge(limit);
  return r.bytes;
}

export const mediaType = (ct: string | null) => (ct ?? "application/json").split(";")[0].trim().toLowerCase();

/** Decodes a JSON, YAML or protobuf body into an object of the resource's kind. */
export function decodeObject(ri: ResourceInfo, contentType: string | null, body: Uint8Array, expectKind = ri.kind, expectGV = groupVersion(ri)): KObject {
  const mt = mediaType(contentType);
  let obj: unknown;
  if (mt === "application/vnd.kubernetes.protobuf") {
    obj = decodeProtobufObject(body);
  } else if (mt === "application/json" || mt === "application/yaml" || mt === "application/apply-patch+yaml" || mt === "*/*") {
    obj = parseText(new TextDecoder().decode(body), mt !== "application/json", expectKind);
  } else {
    throw new StatusError("UnsupportedMediaType", `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
  }
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) {
    throw badRequest(`the object provided is unrecognized (must be of type ${expectKind}): expected an object`);
  }
  const o = obj as KObject;
  if (o.apiVersion !== undefined && o.apiVersion !== expectGV) {
    throw badRequest(`the API version in the data (${o.apiVersion}) does not match the expected API version (${expectGV})`);
  }
  if (o.kind !== undefined && o.kind !== expectKind) {
    throw badRequest(`${o.kind} in version "${String(o.apiVersion ?? expectGV).split("/").pop()}" cannot be handled as a ${expectKind}: no kind "${o.kind}" is registered for the expected kind ${expectKind}`);
  }
  if (o.metadata === undefined || o.metadata === null) o.metadata = {};
  if (typeof o.metadata !== "object" || Array.isArray(o.metadata)) {
    throw badRequest(`${expectKind} in version "${expectGV.split("/").pop()}" cannot be handled as a ${expectKind}: json: cannot unmarshal ${typeof o.metadata} into Go struct field ${expectKind}.metadata of type v1.ObjectMeta`);
  }
  return o;
}

export function parseText(text: string, yaml: boolean, expectKind: string): unknown {
  try {
    return yaml ? parseYaml(text) : JSON.parse(text);
  } catch (e) {
    throw badRequest(`the object provided is unrecognized (must be of type ${expectKind}): couldn't get version/kind; json parse error: ${(e as Error).message}`);
  }
}

export type FieldValidation = "Strict" | "Warn" | "Ignore";

export function parseFieldValidation(v: string | null): FieldValidation {
  if (v === null || v === "") return "Warn";
  if (v === "Strict" || v === "Warn" || v === "Ignore") return v;
  throw badRequest(`fieldValidation parameter unsupported: ${v}`);
}

/** Strict: 400 on unknown fields; Warn: the warnings to send as `Warning` headers. */
export function checkUnknownFields(ri: ResourceInfo, obj: KObject, mode: FieldValidation): string[] {
  if (mode === "Ignore") return [];
  const unknown = unknownFieldPaths(ri.group, ri.version, ri.kind, obj);
  if (!unknown.length) return [];
  const msgs = unknown.map((p) => `unknown field "${p}"`);
  if (mode === "Strict") throw badRequest(`strict decoding error: ${msgs.join(", ")}`);
  return msgs;
}

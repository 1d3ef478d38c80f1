// The OpenAPI v3 discovery the API server serves: `GET /openapi/v3` answers an index of group
// versions with a content hash in each serverRelativeURL, `GET /openapi/v3/<gv path>` the
// document of one group version (its paths and every component schema they reach). Built once
// and cached. Mirrors k8s.io/kube-openapi pkg/handler3 (index shape, ?hash=) and the
// documents of api/openapi-spec/v3 in kubernetes/kubernetes.

import { groupVersion, RESOURCES } from "../resources.js";
import { componentSchema, referencedTypes } from "./schema.js";
import { groupVersionPaths } from "./paths.js";
import { schemaName, shortName } from "./dsl.js";
import type { Json } from "./special.js";

/** Version string the documents carry in info.version (the server's gitVersion). */
export const OPENAPI_INFO_VERSION = "v1.32.4";

/** `api/v1`, `apis/apps/v1`, ...: the document paths, one per served group version. */
export function groupVersionDocPaths(): string[] {
  const gvs = [...new Set(RESOURCES.map((ri) => groupVersion(ri)))];
  return gvs.map((gv) => (gv.includes("/") ? `apis/${gv}` : `api/${gv}`)).sort();
}

/** The short names of every type referenced from the paths, transitively. */
function reachableTypes(paths: Record<string, Json>): string[] {
  const prefix = "#/components/schemas/";
  const work: string[] = [];
  const scan = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(scan);
    else if (v && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k === "$ref" && typeof x === "string" && x.startsWith(prefix)) work.push(shortName(x.slice(prefix.length)));
        else scan(x);
      }
    }
  };
  scan(paths);
  const seen = new Set<string>();
  while (work.length > 0) {
    const short = work.pop()!;
    if (seen.has(short)) continue;
    seen.add(short);
    work.push(...referencedTypes(short));
  }
  return [...seen];
}

function buildDocument(docPath: string): Json | undefined {
  const gv = docPath.replace(/^apis?\//, "");
  const paths = groupVersionPaths(gv);
  if (Object.keys(paths).length === 0) return undefined;
  const schemas: Json = {};
  for (const short of reachableTypes(paths).sort((a, b) => (schemaName(a) < schemaName(b) ? -1 : 1))) {
    const schema = componentSchema(short);
    if (schema) schemas[schemaName(short)] = schema;
  }
  return {
    components: {
      schemas,
      securitySchemes: { BearerToken: { description: "Bearer Token authentication", in: "header", name: "authorization", type: "apiKey" } },
    },
    info: { title: "Kubernetes", version: OPENAPI_INFO_VERSION },
    openapi: "3.0.0",
    paths,
    security: [{ BearerToken: [] }],
  };
}

/**
 * A deterministic 128-bit content hash as 32 uppercase hex digits (four FNV-1a lanes with
 * different offsets). Upstream uses SHA-512; clients only copy the value into `?hash=`.
 */
export function contentHash(text: string): string {
  const lanes = [0x811c9dc5, 0x050c5d1f, 0x1b873593, 0x6b43a9b5];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    for (let l = 0; l < lanes.length; l++) lanes[l] = Math.imul(lanes[l] ^ (c + l), 0x01000193) >>> 0;
  }
  return lanes.map((h) => h.toString(16).toUpperCase().padStart(8, "0")).join("");
}

interface Built {
  doc: Json;
  json: string;
  hash: string;
}

const cache = new Map<string, Built | null>();

function built(docPath: string): Built | undefined {
  if (!cache.has(docPath)) {
    const doc = groupVersionDocPaths().includes(docPath) ? buildDocument(docPath) : undefined;
    if (doc) {
      const json = JSON.stringify(doc);
      cache.set(docPath, { doc, json, hash: contentHash(json) });
    } else cache.set(docPath, null);
  }
  return cache.get(docPath) ?? undefined;
}

/** `GET /openapi/v3`: `{"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=..."}}}`. */
export function openApiV3Index(): { paths: Record<string, { serverRelativeURL: string }> } {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const p of groupVersionDocPaths()) {
    const b = built(p);
    if (b) paths[p] = { serverRelativeURL: `/openapi/v3/${p}?hash=${b.hash}` };
  }
  return { paths };
}

/** `GET /openapi/v3/<gvPath>` (gvPath `api/v1`, `apis/apps/v1`, ...), or undefined when not served. */
export function openApiV3Document(gvPath: string): object | undefined {
  return built(gvPath.replace(/^\/+|\/+$/g, ""))?.doc;
}

/** The serialized document and its hash, for handlers that send bytes and an ETag. */
export function openApiV3DocumentJson(gvPath: string): { json: string; hash: string } | undefined {
  const b = built(gvPath.replace(/^\/+|\/+$/g, ""));
  return b ? { json: b.json, hash: b.hash } : undefined;
}

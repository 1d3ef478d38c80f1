// The path items of one group version's OpenAPI v3 document: for every resource its collection
// (list, create, delete collection), its object (read, replace, patch, delete), the
// all-namespaces list and the status/scale/binding/eviction/finalize/ephemeralcontainers
// subresources. Each operation names its kind in x-kubernetes-group-version-kind, which is how
// kubectl finds the PATCH operation (and its fieldValidation parameter) for a kind.
// Mirrors the routes k8s.io/apiserver's endpoints/installer.go registers and documents.

import { groupVersion, RESOURCES, type ResourceInfo, type SubresourceInfo } from "../resources.js";
import type { GroupVersionKind } from "./catalog.js";
import { shortTypeName } from "./dsl.js";
import { DELETE_COLLECTION_PARAMS, DELETE_PARAMS, LIST_PARAMS, NAMESPACE_PARAM, PATCH_PARAMS, pathParam, PRETTY, WRITE_PARAMS } from "./params.js";
import { refTo } from "./schema.js";
import type { Json } from "./special.js";

const MEDIA = ["application/json", "application/vnd.kubernetes.protobuf", "application/yaml"];
const WATCH_MEDIA = ["application/json;stream=watch", "application/vnd.kubernetes.protobuf;stream=watch"];
const PATCH_MEDIA = ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json"];
const STATUS = "meta.v1.Status";
/** Subresources served as streams or connections, not documented with an object schema here. */
const CONNECT = new Set(["attach", "exec", "log", "portforward", "proxy"]);

const content = (short: string, media: string[]) => Object.fromEntries(media.map((m) => [m, { schema: { $ref: refTo(short) } }]));
const RESPONSE_TEXT: Record<string, string> = { "200": "OK", "201": "Created", "202": "Accepted" };

function responses(short: string, codes: string[], media = MEDIA): Json {
  const out: Json = {};
  for (const code of codes) out[code] = { content: content(short, media), description: RESPONSE_TEXT[code] };
  out["401"] = { description: "Unauthorized" };
  return out;
}

/** `coordination.k8s.io` → `Coordination`, `` → `Core`: the group part of operation ids. */
function groupId(group: string): string {
  if (group === "") return "Core";
  return group.replace(/\.k8s\.io$/, "").split(".").map((p) => p[0].toUpperCase() + p.slice(1)).join("");
}

function tag(group: string, version: string): string {
  const g = groupId(group);
  return `${g[0].toLowerCase()}${g.slice(1)}_${version}`;
}

interface OpArgs {
  action: string;
  verb: string;
  id: string;
  description: string;
  gvk: GroupVersionKind;
  ri: ResourceInfo;
  parameters?: Json[];
  requestBody?: Json;
  responses: Json;
}

function op(a: OpArgs): Json {
  const out: Json = { description: a.description, operationId: a.id };
  if (a.parameters) out.parameters = a.parameters;
  if (a.requestBody) out.requestBody = a.requestBody;
  out.responses = a.responses;
  out.tags = [tag(a.ri.group, a.ri.version)];
  out["x-kubernetes-action"] = a.action;
  out["x-kubernetes-group-version-kind"] = { group: a.gvk.group, kind: a.gvk.kind, version: a.gvk.version };
  return out;
}

const body = (short: string, media = ["application/json", "application/vnd.kubernetes.protobuf", "application/yaml"]) => ({ content: content(short, media), required: true });
const patchBody = () => body("meta.v1.Patch", PATCH_MEDIA);

function basePath(ri: ResourceInfo): string {
  return ri.group ? `/apis/${ri.group}/${ri.version}` : `/api/${ri.version}`;
}

function collectionPaths(ri: ResourceInfo, kindType: string, out: Record<string, Json>) {
  const ns = ri.namespaced ? "Namespaced" : "";
  const id = (verb: string, suffix = "") => `${verb}${groupId(ri.group)}${ri.version[0].toUpperCase()}${ri.version.slice(1)}${suffix}`;
  const gvk = { group: ri.group, version: ri.version, kind: ri.kind };
  const listType = shortTypeName(ri.group, ri.version, ri.listKind);
  const has = (v: string) => ri.verbs.includes(v);
  const common = { gvk, ri };
  const item: Json = {}, coll: Json = {};
  if (has("list")) coll.get = op({ ...common, action: "list", verb: "get", id: id("list", `${ns}${ri.kind}`), description: `list or watch objects of kind ${ri.kind}`, parameters: LIST_PARAMS, responses: responses(listType, ["200"], [...MEDIA, ...WATCH_MEDIA]) });
  if (has("create")) coll.post = op({ ...common, action: "post", verb: "post", id: id("create", `${ns}${ri.kind}`), description: `create ${article(ri.kind)} ${ri.kind}`, parameters: WRITE_PARAMS, requestBody: body(kindType), responses: responses(kindType, ["200", "201", "202"]) });
  if (has("deletecollection")) coll.delete = op({ ...common, action: "deletecollection", verb: "delete", id: id("delete", `Collection${ns}${ri.kind}`), description: `delete collection of ${ri.kind}`, parameters: DELETE_COLLECTION_PARAMS, requestBody: body("meta.v1.DeleteOptions"), responses: responses(STATUS, ["200"]) });
  if (has("get")) item.get = op({ ...common, action: "get", verb: "get", id: id("read", `${ns}${ri.kind}`), description: `read the specified ${ri.kind}`, responses: responses(kindType, ["200"]) });
  if (has("update")) item.put = op({ ...common, action: "put", verb: "put", id: id("replace", `${ns}${ri.kind}`), description: `replace the specified ${ri.kind}`, parameters: WRITE_PARAMS, requestBody: body(kindType), responses: responses(kindType, ["200", "201"]) });
  if (has("patch")) item.patch = op({ ...common, action: "patch", verb: "patch", id: id("patch", `${ns}${ri.kind}`), description: `partially update the specified ${ri.kind}`, parameters: PATCH_PARAMS, requestBody: patchBody(), responses: responses(kindType, ["200", "201"]) });
  // Graceful deletion answers with the pod itself; other resources answer with a Status.
  if (has("delete")) item.delete = op({ ...common, action: "delete", verb: "delete", id: id("delete", `${ns}${ri.kind}`), description: `delete ${article(ri.kind)} ${ri.kind}`, parameters: DELETE_PARAMS, requestBody: body("meta.v1.DeleteOptions"), responses: responses(ri.kind === "Pod" ? kindType : STATUS, ["200", "202"]) });

  const base = basePath(ri);
  const collPath = ri.namespaced ? `${base}/namespaces/{namespace}/${ri.resource}` : `${base}/${ri.resource}`;
  const scope = ri.namespaced ? [NAMESPACE_PARAM] : [];
  const nameParam = pathParam("name", `name of the ${ri.kind}`);
  if (Object.keys(coll).length > 0) out[collPath] = { ...coll, parameters: [...scope, PRETTY] };
  if (Object.keys(item).length > 0) out[`${collPath}/{name}`] = { ...item, parameters: [nameParam, ...scope, PRETTY] };
  if (ri.namespaced && has("list")) {
    out[`${base}/${ri.resource}`] = {
      get: op({ ...common, action: "list", verb: "get", id: id("list", `${ri.kind}ForAllNamespaces`), description: `list or watch objects of kind ${ri.kind}`, responses: responses(listType, ["200"], [...MEDIA, ...WATCH_MEDIA]) }),
      parameters: [...LIST_PARAMS, PRETTY],
    };
  }
  for (const sub of ri.subresources) subresourcePath(ri, sub, `${collPath}/{name}`, [nameParam, ...scope, PRETTY], id, out);
}

function subresourcePath(ri: ResourceInfo, sub: SubresourceInfo, itemPath: string, params: Json[],
  id: (verb: string, suffix?: string) => string, out: Record<string, Json>) {
  if (CONNECT.has(sub.name)) return;
  const short = shortTypeName(sub.kind.group, sub.kind.version, sub.kind.kind);
  const suffix = `${ri.namespaced ? "Namespaced" : ""}${ri.kind}${sub.name[0].toUpperCase()}${sub.name.slice(1)}`;
  const common = { gvk: sub.kind, ri };
  const item: Json = {};
  for (const verb of sub.verbs) {
    if (verb === "get") item.get = op({ ...common, action: "get", verb, id: id("read", suffix), description: `read ${sub.name} of the specified ${ri.kind}`, responses: responses(short, ["200"]) });
    if (verb === "update") item.put = op({ ...common, action: "put", verb, id: id("replace", suffix), description: `replace ${sub.name} of the specified ${ri.kind}`, parameters: WRITE_PARAMS, requestBody: body(short), responses: responses(short, ["200", "201"]) });
    if (verb === "patch") item.patch = op({ ...common, action: "patch", verb, id: id("patch", suffix), description: `partially update ${sub.name} of the specified ${ri.kind}`, parameters: PATCH_PARAMS, requestBody: patchBody(), responses: responses(short, ["200", "201"]) });
    if (verb === "create") item.post = op({ ...common, action: "post", verb, id: id("create", suffix), description: `create ${sub.name} of ${article(ri.kind)} ${ri.kind}`, parameters: WRITE_PARAMS, requestBody: body(short), responses: responses(short, ["200", "201", "202"]) });
  }
  if (Object.keys(item).length > 0) out[`${itemPath}/${sub.name}`] = { ...item, parameters: params.map((p) => (p.name === "name" ? pathParam("name", `name of the ${sub.kind.kind}`) : p)) };
}

const article = (kind: string) => (/^[AEIOU]/.test(kind) ? "an" : "a");

/** The path items of a group version ("v1" or "apps/v1"), in path order. */
export function groupVersionPaths(gv: string): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const ri of RESOURCES.filter((r) => groupVersion(r) === gv)) {
    collectionPaths(ri, shortTypeName(ri.group, ri.version, ri.kind), out);
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

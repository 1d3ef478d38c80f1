// Resource verbs over HTTP: get, list, watch, create, update, patch, delete, deletecollection
// (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/{get,create,update,patch,delete}.go).
import type { Store } from "../store/types";
import type { GenericRegistry } from "./generic-registry";
import type { RequestInfo } from "./request-info";
import type { ResourceInfo } from "./resources";
import { groupVersion } from "./resources";
import type { UserInfo } from "./admission/types";
import type { KObject } from "./registry/types";
import type { RequestTrace } from "./trace";
import { json, jsonText, warningHeaders } from "./responses";
import { badRequest, methodNotSupported, successStatus } from "./status";
import { checkUnknownFields, decodeObject, mediaType, parseFieldValidation, parseText, readBody } from "./codec";
import { list, listAsStored, listKindOf, type ListOptions, type ListResult } from "./list-watch";
import { parseIncludeObject, toTable, wantsTable } from "./table";
import { watchResponse } from "./watch-stream";
import { applyPatch } from "./patch";
import { patchMetaLookup } from "./openapi";
import { createBinding, handleSubresource } from "./subresources";
import type { NodeProxy } from "./server";

export interface ResourceHandlerDeps {
  registry: GenericRegistry;
  store: Store;
  now: () => Date;
  nodeProxy?: NodeProxy;
  watchOpened(): void;
  watchClosed(): void;
}

export interface Call {
  deps: ResourceHandlerDeps;
  req: Request;
  url: URL;
  q: URLSearchParams;
  info: RequestInfo;
  ri: ResourceInfo;
  user: UserInfo;
  trace: RequestTrace;
  dryRun: boolean;
  fieldManager?: string;
}

export async function handleResource(deps: ResourceHandlerDeps, req: Request, url: URL, info: RequestInfo,
  ri: ResourceInfo, user: UserInfo, trace: RequestTrace): Promise<Response> {
  const q = url.searchParams;
  const dryRunValues = q.getAll("dryRun");
  for (const d of dryRunValues) if (d !== "All") throw badRequest(`Invalid dry run value: ${d}`);
  const call: Call = {
    deps, req, url, q, info, ri, user, trace, dryRun: dryRunValues.includes("All"),
    fieldManager: q.get("fieldManager") ?? undefined,
  };
  if (ri.namespaced && !info.namespace && !["list", "watch", "deletecollection"].includes(info.verb) && info.name) {
    throw badRequest("the server could not find the requested resource");
  }
  if (info.subresource) return handleSubresource(call);
  if (ri.resource === "bindings") {
    if (info.verb !== "create") throw methodNotSupported(ri, info.verb);
    return createBinding(call);
  }
  switch (info.verb) {
    case "get": return getOne(call);
    case "list": return listAll(call);
    case "watch": return watchAll(call);
    case "create": return create(call);
    case "update": return update(call);
    case "patch": return patch(call);
    case "delete": return deleteOne(call);
    case "deletecollection": return deleteCollection(call);
  }
  throw methodNotSupported(ri, info.verb);
}

function objectResponse(c: Call, obj: KObject, status = 200, headers: Record<string, string> = {}): Response {
  const t = wantsTable(c.req.headers.get("accept"));
  if (t) {
    return json(toTable(c.ri, [obj], c.deps.now(), {
      include: parseIncludeObject(c.q.get("includeObject")), version: t,
      meta: { resourceVersion: obj.metadata.resourceVersion },
    }), status, headers);
  }
  return json(obj, status, headers);
}

function getOne(c: Call): Response {
  return objectResponse(c, c.deps.registry.get(c.ri, c.info.namespace, c.info.name!));
}

function listAll(c: Call): Response {
  const limit = c.q.get("limit");
  const opts: ListOptions = {
    present: (ri, o) => c.deps.registry.present(ri, o),
    labelSelector: c.q.get("labelSelector") ?? undefined, fieldSelector: c.q.get("fieldSelector") ?? undefined,
    limit: limit ? Math.max(0, Number(limit) || 0) : undefined, continue: c.q.get("continue") ?? undefined,
    resourceVersion: c.q.get("resourceVersion") ?? undefined, resourceVersionMatch: c.q.get("resourceVersionMatch") ?? undefined,
  };
  const t = wantsTable(c.req.headers.get("accept"));
  if (!t && c.deps.registry.presentsAsStored(c.ri)) {
    const stored = listAsStored(c.deps.store, c.ri, c.info.namespace, opts);
    if (stored) return jsonText(listJsonText(c.ri, listMetadata(stored), stored.items));
  }
  const r = list(c.deps.store, c.ri, c.info.namespace, opts);
  if (t) {
    const meta = { resourceVersion: r.resourceVersion, continue: r.continue, remainingItemCount: r.remainingItemCount };
    return json(toTable(c.ri, r.items.map((o) => typed(c.ri, o)), c.deps.now(), { include: parseIncludeObject(c.q.get("includeObject")), version: t, meta }));
  }
  return json({ ...listKindOf(c.ri), metadata: listMetadata(r), items: r.items });
}

/** ListMeta: resourceVersion, then continue and remainingItemCount when there are more pages. */
function listMetadata(r: Omit<ListResult, "items">): Record<string, unknown> {
  const metadata: Record<string, unknown> = { resourceVersion: r.resourceVersion };
  if (r.continue) metadata.continue = r.continue;
  if (r.remainingItemCount !== undefined) metadata.remainingItemCount = r.remainingItemCount;
  return metadata;
}

/** The list's JSON with items already serialized: the same text JSON.stringify gives for the parsed items. */
function listJsonText(ri: ResourceInfo, metadata: Record<string, unknown>, items: string[]): string {
  const head = JSON.stringify({ ...listKindOf(ri), metadata });
  return `${head.slice(0, -1)},"items":[${items.join(",")}]}`;
}

const typed = (ri: ResourceInfo, o: KObject): KObject => ({ kind: ri.kind, apiVersion: groupVersion(ri), ...o });

function watchAll(c: Call): Response {
  c.deps.watchOpened();
  const t = wantsTable(c.req.headers.get("accept"));
  const timeout = c.q.get("timeoutSeconds");
  try {
    return watchResponse(c.deps.store, c.ri, c.info.namespace, {
      present: (ri, o) => c.deps.registry.present(ri, o),
      labelSelector: c.q.get("labelSelector") ?? undefined, fieldSelector: c.q.get("fieldSelector") ?? undefined,
      resourceVersion: c.q.get("resourceVersion") ?? undefined,
      timeoutSeconds: timeout ? Number(timeout) : undefined,
      allowWatchBookmarks: c.q.get("allowWatchBookmarks") === "true",
      table: t ? { include: parseIncludeObject(c.q.get("includeObject")), version: t } : undefined,
      now: c.deps.now, onClose: c.deps.watchClosed,
    });
  } catch (e) {
    c.deps.watchClosed();
    throw e;
  }
}

async function decodeBody(c: Call): Promise<{ obj: KObject; warnings: string[] }> {
  const body = await readBody(c.req);
  const obj = decodeObject(c.ri, c.req.headers.get("content-type"), body);
  const warnings = checkUnknownFields(c.ri, obj, parseFieldValidation(c.q.get("fieldValidation")));
  return { obj, warnings };
}

function writeOpts(c: Call) {
  return { user: c.user, dryRun: c.dryRun, fieldManager: c.fieldManager ?? defaultManager(c.req), trace: c.trace };
}

/** Upstream names the manager after the client's user agent when the request names none. */
function defaultManager(req: Request): string {
  const ua = req.headers.get("user-agent") ?? "unknown";
  return ua.split("/")[0] || "unknown";
}

async function create(c: Call): Promise<Response> {
  const { obj, warnings } = await decodeBody(c);
  if (c.info.name) throw methodNotSupported(c.ri, "create");
  const created = c.deps.registry.create(c.ri, c.info.namespace, obj, writeOpts(c));
  return objectResponse(c, created, 201, warningHeaders(warnings));
}

async function update(c: Call): Promise<Response> {
  const { obj, warnings } = await decodeBody(c);
  const updated = c.deps.registry.update(c.ri, c.info.namespace, c.info.name!, obj, writeOpts(c));
  return objectResponse(c, updated, 200, warningHeaders(warnings));
}

async function patch(c: Call): Promise<Response> {
  const body = await readBody(c.req);
  const ct = mediaType(c.req.headers.get("content-type"));
  const name = c.info.name!;
  const { registry } = c.deps;
  const isApply = ct === "application/apply-patch+yaml";
  if (isApply && !c.q.get("fieldManager")) {
    throw badRequest("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
  }
  let existing: KObject | undefined;
  try {
    existing = registry.get(c.ri, c.info.namespace, name);
  } catch (e) {
    if (!isApply) throw e;
  }
  const lookup = patchMetaLookup(c.ri.group, c.ri.version, c.ri.kind);
  const patched = applyPatch(ct, existing, body, lookup, {
    fieldManager: c.fieldManager, force: c.q.get("force") === "true", now: c.deps.now(),
  }) as KObject;
  const warnings = isApply ? checkUnknownFields(c.ri, parseText(new TextDecoder().decode(body), true, c.ri.kind) as KObject, parseFieldValidation(c.q.get("fieldValidation"))) : [];
  if (!existing) {
    const created = registry.create(c.ri, c.info.namespace, { ...patched, metadata: { ...patched.metadata, name } }, { ...writeOpts(c), operation: "Apply" });
    return objectResponse(c, created, 201, warningHeaders(warnings));
  }
  const updated = registry.update(c.ri, c.info.namespace, name, patched, { ...writeOpts(c), operation: isApply ? "Apply" : "Update" });
  return objectResponse(c, updated, 200, warningHeaders(warnings));
}

interface DeleteOptionsBody {
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  propagationPolicy?: "Background" | "Foreground" | "Orphan";
  orphanDependents?: boolean;
  dryRun?: string[];
}

async function deleteOptions(c: Call): Promise<Pick<DeleteOptionsBody, "gracePeriodSeconds" | "preconditions" | "propagationPolicy">> {
  const body = await readBody(c.req);
  let o: DeleteOptionsBody = {};
  if (body.byteLength) {
    const parsed = parseText(new TextDecoder().decode(body), false, "DeleteOptions");
    if (!parsed || typeof parsed !== "object") throw badRequest("the body of the request was in an unknown format");
    o = parsed as DeleteOptionsBody;
  }
  const g = c.q.get("gracePeriodSeconds");
  if (g !== null) o.gracePeriodSeconds = Number(g);
  const pp = c.q.get("propagationPolicy");
  if (pp) o.propagationPolicy = pp as DeleteOptionsBody["propagationPolicy"];
  if (o.gracePeriodSeconds !== undefined && (!Number.isInteger(o.gracePeriodSeconds) || o.gracePeriodSeconds < 0)) {
    if (o.gracePeriodSeconds < 0) o.gracePeriodSeconds = 1; else throw badRequest("gracePeriodSeconds must be a whole number");
  }
  if (o.propagationPolicy && !["Background", "Foreground", "Orphan"].includes(o.propagationPolicy)) {
    throw badRequest(`DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${o.propagationPolicy}": supported values: "Foreground", "Background", "Orphan", "nil"`);
  }
  if (o.dryRun?.includes("All")) c.dryRun = true;
  return { gracePeriodSeconds: o.gracePeriodSeconds, preconditions: o.preconditions, propagationPolicy: o.propagationPolicy };
}

async function deleteOne(c: Call): Promise<Response> {
  const o = await deleteOptions(c);
  const r = c.deps.registry.delete(c.ri, c.info.namespace, c.info.name!, { ...writeOpts(c), ...o });
  const s = c.deps.registry.strategy(c.ri);
  if (!r.deleted || s.returnDeletedObject) return json(r.object);
  return json(successStatus({ name: r.object.metadata.name, group: c.ri.group || undefined, kind: c.ri.resource, uid: r.object.metadata.uid }));
}

async function deleteCollection(c: Call): Promise<Response> {
  if (!c.ri.verbs.includes("deletecollection")) throw methodNotSupported(c.ri, "deletecollection");
  const o = await deleteOptions(c);
  const r = list(c.deps.store, c.ri, c.info.namespace, {
    labelSelector: c.q.get("labelSelector") ?? undefined, fieldSelector: c.q.get("fieldSelector") ?? undefined,
  });
  const items: KObject[] = [];
  for (const obj of r.items) {
    const res = c.deps.registry.delete(c.ri, obj.metadata.namespace, obj.metadata.name, { ...writeOpts(c), ...o });
    items.push(res.object);
  }
  return json({ ...listKindOf(c.ri), metadata: { resourceVersion: String(c.deps.store.currentRevision()) }, items });
}

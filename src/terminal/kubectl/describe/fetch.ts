// Requests describe makes through the terminal's transport, as kubectl's clientsets do: GET of an
// object (Accept application/json), lists followed with limit=500 and continue
// (runtimeresource.FollowContinue), and searchEvents's field selector on involvedObject.
// A failed request becomes an ApiError carrying kubectl's printed form of the Status.
import type { KubeTransport } from "../../types";
import type { Json } from "./go-format";

/** Chunk size of kubectl's describers (cmdutil.DefaultChunkSize). */
export const CHUNK_SIZE = 500;

/** A failed API request: `text` is what kubectl prints ("Error from server (NotFound): ..."). */
export class ApiError {
  constructor(readonly code: number, readonly reason: string, readonly text: string, readonly message: string) {}
}

/** The printed form of a non-2xx answer (StandardErrorMessage of kubectl's cmd/util/helpers.go). */
async function apiError(res: Response): Promise<ApiError> {
  const body = await res.text();
  let status: Json | undefined;
  try { status = JSON.parse(body) as Json; } catch { status = undefined; }
  if (status && status.kind === "Status") {
    const reason = typeof status.reason === "string" ? status.reason : "";
    const message = typeof status.message === "string" ? status.message : "";
    const text = reason ? `Error from server (${reason}): ${message}` : `Error from server: ${message}`;
    return new ApiError(res.status, reason, text, message);
  }
  const message = body.trim() || res.statusText;
  return new ApiError(res.status, "", `Error from server: ${message}`, message);
}

export async function getJson(t: KubeTransport, path: string): Promise<Json> {
  const res = await t.request("GET", path, { headers: { accept: "application/json" } });
  if (!res.ok) throw await apiError(res);
  return (await res.json()) as Json;
}

/** GET that answers undefined instead of failing (describers that tolerate a missing object). */
export async function tryGetJson(t: KubeTransport, path: string): Promise<Json | ApiError> {
  try { return await getJson(t, path); } catch (e) { if (e instanceof ApiError) return e; throw e; }
}

/** A list followed through every continue token; `query` is already encoded. */
export async function listAll(t: KubeTransport, path: string, query: Record<string, string> = {}, chunk = true): Promise<Json[]> {
  const items: Json[] = [];
  let cont = "";
  for (;;) {
    const q = new URLSearchParams(query);
    if (chunk) q.set("limit", String(CHUNK_SIZE));
    if (cont) q.set("continue", cont);
    const qs = q.toString();
    const list = await getJson(t, qs ? `${path}?${qs}` : path);
    items.push(...((list.items as Json[] | undefined) ?? []));
    cont = typeof list.metadata?.continue === "string" ? list.metadata.continue : "";
    if (!cont) return items;
  }
}

/** The path of a resource collection (namespace "" for cluster scope or all namespaces). */
export function collectionPath(group: string, version: string, resource: string, namespace?: string): string {
  const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
  return namespace ? `${base}/namespaces/${encodeURIComponent(namespace)}/${resource}` : `${base}/${resource}`;
}

export interface ObjectRef { kind?: string; namespace: string; name: string; uid?: string; }

/**
 * searchEvents / GetFieldSelector: events whose involvedObject matches the reference (kind and uid
 * only when set). Errors are ignored by every describer (events, _ = searchEvents(...)), so a
 * failed list answers undefined and no Events section is printed.
 */
export async function searchEvents(t: KubeTransport, ref: ObjectRef): Promise<Json[] | undefined> {
  const sel = [`involvedObject.name=${ref.name}`, `involvedObject.namespace=${ref.namespace}`];
  if (ref.kind) sel.push(`involvedObject.kind=${ref.kind}`);
  if (ref.uid) sel.push(`involvedObject.uid=${ref.uid}`);
  try {
    return await listAll(t, collectionPath("", "v1", "events", ref.namespace), { fieldSelector: sel.join(",") });
  } catch (e) {
    if (e instanceof ApiError) return undefined;
    throw e;
  }
}

/** The reference searchEvents builds for a fetched object (reference.GetReference). */
export function refOf(obj: Json, kind: string): ObjectRef {
  return { kind, namespace: obj.metadata?.namespace ?? "", name: obj.metadata?.name ?? "", uid: obj.metadata?.uid };
}

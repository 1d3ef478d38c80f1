// `kubectl explain` for the web terminal (pkg/cmd/explain and pkg/explain/v2 of kubectl v0.32):
// the resource is mapped through discovery, the group version's OpenAPI v3 document is fetched as
// kubectl fetches it (GET /openapi/v3, then the document's serverRelativeURL) and rendered with
// the plaintext template. Errors are data: { ok: false, text (what was printed first), error }.
import type { KubeTransport } from "../../../types";
import type { Json } from "../go-format";
import { splitResourceRequest } from "./mapping";
import { render } from "./render";

export interface ExplainOptions { recursive?: boolean; apiVersion?: string; }
export type ExplainResult = { ok: true; text: string } | { ok: false; text: string; error: string };

async function getJson(t: KubeTransport, path: string): Promise<Json | undefined> {
  const res = await t.request("GET", path, { headers: { accept: "application/json" } });
  return res.ok ? ((await res.json()) as Json) : undefined;
}

export async function explain(t: KubeTransport, path: string, opts: ExplainOptions = {}): Promise<ExplainResult> {
  const split = await splitResourceRequest(t, path, opts.apiVersion);
  if ("error" in split) return { ok: false, text: "", error: split.error };
  const { gvr, fieldPath } = split;
  const index = await getJson(t, "/openapi/v3");
  if (!index) return { ok: false, text: "", error: "error: failed to fetch list of groupVersions" };
  const docPath = gvr.group ? `apis/${gvr.group}/${gvr.version}` : `api/${gvr.version}`;
  const url = index.paths?.[docPath]?.serverRelativeURL;
  if (typeof url !== "string") return { ok: false, text: "", error: `error: couldn't find resource for "${gvr.group ? `${gvr.group}/` : ""}${gvr.version}, Resource=${gvr.resource}"` };
  const doc = await getJson(t, url);
  if (!doc) return { ok: false, text: "", error: `error: failed to fetch openapi schema for ${docPath}` };
  const out = render(doc, gvr, fieldPath, opts.recursive === true);
  return out.error === undefined ? { ok: true, text: out.text } : { ok: false, text: out.text, error: out.error };
}

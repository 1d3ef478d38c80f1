// The resource part of `kubectl explain TYPE.field...`: explain.SplitAndParseResourceRequest
// (WithMatchingPrefix) over the RESTMapper kubectl builds from aggregated discovery (/api, /apis):
// the longest prefix "resource[.group]" that names a served resource (plural, singular or short
// name, any case), at the group's preferred version unless --api-version says otherwise.
import type { KubeTransport } from "../../../types";
import type { Json } from "../go-format";

const AGG_ACCEPT = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

export interface Gvr { group: string; version: string; resource: string; }

interface Entry extends Gvr { names: string[]; preferred: boolean; }

async function discovery(t: KubeTransport): Promise<Entry[]> {
  const entries: Entry[] = [];
  for (const path of ["/api", "/apis"]) {
    const res = await t.request("GET", path, { headers: { accept: AGG_ACCEPT } });
    if (!res.ok) continue;
    const list = (await res.json()) as Json;
    for (const g of (list.items ?? []) as Json[]) {
      const group = typeof g.metadata?.name === "string" ? g.metadata.name : "";
      ((g.versions ?? []) as Json[]).forEach((v, i) => {
        for (const r of (v.resources ?? []) as Json[]) {
          const names = [r.resource, r.singularResource, ...((r.shortNames ?? []) as string[])].filter((n): n is string => typeof n === "string" && n !== "");
          entries.push({ group, version: String(v.version), resource: String(r.resource), names, preferred: i === 0 });
        }
      });
    }
  }
  return entries;
}

export interface Split { gvr: Gvr; fieldPath: string[]; }

/** Splits "pods.spec.containers" into the resource and its field path; undefined when no resource matches. */
export async function splitResourceRequest(t: KubeTransport, request: string, apiVersion?: string): Promise<Split | { error: string }> {
  const parts = request.split(".");
  const entries = await discovery(t);
  const [avGroup, avVersion] = apiVersion ? (apiVersion.includes("/") ? apiVersion.split("/", 2) : ["", apiVersion]) : [undefined, undefined];
  const maxPrefix = apiVersion ? 1 : parts.length;
  for (let k = maxPrefix; k >= 1; k--) {
    const name = parts[0].toLowerCase();
    const group = parts.slice(1, k).join(".").toLowerCase();
    const matches = entries.filter((e) => e.names.some((n) => n.toLowerCase() === name) && (k === 1 || e.group === group)
      && (avGroup === undefined || (e.group === avGroup && e.version === avVersion)));
    const hit = matches.find((e) => e.preferred) ?? matches[0];
    if (hit) return { gvr: { group: hit.group, version: hit.version, resource: hit.resource }, fieldPath: parts.slice(k) };
  }
  return { error: `the server doesn't have a resource type "${parts[0]}"` };
}

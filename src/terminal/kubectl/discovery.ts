// Discovery and the REST mapper: the resources of /api and /apis (aggregated discovery v2) with
// their short names, categories, kinds and scopes, and the lookup from what a user types (`po`,
// `deploy.apps`, `Pod`, `all`) to a resource. Mirrors client-go discovery/aggregated_discovery.go,
// restmapper/shortcut.go and restmapper/category_expansion.go.
import { type Client, type Obj } from "./client";
import { fail } from "./errors";

const ACCEPT_AGG = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

export interface ApiResource {
  group: string;
  version: string;
  resource: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  /** The version is the group's preferred (first listed) one. */
  preferred: boolean;
}

export interface Discovery {
  resources: ApiResource[];
  /** group/version strings in discovery order (api-versions). */
  groupVersions: string[];
}

export async function discover(client: Client): Promise<Discovery> {
  const core = await client.get("/api?timeout=32s", ACCEPT_AGG);
  const groups = await client.get("/apis?timeout=32s", ACCEPT_AGG);
  const resources: ApiResource[] = [];
  const groupVersions: string[] = [];
  for (const g of [...(core.items ?? []), ...(groups.items ?? [])] as Obj[]) {
    const group = g.metadata?.name ?? "";
    (g.versions ?? []).forEach((v: Obj, idx: number) => {
      groupVersions.push(group ? `${group}/${v.version}` : v.version);
      for (const r of v.resources ?? []) {
        if (!r.responseKind?.kind) continue;
        resources.push({
          group, version: v.version, resource: r.resource, singular: r.singularResource ?? "",
          kind: r.responseKind.kind, namespaced: r.scope === "Namespaced", shortNames: r.shortNames ?? [],
          categories: r.categories ?? [], verbs: r.verbs ?? [], preferred: idx === 0,
        });
      }
    });
  }
  return { resources, groupVersions };
}

/** A resource argument resolved: `po` → pods, `deployments.apps` → apps deployments. */
export function resolveResource(d: Discovery, arg: string): ApiResource {
  const r = findResource(d, arg);
  if (!r) throw fail(`the server doesn't have a resource type "${arg}"`);
  return r;
}

export function findResource(d: Discovery, arg: string): ApiResource | undefined {
  const lower = arg.toLowerCase();
  const candidates = d.resources.filter((r) => r.preferred);
  const matches = (r: ApiResource, name: string) =>
    r.resource === name || r.singular === name || r.shortNames.includes(name) || r.kind.toLowerCase() === name;
  // Short names first (the shortcut expander), then plural/singular/kind.
  const short = candidates.find((r) => r.shortNames.includes(lower));
  if (short) return short;
  const exact = candidates.find((r) => matches(r, lower));
  if (exact) return exact;
  // resource.group or resource.version.group
  const dot = lower.indexOf(".");
  if (dot > 0) {
    const name = lower.slice(0, dot);
    const rest = lower.slice(dot + 1);
    return d.resources.find((r) => matches(r, name) && (r.group === rest || `${r.version}.${r.group}` === rest) && (r.preferred || rest.includes(".")))
      ?? d.resources.find((r) => matches(r, name) && r.group.startsWith(rest) && r.preferred);
  }
  return undefined;
}

/** Expand a category (`all`) into its resources, in discovery order. */
export function expandCategory(d: Discovery, arg: string): ApiResource[] | undefined {
  if (findResource(d, arg)) return undefined;
  const rs = d.resources.filter((r) => r.preferred && r.categories.includes(arg.toLowerCase()));
  return rs.length ? rs : undefined;
}

/** The resource for an object's apiVersion and kind. */
export function resourceForKind(d: Discovery, apiVersion: string, kind: string): ApiResource {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") as [string, string] : ["", apiVersion];
  const r = d.resources.find((x) => x.group === group && x.version === version && x.kind === kind && !x.resource.includes("/"));
  if (!r) throw fail(`resource mapping not found for name: "" namespace: "" from "": no matches for kind "${kind}" in version "${apiVersion}"\nensure CRDs are installed first`);
  return r;
}

/** `deployment.apps` / `pod`: the kind prefix kubectl prints before names. */
export function kindPrefix(r: ApiResource): string {
  return r.group ? `${r.kind.toLowerCase()}.${r.group}` : r.kind.toLowerCase();
}

export function gv(r: ApiResource): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** The collection path, namespaced when the resource is. */
export function collectionPath(r: ApiResource, namespace?: string): string {
  const base = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  return r.namespaced && namespace ? `${base}/namespaces/${namespace}/${r.resource}` : `${base}/${r.resource}`;
}

export function objectPath(r: ApiResource, namespace: string, name: string): string {
  return `${collectionPath(r, r.namespaced ? namespace : undefined)}/${encodeURIComponent(name)}`;
}

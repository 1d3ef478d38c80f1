// Discovery documents: legacy (/api → APIVersions, /apis → APIGroupList, /api/v1 → APIResourceList)
// and aggregated (apidiscovery.k8s.io/v2 APIGroupDiscoveryList), from the one resource table.
// Mirrors staging/src/k8s.io/apiserver/pkg/endpoints/discovery (aggregated/handler.go).
import { RESOURCES, groupVersion, type ResourceInfo } from "./resources";

export const AGGREGATED_CONTENT_TYPE = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
const AGGREGATED_V2BETA1 = "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";

/** Group order as a kubeadm cluster lists them (core first, then apps, ...). */
const GROUP_ORDER = ["", "apiextensions.k8s.io", "apps", "events.k8s.io", "batch", "coordination.k8s.io", "discovery.k8s.io", "policy", "rbac.authorization.k8s.io", "scheduling.k8s.io"];

function groups(): string[] {
  const present = new Set(RESOURCES.map((r) => r.group));
  return GROUP_ORDER.filter((g) => present.has(g));
}

const byGroup = (g: string) => RESOURCES.filter((r) => r.group === g).sort((a, b) => a.resource.localeCompare(b.resource));

/** Which aggregated version, if any, the Accept header asks for. */
export function wantsAggregated(accept: string | null): "v2" | "v2beta1" | undefined {
  if (!accept) return undefined;
  for (const part of accept.split(",")) {
    const p = part.replace(/\s+/g, "");
    if (p.includes("as=APIGroupDiscoveryList") && p.includes("g=apidiscovery.k8s.io")) {
      if (p.includes("v=v2beta1")) return "v2beta1";
      if (p.includes("v=v2")) return "v2";
    }
  }
  return undefined;
}

export const aggregatedContentType = (v: "v2" | "v2beta1") => (v === "v2" ? AGGREGATED_CONTENT_TYPE : AGGREGATED_V2BETA1);

function resourceDiscovery(ri: ResourceInfo) {
  const out: Record<string, unknown> = {
    resource: ri.resource,
    responseKind: { group: ri.group, version: ri.version, kind: ri.kind },
    scope: ri.namespaced ? "Namespaced" : "Cluster",
    singularResource: ri.singular,
    verbs: ri.verbs,
  };
  if (ri.shortNames.length) out.shortNames = ri.shortNames;
  if (ri.categories.length) out.categories = ri.categories;
  if (ri.subresources.length) {
    out.subresources = ri.subresources.map((s) => ({ subresource: s.name, responseKind: s.kind, verbs: s.verbs }));
  }
  return out;
}

function groupDiscovery(g: string) {
  return {
    metadata: g ? { name: g, creationTimestamp: null } : { creationTimestamp: null },
    versions: [{ version: "v1", resources: byGroup(g).map(resourceDiscovery), freshness: "Current" }],
  };
}

export function aggregatedDiscovery(prefix: "api" | "apis", v: "v2" | "v2beta1") {
  const gs = prefix === "api" ? [""] : groups().filter((g) => g !== "");
  return {
    kind: "APIGroupDiscoveryList", apiVersion: `apidiscovery.k8s.io/${v}`, metadata: {},
    items: gs.map(groupDiscovery),
  };
}

export function apiVersions(serverAddress: string) {
  return {
    kind: "APIVersions", versions: ["v1"],
    serverAddressByClientCIDRs: [{ clientCIDR: "0.0.0.0/0", serverAddress }],
  };
}

export function apiGroup(g: string) {
  const gv = { groupVersion: `${g}/v1`, version: "v1" };
  return { name: g, versions: [gv], preferredVersion: gv };
}

export function apiGroupList() {
  return { kind: "APIGroupList", apiVersion: "v1", groups: groups().filter((g) => g !== "").map(apiGroup) };
}

export function apiResourceList(group: string, version: string) {
  const rs = RESOURCES.filter((r) => r.group === group && r.version === version);
  if (!rs.length) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const ri of rs.sort((a, b) => a.resource.localeCompare(b.resource))) {
    resources.push({
      name: ri.resource, singularName: ri.singular, namespaced: ri.namespaced, kind: ri.kind, verbs: ri.verbs,
      ...(ri.shortNames.length ? { shortNames: ri.shortNames } : {}),
      ...(ri.categories.length ? { categories: ri.categories } : {}),
      storageVersionHash: storageVersionHash(ri),
    });
    for (const s of ri.subresources) {
      resources.push({
        name: `${ri.resource}/${s.name}`, singularName: "", namespaced: ri.namespaced,
        ...(s.kind.group !== ri.group ? { group: s.kind.group, version: s.kind.version } : {}),
        kind: s.kind.kind, verbs: s.verbs,
      });
    }
  }
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion: groupVersion({ group, version }), resources };
}

/** A short stable hash, shaped like upstream's storageVersionHash (base64 of a digest prefix). */
function storageVersionHash(ri: ResourceInfo): string {
  let h = 0x811c9dc5;
  for (const c of `${ri.group}/${ri.version}/${ri.kind}`) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
  const bytes = new Uint8Array(8);
  for (let i = 0; i < 8; i++) bytes[i] = (h >>> ((i % 4) * 8)) & 0xff ^ (i * 31);
  return btoa(String.fromCharCode(...bytes)).replace(/=+$/, "");
}

// Every resource the API server serves: group, version, kind, scope, short names, categories and
// subresources. Discovery, OpenAPI, routing and the registry all read this one table.

export interface SubresourceInfo {
  name: string;
  /** Kind answered by the subresource (Scale for scale, Binding for binding, ...). */
  kind: { group: string; version: string; kind: string };
  verbs: string[];
}

export interface ResourceInfo {
  group: string;
  version: string;
  resource: string;
  singular: string;
  kind: string;
  listKind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  subresources: SubresourceInfo[];
}

const ALL_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
const NO_DELETECOLLECTION = ["create", "delete", "get", "list", "patch", "update", "watch"];

function sub(name: string, group: string, version: string, kind: string, verbs = ["get", "patch", "update"]): SubresourceInfo {
  return { name, kind: { group, version, kind }, verbs };
}

function r(group: string, version: string, resource: string, kind: string, namespaced: boolean,
  opts: Partial<Pick<ResourceInfo, "shortNames" | "categories" | "verbs" | "subresources" | "singular">> = {}): ResourceInfo {
  return {
    group, version, resource, kind, listKind: `${kind}List`, namespaced,
    singular: opts.singular ?? kind.toLowerCase(),
    shortNames: opts.shortNames ?? [], categories: opts.categories ?? [],
    verbs: opts.verbs ?? ALL_VERBS, subresources: opts.subresources ?? [],
  };
}

const status = (group: string, version: string, kind: string) => sub("status", group, version, kind);
const scale = () => sub("scale", "autoscaling", "v1", "Scale");

export const RESOURCES: ResourceInfo[] = [
  r("", "v1", "bindings", "Binding", true, { verbs: ["create"] }),
  r("", "v1", "configmaps", "ConfigMap", true, { shortNames: ["cm"] }),
  r("", "v1", "endpoints", "Endpoints", true, { shortNames: ["ep"], singular: "endpoints" }),
  r("", "v1", "events", "Event", true, { shortNames: ["ev"] }),
  r("", "v1", "namespaces", "Namespace", false, {
    shortNames: ["ns"], verbs: NO_DELETECOLLECTION,
    subresources: [sub("finalize", "", "v1", "Namespace", ["update"]), status("", "v1", "Namespace")],
  }),
  r("", "v1", "nodes", "Node", false, { shortNames: ["no"], subresources: [status("", "v1", "Node")] }),
  r("", "v1", "pods", "Pod", true, {
    shortNames: ["po"], categories: ["all"],
    subresources: [
      sub("attach", "", "v1", "PodAttachOptions", ["create", "get"]),
      sub("binding", "", "v1", "Binding", ["create"]),
      sub("ephemeralcontainers", "", "v1", "Pod"),
      sub("eviction", "policy", "v1", "Eviction", ["create"]),
      sub("exec", "", "v1", "PodExecOptions", ["create", "get"]),
      sub("log", "", "v1", "Pod", ["get"]),
      sub("portforward", "", "v1", "PodPortForwardOptions", ["create", "get"]),
      status("", "v1", "Pod"),
    ],
  }),
  r("", "v1", "secrets", "Secret", true),
  r("", "v1", "serviceaccounts", "ServiceAccount", true, { shortNames: ["sa"] }),
  r("", "v1", "services", "Service", true, {
    shortNames: ["svc"], categories: ["all"], verbs: NO_DELETECOLLECTION.concat().sort(),
    subresources: [status("", "v1", "Service")],
  }),
  r("apps", "v1", "daemonsets", "DaemonSet", true, { shortNames: ["ds"], categories: ["all"], subresources: [status("apps", "v1", "DaemonSet")] }),
  r("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition", false, {
    shortNames: ["crd", "crds"], categories: ["api-extensions"], subresources: [status("apiextensions.k8s.io", "v1", "CustomResourceDefinition")],
  }),
  r("apps", "v1", "deployments", "Deployment", true, { shortNames: ["deploy"], categories: ["all"], subresources: [scale(), status("apps", "v1", "Deployment")] }),
  r("apps", "v1", "replicasets", "ReplicaSet", true, { shortNames: ["rs"], categories: ["all"], subresources: [scale(), status("apps", "v1", "ReplicaSet")] }),
  r("apps", "v1", "statefulsets", "StatefulSet", true, { shortNames: ["sts"], categories: ["all"], subresources: [scale(), status("apps", "v1", "StatefulSet")] }),
  r("batch", "v1", "jobs", "Job", true, { categories: ["all"], subresources: [status("batch", "v1", "Job")] }),
  r("coordination.k8s.io", "v1", "leases", "Lease", true),
  r("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice", true),
  r("events.k8s.io", "v1", "events", "Event", true, { shortNames: ["ev"] }),
  r("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget", true, { shortNames: ["pdb"], subresources: [status("policy", "v1", "PodDisruptionBudget")] }),
  r("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false),
  r("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false),
  r("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true),
  r("rbac.authorization.k8s.io", "v1", "roles", "Role", true),
  r("scheduling.k8s.io", "v1", "priorityclasses", "PriorityClass", false, { shortNames: ["pc"] }),
];

export const groupVersion = (ri: { group: string; version: string }) => (ri.group ? `${ri.group}/${ri.version}` : ri.version);

export function findResource(group: string, version: string, resource: string): ResourceInfo | undefined {
  return RESOURCES.find((ri) => ri.group === group && ri.version === version && ri.resource === resource);
}

export function findByKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  return RESOURCES.find((ri) => groupVersion(ri) === apiVersion && ri.kind === kind);
}

/**
 * The store key of an object: `/registry/<group-qualified resource>/<namespace>/<name>`. Events of
 * both groups share one storage; apps, batch and rbac keys are unqualified, as upstream's etcd keys.
 */
export function storagePrefix(ri: ResourceInfo): string {
  const res = ri.resource === "events" ? "events" : ri.group && !["apps", "batch", "rbac.authorization.k8s.io"].includes(ri.group) ? `${ri.group}/${ri.resource}` : ri.resource;
  return `/registry/${res}/`;
}

export function storageKey(ri: ResourceInfo, namespace: string | undefined, name: string): string {
  return ri.namespaced ? `${storagePrefix(ri)}${namespace}/${name}` : `${storagePrefix(ri)}${name}`;
}

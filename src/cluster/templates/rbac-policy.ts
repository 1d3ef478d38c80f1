// The API server's RBAC bootstrap policy as data (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/
// policy.go, v1.32): the user-facing ClusterRoles cluster-admin, admin, edit and view, the
// system:aggregate-to-* roles whose rules the aggregation controller copies into admin/edit/view,
// the discovery roles every user is bound to, and the roles kubeadm's bindings refer to.
import type { KObject } from "../apiserver/registry/types";

const RBAC = "rbac.authorization.k8s.io";
const READ = ["get", "list", "watch"];
const WRITE = ["create", "delete", "deletecollection", "patch", "update"];
const ALL = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];
const AGG = (to: string) => `${RBAC}/aggregate-to-${to}`;

type Rule = Record<string, string[]>;
const rule = (apiGroups: string[], resources: string[], verbs: string[], resourceNames?: string[]): Rule =>
  ({ apiGroups, resources, verbs, ...(resourceNames ? { resourceNames } : {}) });
const urls = (nonResourceURLs: string[], verbs: string[]): Rule => ({ nonResourceURLs, verbs });

const AGGREGATE_TO_VIEW = [
  rule([""], ["pods", "replicationcontrollers", "replicationcontrollers/scale", "serviceaccounts", "services", "services/status", "endpoints", "persistentvolumeclaims", "persistentvolumeclaims/status", "configmaps"], READ),
  rule([""], ["limitranges", "resourcequotas", "bindings", "events", "pods/status", "resourcequotas/status", "namespaces/status", "replicationcontrollers/status", "pods/log"], READ),
  rule([""], ["namespaces"], READ),
  rule(["discovery.k8s.io"], ["endpointslices"], READ),
  rule(["apps"], ["controllerrevisions", "statefulsets", "statefulsets/scale", "statefulsets/status", "daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "replicasets", "replicasets/scale", "replicasets/status"], READ),
  rule(["autoscaling"], ["horizontalpodautoscalers", "horizontalpodautoscalers/status"], READ),
  rule(["batch"], ["cronjobs", "cronjobs/status", "jobs", "jobs/status"], READ),
  rule(["extensions"], ["daemonsets", "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "ingresses", "ingresses/status", "networkpolicies", "replicasets", "replicasets/scale", "replicasets/status", "replicationcontrollers/scale"], READ),
  rule(["policy"], ["poddisruptionbudgets", "poddisruptionbudgets/status"], READ),
  rule(["networking.k8s.io"], ["ingresses", "ingresses/status", "networkpolicies"], READ),
];

const AGGREGATE_TO_EDIT = [
  rule([""], ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"], READ),
  rule([""], ["serviceaccounts"], ["impersonate"]),
  rule([""], ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"], WRITE),
  rule([""], ["pods/eviction"], ["create"]),
  rule([""], ["configmaps", "events", "persistentvolumeclaims", "replicationcontrollers", "replicationcontrollers/scale", "secrets", "serviceaccounts", "services", "services/proxy"], WRITE),
  rule([""], ["serviceaccounts/token"], ["create"]),
  rule(["apps"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "replicasets", "replicasets/scale", "statefulsets", "statefulsets/scale"], WRITE),
  rule(["autoscaling"], ["horizontalpodautoscalers"], WRITE),
  rule(["batch"], ["cronjobs", "jobs"], WRITE),
  rule(["extensions"], ["daemonsets", "deployments", "deployments/rollback", "deployments/scale", "ingresses", "networkpolicies", "replicasets", "replicasets/scale", "replicationcontrollers/scale"], WRITE),
  rule(["policy"], ["poddisruptionbudgets"], WRITE),
  rule(["networking.k8s.io"], ["ingresses", "networkpolicies"], WRITE),
  rule(["coordination.k8s.io"], ["leases"], ALL),
];

const AGGREGATE_TO_ADMIN = [
  rule(["authorization.k8s.io"], ["localsubjectaccessreviews"], ["create"]),
  rule([RBAC], ["rolebindings", "roles"], ALL),
];

const DISCOVERY_URLS = ["/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/"];
const PUBLIC_INFO_URLS = ["/healthz", "/livez", "/readyz", "/version", "/version/"];

interface RoleSpec { name: string; rules?: Rule[]; labels?: Record<string, string>; aggregateFrom?: string }

const ROLES: RoleSpec[] = [
  { name: "cluster-admin", rules: [rule(["*"], ["*"], ["*"]), urls(["*"], ["*"])] },
  { name: "admin", aggregateFrom: AGG("admin") },
  { name: "edit", aggregateFrom: AGG("edit"), labels: { [AGG("admin")]: "true" } },
  { name: "view", aggregateFrom: AGG("view"), labels: { [AGG("edit")]: "true" } },
  { name: "system:aggregate-to-admin", rules: AGGREGATE_TO_ADMIN, labels: { [AGG("admin")]: "true" } },
  { name: "system:aggregate-to-edit", rules: AGGREGATE_TO_EDIT, labels: { [AGG("edit")]: "true" } },
  { name: "system:aggregate-to-view", rules: AGGREGATE_TO_VIEW, labels: { [AGG("view")]: "true" } },
  { name: "system:basic-user", rules: [rule(["authorization.k8s.io"], ["selfsubjectaccessreviews", "selfsubjectrulesreviews"], ["create"]), rule(["authentication.k8s.io"], ["selfsubjectreviews"], ["create"])] },
  { name: "system:discovery", rules: [urls(DISCOVERY_URLS, ["get"])] },
  { name: "system:public-info-viewer", rules: [urls(PUBLIC_INFO_URLS, ["get"])] },
  { name: "system:node-bootstrapper", rules: [rule(["certificates.k8s.io"], ["certificatesigningrequests"], ["create", "get", "list", "watch"])] },
  { name: "system:certificates.k8s.io:certificatesigningrequests:nodeclient", rules: [rule(["certificates.k8s.io"], ["certificatesigningrequests/nodeclient"], ["create"])] },
  { name: "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient", rules: [rule(["certificates.k8s.io"], ["certificatesigningrequests/selfnodeclient"], ["create"])] },
  { name: "system:node-proxier", rules: [
    rule([""], ["endpoints", "services"], ["list", "watch"]), rule([""], ["nodes"], READ),
    rule(["", "events.k8s.io"], ["events"], ["create", "patch", "update"]), rule(["discovery.k8s.io"], ["endpointslices"], ["list", "watch"]),
  ] },
];

const BOOTSTRAP_META = (name: string, labels: Record<string, string> = {}) => ({
  name,
  labels: { "kubernetes.io/bootstrapping": "rbac-defaults", ...labels },
  annotations: { "rbac.authorization.kubernetes.io/autoupdate": "true" },
});

const matches = (role: KObject, label: string) => role.metadata.labels?.[label] === "true";
const sameRule = (a: Rule, b: Rule) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The bootstrap ClusterRoles, with admin/edit/view filled as the clusterrole-aggregation
 * controller does: the rules of the matching roles in name order, each rule once.
 */
export function bootstrapClusterRoles(): KObject[] {
  const roles: KObject[] = ROLES.map((r) => ({
    metadata: BOOTSTRAP_META(r.name, r.labels),
    rules: r.rules ?? [],
    ...(r.aggregateFrom ? { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { [r.aggregateFrom]: "true" } }] } } : {}),
  }));
  // view feeds edit, edit feeds admin: aggregate in that order so each sees its sources filled.
  for (const name of ["view", "edit", "admin"]) {
    const role = roles.find((r) => r.metadata.name === name)!;
    const label = role.aggregationRule.clusterRoleSelectors[0].matchLabels;
    const key = Object.keys(label)[0];
    const sources = roles.filter((r) => matches(r, key)).sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
    const rules: Rule[] = [];
    for (const src of sources) for (const rl of src.rules) if (!rules.some((x) => sameRule(x, rl))) rules.push(rl);
    role.rules = rules;
  }
  return roles;
}

export interface Subject { kind: string; apiGroup?: string; name: string; namespace?: string }
const group = (name: string): Subject => ({ kind: "Group", apiGroup: RBAC, name });
const roleRef = (kind: string, name: string) => ({ apiGroup: RBAC, kind, name });

/** ClusterRoleBindings of the bootstrap policy (ClusterRoleBindings() of policy.go). */
export function bootstrapClusterRoleBindings(): KObject[] {
  const bind = (name: string, subjects: Subject[]) => ({ metadata: BOOTSTRAP_META(name), roleRef: roleRef("ClusterRole", name), subjects });
  return [
    bind("cluster-admin", [group("system:masters")]),
    bind("system:basic-user", [group("system:authenticated")]),
    bind("system:discovery", [group("system:authenticated")]),
    bind("system:public-info-viewer", [group("system:authenticated"), group("system:unauthenticated")]),
  ];
}

export const rbacRefs = { group, roleRef, rule, RBAC };

// kubectl create role|clusterrole|rolebinding|clusterrolebinding: option checks and the objects
// built, as staging/src/k8s.io/kubectl/pkg/cmd/create/create_{role,clusterrole,rolebinding,
// clusterrolebinding}.go do (verbs and names deduplicated, `resource.group/subresource` parsed
// and resolved through discovery, one rule per API group in group order, subjects sorted).
import type { Obj } from "../client";
import { type Discovery, findResource } from "../discovery";
import { fail } from "../errors";

const RBAC = "rbac.authorization.k8s.io";
const VALID_RESOURCE_VERBS = ["*", "get", "delete", "list", "create", "update", "patch", "watch", "proxy", "deletecollection", "use", "bind", "escalate", "impersonate"];
const VALID_NON_RESOURCE_VERBS = ["*", "get", "post", "put", "delete", "patch", "head", "options"];
/** Verbs that only apply to particular resources (specialVerbs of create_role.go). */
const SPECIAL_VERBS: Record<string, [string, string][]> = {
  use: [["policy", "podsecuritypolicies"], ["extensions", "podsecuritypolicies"]],
  bind: [[RBAC, "roles"], [RBAC, "clusterroles"]],
  escalate: [[RBAC, "roles"], [RBAC, "clusterroles"]],
  impersonate: [["", "users"], ["", "serviceaccounts"], ["", "groups"], ["authentication.k8s.io", "userextras"], ["authentication.k8s.io", "uids"]],
};

export interface RuleOptions { verbs: string[]; resources: string[]; resourceNames: string[]; nonResourceURLs: string[] }
interface ResourceOption { group: string; resource: string; subresource: string }

const unique = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) === i);

/** Complete(): dedupe verbs ("*" alone wins), parse resource.group/sub ("*" alone wins), dedupe names. */
function complete(o: RuleOptions): { verbs: string[]; resources: ResourceOption[]; resourceNames: string[]; nonResourceURLs: string[] } {
  const verbs = completeVerbs(o.verbs);
  const resources: ResourceOption[] = [];
  for (const r of o.resources) {
    const slash = r.indexOf("/");
    const head = slash >= 0 ? r.slice(0, slash) : r;
    const dot = head.indexOf(".");
    const opt = { resource: dot >= 0 ? head.slice(0, dot) : head, group: dot >= 0 ? head.slice(dot + 1) : "", subresource: slash >= 0 ? r.slice(slash + 1) : "" };
    if (opt.resource === "*" && dot < 0 && slash < 0) return { verbs, resources: [opt], resourceNames: unique(o.resourceNames), nonResourceURLs: unique(o.nonResourceURLs) };
    resources.push(opt);
  }
  return { verbs, resources, resourceNames: unique(o.resourceNames), nonResourceURLs: unique(o.nonResourceURLs) };
}

function completeVerbs(verbs: string[]): string[] {
  const out: string[] = [];
  for (const v of verbs) {
    if (v === "*") return ["*"];
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** mapper.ResourceFor: the served group and plural of a typed resource, if discovery knows it. */
function resourceFor(d: Discovery, r: ResourceOption): { group: string; resource: string } | undefined {
  const found = findResource(d, r.group ? `${r.resource}.${r.group}` : r.resource);
  return found ? { group: found.group, resource: found.resource } : undefined;
}

/** validateResource: each resource must be served (or "*"), special verbs only on their resources. */
function validateResources(d: Discovery, verbs: string[], resources: ResourceOption[]): void {
  for (const r of resources) {
    if (!r.resource) throw fail("resource must be specified if apiGroup/subresource specified");
    if (r.resource === "*") return;
    const mapped = resourceFor(d, r);
    let known = mapped !== undefined;
    const gr = mapped ?? { group: r.group, resource: r.resource };
    for (const v of verbs) {
      const allowed = SPECIAL_VERBS[v];
      if (!allowed) continue;
      if (!allowed.some(([g, res]) => g === gr.group && res === gr.resource)) throw fail(`can not perform '${v}' on '${gr.resource}' in group '${gr.group}'`);
      known = true;
    }
    if (!known) throw fail(`the server doesn't have a resource type "${r.resource}"`);
  }
}

/** generateResourcePolicyRules: one rule per API group (sorted), then one for the non-resource URLs. */
function policyRules(d: Discovery, verbs: string[], resources: ResourceOption[], resourceNames: string[], nonResourceURLs: string[]): Obj[] {
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const gr = (r.resource === "*" ? undefined : resourceFor(d, r)) ?? { group: r.group, resource: r.resource };
    const name = r.subresource ? `${gr.resource}/${r.subresource}` : gr.resource;
    const list = byGroup.get(gr.group) ?? [];
    if (!list.includes(name)) list.push(name);
    byGroup.set(gr.group, list);
  }
  const rules: Obj[] = [...byGroup.keys()].sort().map((g) => ({
    verbs, apiGroups: [g], resources: byGroup.get(g), ...(resourceNames.length ? { resourceNames } : {}),
  }));
  if (nonResourceURLs.length) rules.push({ verbs, nonResourceURLs });
  return rules;
}

/** kubectl create role NAME --verb=... --resource=... [--resource-name=...]; `warn` gets the non-standard verb warnings. */
export function roleFor(d: Discovery, name: string, o: RuleOptions, warn: (s: string) => void): Obj {
  const c = complete(o);
  if (c.verbs.length === 0) throw fail("at least one verb must be specified");
  for (const v of c.verbs) if (!VALID_RESOURCE_VERBS.includes(v)) warn(`Warning: '${v}' is not a standard resource verb\n`);
  if (c.resources.length === 0) throw fail("at least one resource must be specified");
  validateResources(d, c.verbs, c.resources);
  return { apiVersion: `${RBAC}/v1`, kind: "Role", metadata: { creationTimestamp: null, name }, rules: policyRules(d, c.verbs, c.resources, c.resourceNames, []) };
}

/** kubectl create clusterrole NAME (--verb with --resource and/or --non-resource-url) | --aggregation-rule=k=v. */
export function clusterRoleFor(d: Discovery, name: string, o: RuleOptions, aggregation: Record<string, string>, warn: (s: string) => void): Obj {
  const c = complete(o);
  const base = { apiVersion: `${RBAC}/v1`, kind: "ClusterRole", metadata: { creationTimestamp: null, name } };
  if (Object.keys(aggregation).length > 0) {
    if (c.nonResourceURLs.length || c.verbs.length || c.resources.length || c.resourceNames.length) {
      throw fail("aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames");
    }
    return { ...base, aggregationRule: { clusterRoleSelectors: [{ matchLabels: aggregation }] }, rules: null };
  }
  if (c.verbs.length === 0) throw fail("at least one verb must be specified");
  if (c.resources.length === 0 && c.nonResourceURLs.length === 0) throw fail("one of resource or nonResourceURL must be specified");
  if (c.resources.length > 0) {
    for (const v of c.verbs) if (!VALID_RESOURCE_VERBS.includes(v)) warn(`Warning: '${v}' is not a standard resource verb\n`);
    validateResources(d, c.verbs, c.resources);
  }
  if (c.nonResourceURLs.length > 0) {
    for (const v of c.verbs) if (!VALID_NON_RESOURCE_VERBS.includes(v)) throw fail(`invalid verb: '${v}' for nonResourceURL`);
    for (const url of c.nonResourceURLs) {
      if (url === "*") continue;
      if (!url.startsWith("/")) throw fail("nonResourceURL should start with /");
      if (url.slice(0, -1).includes("*")) throw fail("nonResourceURL only supports wildcard matches when '*' is at the end");
    }
  }
  return { ...base, rules: policyRules(d, c.verbs, c.resources, c.resourceNames, c.nonResourceURLs) };
}

export interface BindingOptions { users: string[]; groups: string[]; serviceAccounts: string[] }

/** Users, then groups, then service accounts, each sorted and unique (sets.NewString(...).List()). */
function subjects(o: BindingOptions): Obj[] | undefined {
  const sorted = (xs: string[]) => unique(xs).sort();
  const out: Obj[] = [
    ...sorted(o.users).map((name) => ({ kind: "User", apiGroup: RBAC, name })),
    ...sorted(o.groups).map((name) => ({ kind: "Group", apiGroup: RBAC, name })),
  ];
  for (const sa of sorted(o.serviceAccounts)) {
    const parts = sa.split(":");
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw fail("serviceaccount must be <namespace>:<name>");
    out.push({ kind: "ServiceAccount", name: parts[1], namespace: parts[0] });
  }
  return out.length ? out : undefined;
}

/** kubectl create rolebinding NAME --clusterrole=NAME|--role=NAME [--user] [--group] [--serviceaccount=ns:name]. */
export function roleBindingFor(name: string, clusterRole: string, role: string, o: BindingOptions): Obj {
  if (!clusterRole === !role) throw fail("exactly one of clusterrole or role must be specified");
  const roleRef = role ? { apiGroup: RBAC, kind: "Role", name: role } : { apiGroup: RBAC, kind: "ClusterRole", name: clusterRole };
  const subs = subjects(o);
  return { apiVersion: `${RBAC}/v1`, kind: "RoleBinding", metadata: { creationTimestamp: null, name }, roleRef, ...(subs ? { subjects: subs } : {}) };
}

/** kubectl create clusterrolebinding NAME --clusterrole=NAME [--user] [--group] [--serviceaccount=ns:name]. */
export function clusterRoleBindingFor(name: string, clusterRole: string, o: BindingOptions): Obj {
  if (!clusterRole) throw fail("clusterrole must be specified");
  const subs = subjects(o);
  return { apiVersion: `${RBAC}/v1`, kind: "ClusterRoleBinding", metadata: { creationTimestamp: null, name }, roleRef: { apiGroup: RBAC, kind: "ClusterRole", name: clusterRole }, ...(subs ? { subjects: subs } : {}) };
}

// RoleDescriber, ClusterRoleDescriber, RoleBindingDescriber and ClusterRoleBindingDescriber of
// staging/src/k8s.io/kubectl/pkg/describe/describe.go. Role rules are broken down to one verb,
// resource and name each, compacted back per resource and sorted by the rule's String()
// (BreakdownRule, CompactRules and SortableRuleSlice of kubectl/pkg/util/rbac), then printed
// as the PolicyRule table with CombineResourceGroup.
import { printAnnotationsMultiline, printLabelsMultiline } from "./common";
import { str, type Json } from "./go-format";
import { LEVEL_0, LEVEL_1, tabbedString } from "./prefix-writer";

export interface PolicyRule { verbs?: string[]; apiGroups?: string[]; resources?: string[]; resourceNames?: string[]; nonResourceURLs?: string[] }

const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);

/** BreakdownRule: one rule per (group, resource, verb[, name]) and per (non-resource URL, verb). */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  const verbs = list(rule.verbs), names = list(rule.resourceNames);
  for (const group of list(rule.apiGroups)) {
    for (const resource of list(rule.resources)) {
      for (const verb of verbs) {
        if (names.length > 0) for (const name of names) out.push({ apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name] });
        else out.push({ apiGroups: [group], resources: [resource], verbs: [verb] });
      }
    }
  }
  for (const url of list(rule.nonResourceURLs)) for (const verb of verbs) out.push({ nonResourceURLs: [url], verbs: [verb] });
  return out;
}

/** isSimpleResourceRule's key: one group, one resource, at most one name and nothing else. */
function simpleKey(rule: PolicyRule): string | undefined {
  const names = list(rule.resourceNames);
  if (names.length > 1 || list(rule.nonResourceURLs).length > 0) return undefined;
  if (list(rule.apiGroups).length !== 1 || list(rule.resources).length !== 1) return undefined;
  return JSON.stringify([rule.apiGroups![0], rule.resources![0], names.length > 0, names[0] ?? ""]);
}

/** CompactRules: simple rules differing only by verb are merged, verbs in first-seen order. */
export function compactRules(rules: PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const rule of rules) {
    const key = simpleKey(rule);
    if (key === undefined) { compacted.push(rule); continue; }
    const existing = simple.get(key);
    if (!existing) { simple.set(key, structuredClone(rule)); continue; }
    existing.verbs ??= [];
    for (const verb of list(rule.verbs)) if (!existing.verbs.includes(verb)) existing.verbs.push(verb);
  }
  return compacted.concat([...simple.values()]);
}

const goList = (v: unknown) => `[${list(v).join(" ")}]`;

/** The generated (*PolicyRule).String() that SortableRuleSlice compares. */
export function policyRuleString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/** CombineResourceGroup: `deployments.apps/scale` from resource `deployments/scale` and group `apps`. */
export function combineResourceGroup(resources: string[] | undefined, groups: string[] | undefined): string {
  if (!resources || resources.length === 0) return "";
  const slash = resources[0].indexOf("/");
  const [name, sub] = slash >= 0 ? [resources[0].slice(0, slash), resources[0].slice(slash + 1)] : [resources[0], undefined];
  let out = name;
  if (groups && groups.length > 0 && groups[0] !== "") out += `.${groups[0]}`;
  return sub === undefined ? out : `${out}/${sub}`;
}

const cmpBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Role and ClusterRole: name, labels, annotations and the PolicyRule table. */
export function describeRole(role: Json): Promise<string> {
  const rules = compactRules(list(role.rules).length ? (role.rules as PolicyRule[]).flatMap(breakdownRule) : [])
    .map((r) => ({ r, key: policyRuleString(r) }))
    .sort((a, b) => cmpBytes(a.key, b.key)).map((x) => x.r);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(role.metadata?.name)}\n`);
    printLabelsMultiline(w, "Labels", role.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", role.metadata?.annotations);
    w.write(LEVEL_0, "PolicyRule:\n");
    w.write(LEVEL_1, "Resources\tNon-Resource URLs\tResource Names\tVerbs\n");
    w.write(LEVEL_1, "---------\t-----------------\t--------------\t-----\n");
    for (const r of rules) {
      w.write(LEVEL_1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`);
    }
  });
}

/** RoleBinding and ClusterRoleBinding: the role referred to and the subjects table. */
export function describeRoleBinding(binding: Json): Promise<string> {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(binding.metadata?.name)}\n`);
    printLabelsMultiline(w, "Labels", binding.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", binding.metadata?.annotations);
    w.write(LEVEL_0, "Role:\n");
    w.write(LEVEL_1, `Kind:\t${str(binding.roleRef?.kind)}\n`);
    w.write(LEVEL_1, `Name:\t${str(binding.roleRef?.name)}\n`);
    w.write(LEVEL_0, "Subjects:\n");
    w.write(LEVEL_1, "Kind\tName\tNamespace\n");
    w.write(LEVEL_1, "----\t----\t---------\n");
    for (const s of (binding.subjects ?? []) as Json[]) w.write(LEVEL_1, `${str(s.kind)}\t${str(s.name)}\t${str(s.namespace)}\n`);
  });
}

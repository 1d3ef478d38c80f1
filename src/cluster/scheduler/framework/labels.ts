// Label and node selectors: metav1.LabelSelectorAsSelector (apimachinery/pkg/apis/meta/v1/helpers.go),
// the node selector requirements of component-helpers/scheduling/corev1/nodeaffinity and the
// required node affinity (nodeSelector AND required terms) of GetRequiredNodeAffinity.
import type { KObject } from "../../apiserver/registry/types";

export type Labels = Record<string, string>;

interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** A selector as a predicate; null/undefined selects nothing, {} selects everything (as upstream). */
export type Selector = (labels: Labels) => boolean;

export const selectNothing: Selector = () => false;
export const selectEverything: Selector = () => true;

export function labelSelectorAsSelector(sel: LabelSelector | null | undefined): Selector {
  if (!sel) return selectNothing;
  const reqs: Selector[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push((l) => l[k] === v);
  for (const e of sel.matchExpressions ?? []) {
    const values = e.values ?? [];
    switch (e.operator) {
      case "In": reqs.push((l) => e.key in l && values.includes(l[e.key]!)); break;
      case "NotIn": reqs.push((l) => !(e.key in l) || !values.includes(l[e.key]!)); break;
      case "Exists": reqs.push((l) => e.key in l); break;
      case "DoesNotExist": reqs.push((l) => !(e.key in l)); break;
      default: return selectNothing;
    }
  }
  return (l) => reqs.every((r) => r(l));
}

/** A plain map selector (service.spec.selector, rc.spec.selector); an empty map selects everything. */
export function mapSelector(m: Labels | undefined): Selector {
  const entries = Object.entries(m ?? {});
  return (l) => entries.every(([k, v]) => l[k] === v);
}

interface NodeSelectorRequirement { key: string; operator: string; values?: string[] }
interface NodeSelectorTerm { matchExpressions?: NodeSelectorRequirement[]; matchFields?: NodeSelectorRequirement[] }

function matchRequirement(r: NodeSelectorRequirement, fields: Labels): boolean {
  const has = r.key in fields;
  const v = fields[r.key];
  const values = r.values ?? [];
  switch (r.operator) {
    case "In": return has && values.includes(v!);
    case "NotIn": return !has || !values.includes(v!);
    case "Exists": return has;
    case "DoesNotExist": return !has;
    case "Gt":
    case "Lt": {
      if (!has || values.length !== 1) return false;
      const a = Number.parseInt(v!, 10);
      const b = Number.parseInt(values[0]!, 10);
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      return r.operator === "Gt" ? a > b : a < b;
    }
    default: return false;
  }
}

/** A node selector term matches when all its expressions and fields match; an empty term matches nothing. */
export function matchNodeSelectorTerm(term: NodeSelectorTerm, node: KObject): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels: Labels = node.metadata.labels ?? {};
  const nodeFields: Labels = { "metadata.name": node.metadata.name };
  return exprs.every((r) => matchRequirement(r, labels)) && fields.every((r) => matchRequirement(r, nodeFields));
}

/** Terms are ORed. */
export function matchNodeSelectorTerms(terms: NodeSelectorTerm[], node: KObject): boolean {
  return terms.some((t) => matchNodeSelectorTerm(t, node));
}

/** GetRequiredNodeAffinity(pod).Match(node): spec.nodeSelector and the required node affinity terms. */
export function requiredNodeAffinityMatches(pod: KObject, node: KObject): boolean {
  const labels: Labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries((pod.spec?.nodeSelector ?? {}) as Labels)) {
    if (labels[k] !== v) return false;
  }
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required) return matchNodeSelectorTerms(required.nodeSelectorTerms ?? [], node);
  return true;
}

export function podLabels(pod: KObject): Labels {
  return pod.metadata.labels ?? {};
}

// Pod affinity terms as the scheduler parses them (framework.AffinityTerm and newAffinityTerm of
// pkg/scheduler/framework/types.go) and topology-pair counting (topologyToMatchedTermCount of
// pkg/scheduler/framework/plugins/interpodaffinity/filtering.go).
import type { KObject } from "../../apiserver/registry/types";
import { labelSelectorAsSelector, podLabels, type Labels, type Selector } from "../framework/labels";
import type { PodInfo } from "../framework/types";

export interface AffinityTerm {
  namespaces: Set<string>;
  nsSelector: Selector;
  selector: Selector;
  topologyKey: string;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  weight: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function newAffinityTerm(pod: KObject, term: Record<string, any>): AffinityTerm {
  const listed: string[] = term.namespaces ?? [];
  const namespaces = new Set(listed.length === 0 && term.namespaceSelector == null ? [pod.metadata.namespace] : listed);
  return {
    namespaces,
    nsSelector: labelSelectorAsSelector(term.namespaceSelector),
    selector: labelSelectorAsSelector(term.labelSelector),
    topologyKey: term.topologyKey,
  };
}

/** AffinityTerm.Matches: the pod is in one of the term's namespaces and its labels match. */
export function termMatches(t: AffinityTerm, pod: KObject, nsLabels: Labels): boolean {
  if (t.namespaces.has(pod.metadata.namespace) || t.nsSelector(nsLabels)) return t.selector(podLabels(pod));
  return false;
}

/** podMatchesAllAffinityTerms: false for no terms. */
export function podMatchesAllTerms(terms: AffinityTerm[], pod: KObject, nsLabels: Labels): boolean {
  return terms.length > 0 && terms.every((t) => termMatches(t, pod, nsLabels));
}

export interface ParsedAffinity {
  requiredAffinity: AffinityTerm[];
  requiredAntiAffinity: AffinityTerm[];
  preferredAffinity: WeightedAffinityTerm[];
  preferredAntiAffinity: WeightedAffinityTerm[];
}

/** The four term lists of framework.PodInfo. */
export function parseAffinity(pod: KObject): ParsedAffinity {
  const a = pod.spec?.affinity ?? {};
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const weighted = (list: any[] | undefined) =>
    (list ?? []).map((w) => ({ ...newAffinityTerm(pod, w.podAffinityTerm ?? {}), weight: w.weight ?? 0 }));
  return {
    requiredAffinity: (a.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t: object) => newAffinityTerm(pod, t)),
    requiredAntiAffinity: (a.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t: object) => newAffinityTerm(pod, t)),
    preferredAffinity: weighted(a.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
    preferredAntiAffinity: weighted(a.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
  };
}

/** The affinity terms of a pod already on a node, parsed once and kept on its PodInfo. */
export function podInfoAffinity(pi: PodInfo): ParsedAffinity {
  return (pi.parsedAffinity ??= parseAffinity(pi.pod)) as ParsedAffinity;
}

/** Counts keyed by topology pair (key, value). */
export class TopologyCounts {
  readonly m = new Map<string, number>();

  static pair(key: string, value: string): string {
    return `${key}\u0000${value}`;
  }

  /** update: adds `value` for the node's value of `key`, if the node has that label. */
  update(node: KObject, key: string, value: number): void {
    const v = node.metadata.labels?.[key];
    if (v === undefined) return;
    const p = TopologyCounts.pair(key, v);
    this.m.set(p, (this.m.get(p) ?? 0) + value);
  }

  get(key: string, value: string): number {
    return this.m.get(TopologyCounts.pair(key, value)) ?? 0;
  }

  get size(): number {
    return this.m.size;
  }
}

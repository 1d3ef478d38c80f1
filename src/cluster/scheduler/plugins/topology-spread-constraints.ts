// Topology spread constraints as the scheduler uses them: the pod's constraints for one
// whenUnsatisfiable action (matchLabelKeys merged into the selector, minDomains and node inclusion
// policies defaulted), the system default constraints with the selector of the pod's services and
// controller (helper.DefaultSelector), and matching-pod counting.
// Mirrors pkg/scheduler/framework/plugins/podtopologyspread/common.go and
// pkg/scheduler/framework/plugins/helper/spread.go.
import type { KObject } from "../../apiserver/registry/types";
import { labelSelectorAsSelector, podLabels, requiredNodeAffinityMatches, type Labels, type Selector } from "../framework/labels";
import { doNotScheduleTaints, findMatchingUntoleratedTaint, nodeTaints, podTolerations } from "../framework/taints";
import type { PodInfo, Snapshot } from "../framework/types";

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  selector: Selector;
  minDomains: number;
  nodeAffinityPolicy: string;
  nodeTaintsPolicy: string;
}

const SYSTEM_DEFAULT_CONSTRAINTS = [
  { topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway", maxSkew: 3 },
  { topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", maxSkew: 5 },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function toConstraint(c: Record<string, any>, selector: Selector): SpreadConstraint {
  return {
    maxSkew: c.maxSkew,
    topologyKey: c.topologyKey,
    selector,
    minDomains: c.minDomains ?? 1,
    nodeAffinityPolicy: c.nodeAffinityPolicy ?? "Honor",
    nodeTaintsPolicy: c.nodeTaintsPolicy ?? "Ignore",
  };
}

/** filterTopologySpreadConstraints: the pod's constraints with the given whenUnsatisfiable. */
export function podConstraints(pod: KObject, action: string): SpreadConstraint[] {
  const labels = podLabels(pod);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (pod.spec?.topologySpreadConstraints ?? []).filter((c: any) => c.whenUnsatisfiable === action).map((c: any) => {
    const base = labelSelectorAsSelector(c.labelSelector);
    const keys: string[] = (c.matchLabelKeys ?? []).filter((k: string) => k in labels);
    const selector: Selector = keys.length === 0 ? base : (l) => base(l) && keys.every((k) => l[k] === labels[k]);
    return toConstraint(c, selector);
  });
}

function controllerOf(pod: KObject): { kind: string; name: string; apiVersion: string } | undefined {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (pod.metadata.ownerReferences ?? []).find((r: any) => r.controller === true);
}

/** helper.DefaultSelector: services selecting the pod plus its controller's selector; undefined when empty. */
export function defaultSelector(pod: KObject, snap: Snapshot): Selector | undefined {
  const ns = pod.metadata.namespace;
  const labels = podLabels(pod);
  const parts: Selector[] = [];
  const set: Labels = {};
  for (const svc of snap.services) {
    const sel: Labels | undefined = svc.spec?.selector;
    if (svc.metadata.namespace !== ns || !sel) continue;
    if (Object.entries(sel).every(([k, v]) => labels[k] === v)) Object.assign(set, sel);
  }
  const owner = controllerOf(pod);
  const find = (list: KObject[]) => list.find((o) => o.metadata.namespace === ns && o.metadata.name === owner?.name);
  if (owner?.kind === "ReplicationController" && owner.apiVersion === "v1") {
    Object.assign(set, find(snap.replicationControllers)?.spec?.selector ?? {});
  } else if (owner?.apiVersion === "apps/v1" && (owner.kind === "ReplicaSet" || owner.kind === "StatefulSet")) {
    const obj = find(owner.kind === "ReplicaSet" ? snap.replicaSets : snap.statefulSets);
    const sel = obj?.spec?.selector;
    const hasReqs = sel && (Object.keys(sel.matchLabels ?? {}).length > 0 || (sel.matchExpressions ?? []).length > 0);
    if (hasReqs) parts.push(labelSelectorAsSelector(sel));
  }
  const entries = Object.entries(set);
  if (entries.length > 0) parts.push((l) => entries.every(([k, v]) => l[k] === v));
  if (parts.length === 0) return undefined;
  return (l) => parts.every((p) => p(l));
}

/** buildDefaultConstraints. */
export function defaultConstraints(pod: KObject, snap: Snapshot, action: string): SpreadConstraint[] {
  const selector = defaultSelector(pod, snap);
  if (!selector) return [];
  return SYSTEM_DEFAULT_CONSTRAINTS.filter((c) => c.whenUnsatisfiable === action).map((c) => toConstraint(c, selector));
}

export function nodeLabelsMatchSpreadConstraints(labels: Labels, constraints: SpreadConstraint[]): boolean {
  return constraints.every((c) => c.topologyKey in labels);
}

/** matchNodeInclusionPolicies. */
export function matchNodeInclusionPolicies(c: SpreadConstraint, pod: KObject, node: KObject): boolean {
  if (c.nodeAffinityPolicy === "Honor" && !requiredNodeAffinityMatches(pod, node)) return false;
  if (c.nodeTaintsPolicy === "Honor" && findMatchingUntoleratedTaint(nodeTaints(node), podTolerations(pod), doNotScheduleTaints)) {
    return false;
  }
  return true;
}

/** countPodsMatchSelector: pods in the namespace, not being deleted, whose labels match. */
export function countPodsMatchSelector(pods: PodInfo[], selector: Selector, ns: string): number {
  let n = 0;
  for (const p of pods) {
    if (p.pod.metadata.deletionTimestamp || p.pod.metadata.namespace !== ns) continue;
    if (selector(podLabels(p.pod))) n++;
  }
  return n;
}

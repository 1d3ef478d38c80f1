// What the DaemonSet controller adds to a daemon pod (pkg/controller/daemon/util/daemonset_util.go
// AddOrUpdateDaemonPodTolerations, ReplaceDaemonSetPodNodeNameNodeAffinity, CreatePodTemplate) and
// whether a node should run one (daemon_controller.go NodeShouldRunDaemonPod, predicates).
import type { KObject } from "../apiserver/registry/types";
import { requiredNodeAffinityMatches } from "../scheduler/framework/labels";
import { nodeTaints, tolerationsTolerateTaint, type Toleration } from "../scheduler/framework/taints";
import type { Json } from "./util";

const exists = (key: string, effect: string): Toleration => ({ key, operator: "Exists", effect });

/** The tolerations every daemon pod gets, in upstream's order (network-unavailable for hostNetwork only). */
export function daemonPodTolerations(hostNetwork: boolean): Toleration[] {
  const t = [
    exists("node.kubernetes.io/not-ready", "NoExecute"),
    exists("node.kubernetes.io/unreachable", "NoExecute"),
    exists("node.kubernetes.io/disk-pressure", "NoSchedule"),
    exists("node.kubernetes.io/memory-pressure", "NoSchedule"),
    exists("node.kubernetes.io/pid-pressure", "NoSchedule"),
    exists("node.kubernetes.io/unschedulable", "NoSchedule"),
  ];
  if (hostNetwork) t.push(exists("node.kubernetes.io/network-unavailable", "NoSchedule"));
  return t;
}

/** AddOrUpdateTolerationInPodSpec for each: one with the same key, operator, value and effect is replaced. */
export function addDaemonTolerations(spec: Json): void {
  const list: Toleration[] = [...(spec.tolerations ?? [])];
  for (const t of daemonPodTolerations(!!spec.hostNetwork)) {
    const i = list.findIndex((x) => x.key === t.key && (x.operator ?? "Equal") === t.operator && (x.value ?? "") === "" && x.effect === t.effect);
    if (i >= 0) list[i] = t;
    else list.push(t);
  }
  spec.tolerations = list;
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: required affinity pinned to the node by metadata.name. */
export function pinToNode(spec: Json, nodeName: string): void {
  const field = { key: "metadata.name", operator: "In", values: [nodeName] };
  const aff = (spec.affinity ??= {});
  const na = (aff.nodeAffinity ??= {});
  const req = na.requiredDuringSchedulingIgnoredDuringExecution;
  const terms: Json[] = req?.nodeSelectorTerms ?? [];
  na.requiredDuringSchedulingIgnoredDuringExecution = {
    nodeSelectorTerms: terms.length ? terms.map((t) => ({ ...t, matchFields: [field] })) : [{ matchFields: [field] }],
  };
}

/** NodeShouldRunDaemonPod: the node matches the template's selector/affinity and its taints are tolerated. */
export function nodeShouldRunDaemonPod(node: KObject, ds: KObject): boolean {
  const spec = structuredClone(ds.spec.template.spec ?? {});
  addDaemonTolerations(spec);
  const pod = { metadata: {}, spec } as KObject;
  if (spec.nodeName && spec.nodeName !== node.metadata.name) return false;
  if (!requiredNodeAffinityMatches(pod, node)) return false;
  return nodeTaints(node)
    .filter((t) => t.effect === "NoSchedule" || t.effect === "NoExecute")
    .every((t) => tolerationsTolerateTaint(spec.tolerations, t));
}

// NodeInfo and PodInfo: a pod's requests, non-zero requests, host ports and affinity flags parsed
// once (framework.NewPodInfo); NodeInfo.AddPodInfo/RemovePod/SetNode/Snapshot; and the cycle
// snapshot built from scratch from plain node and pod objects (assigned, non-terminal pods; image
// spread over nodes), which the incremental cache (cache/cache.ts) must always agree with.
// Mirrors pkg/scheduler/framework/types.go and pkg/scheduler/backend/cache/snapshot.go (NewSnapshot).
import type { KObject } from "../../apiserver/registry/types";
import { addToResource, podRequests, resourceFrom, toValues } from "./resources";
import { emptyResource, type HostPort, type NodeInfo, type PodInfo, type Snapshot } from "./types";

export interface ClusterObjects {
  nodes: KObject[];
  pods: KObject[];
  namespaces?: KObject[];
  services?: KObject[];
  replicaSets?: KObject[];
  statefulSets?: KObject[];
  replicationControllers?: KObject[];
}

/** The cache's key of a pod: its uid, or namespace/name (framework.GetPodKey). */
export function podKey(pod: KObject): string {
  return pod.metadata.uid ?? `${pod.metadata.namespace}/${pod.metadata.name}`;
}

/** The host ports a pod asks for (containers with a hostPort), defaulted as the scheduler does. */
export function podHostPorts(pod: KObject): HostPort[] {
  const out: HostPort[] = [];
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (!(p.hostPort > 0)) continue;
      out.push({ ip: p.hostIP || "0.0.0.0", protocol: p.protocol || "TCP", port: p.hostPort });
    }
  }
  return out;
}

function hasRequiredAntiAffinity(pod: KObject): boolean {
  return (pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length > 0;
}

function hasAnyAffinity(pod: KObject): boolean {
  const a = pod.spec?.affinity;
  return !!a && (!!a.podAffinity || !!a.podAntiAffinity);
}

/** NewPodInfo: everything the cache and the plugins read from an assigned pod, parsed once. */
export function newPodInfo(pod: KObject): PodInfo {
  const nonZero = podRequests(pod, { nonMissing: true });
  return {
    pod,
    key: podKey(pod),
    requests: podRequests(pod),
    nonZeroMilliCPU: nonZero.cpu ?? 0,
    nonZeroMemory: nonZero.memory ?? 0,
    hostPorts: podHostPorts(pod),
    hasAffinity: hasAnyAffinity(pod),
    hasRequiredAntiAffinity: hasRequiredAntiAffinity(pod),
  };
}

export function newNodeInfo(node: KObject): NodeInfo {
  return {
    node,
    name: node.metadata.name,
    pods: [],
    requested: emptyResource(),
    nonZeroRequested: emptyResource(),
    allocatable: resourceFrom(toValues(node.status?.allocatable)),
    usedPorts: [],
    imageStates: new Map(),
    podsWithAffinity: [],
    podsWithRequiredAntiAffinity: [],
    generation: 0,
  };
}

/** NodeInfo.SetNode: a new version of the node; its pods and what they add up to stay. */
export function setNode(ni: NodeInfo, node: KObject): void {
  ni.node = node;
  ni.name = node.metadata.name;
  ni.allocatable = resourceFrom(toValues(node.status?.allocatable));
}

function updateUsage(ni: NodeInfo, pi: PodInfo, sign: 1 | -1): void {
  addToResource(ni.requested, pi.requests, sign);
  ni.nonZeroRequested.milliCPU += sign * pi.nonZeroMilliCPU;
  ni.nonZeroRequested.memory += sign * pi.nonZeroMemory;
}

/** NodeInfo.AddPodInfo. */
export function addPodInfo(ni: NodeInfo, pi: PodInfo): void {
  ni.pods.push(pi);
  if (pi.hasAffinity) ni.podsWithAffinity.push(pi);
  if (pi.hasRequiredAntiAffinity) ni.podsWithRequiredAntiAffinity.push(pi);
  for (const hp of pi.hostPorts) ni.usedPorts.push(hp);
  updateUsage(ni, pi, 1);
}

/** NodeInfo.RemovePod: takes away the PodInfo held under the key (its values, not a newer object's). */
export function removePodInfo(ni: NodeInfo, key: string): PodInfo | undefined {
  const i = ni.pods.findIndex((p) => p.key === key);
  if (i < 0) return undefined;
  const pi = ni.pods[i]!;
  ni.pods.splice(i, 1);
  if (pi.hasAffinity) ni.podsWithAffinity = ni.podsWithAffinity.filter((p) => p.key !== key);
  if (pi.hasRequiredAntiAffinity) ni.podsWithRequiredAntiAffinity = ni.podsWithRequiredAntiAffinity.filter((p) => p.key !== key);
  for (const hp of pi.hostPorts) {
    const j = ni.usedPorts.findIndex((u) => u.ip === hp.ip && u.protocol === hp.protocol && u.port === hp.port);
    if (j >= 0) ni.usedPorts.splice(j, 1);
  }
  updateUsage(ni, pi, -1);
  return pi;
}

/** NodeInfo.AddPod (sign 1) / RemovePod (sign -1) for a pod object. */
export function updateNodeInfoPod(ni: NodeInfo, pod: KObject, sign: 1 | -1): void {
  if (sign === 1) addPodInfo(ni, newPodInfo(pod));
  else removePodInfo(ni, podKey(pod));
}

/** A copy that can be changed without touching the original (NodeInfo.Snapshot). */
export function cloneNodeInfo(ni: NodeInfo): NodeInfo {
  const cloneRes = (r: NodeInfo["requested"]) => ({ ...r, scalar: { ...r.scalar } });
  return {
    ...ni,
    pods: [...ni.pods],
    requested: cloneRes(ni.requested),
    nonZeroRequested: cloneRes(ni.nonZeroRequested),
    usedPorts: [...ni.usedPorts],
    podsWithAffinity: [...ni.podsWithAffinity],
    podsWithRequiredAntiAffinity: [...ni.podsWithRequiredAntiAffinity],
  };
}

/** Pods the scheduler cache holds: bound to a node and not Succeeded/Failed (the informer's field selector). */
export function isAssignedActivePod(pod: KObject): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== "Succeeded" && phase !== "Failed";
}

function imageStates(nodes: KObject[]): Map<string, { size: number; nodes: Set<string> }> {
  const all = new Map<string, { size: number; nodes: Set<string> }>();
  for (const node of nodes) {
    for (const img of node.status?.images ?? []) {
      for (const name of img.names ?? []) {
        const s = all.get(name) ?? { size: img.sizeBytes ?? 0, nodes: new Set<string>() };
        s.nodes.add(node.metadata.name);
        all.set(name, s);
      }
    }
  }
  return all;
}

/** The lists of nodes hosting pods with (anti-)affinity (updateNodeInfoSnapshotList). */
export function affinityLists(infos: NodeInfo[]): Pick<Snapshot, "havePodsWithAffinityNodeInfoList" | "havePodsWithRequiredAntiAffinityNodeInfoList"> {
  return {
    havePodsWithAffinityNodeInfoList: infos.filter((ni) => ni.podsWithAffinity.length > 0),
    havePodsWithRequiredAntiAffinityNodeInfoList: infos.filter((ni) => ni.podsWithRequiredAntiAffinity.length > 0),
  };
}

/** Namespace labels for namespaceSelector (a namespace not listed has only its name label). */
export function namespaceLabelsOf(namespaces: KObject[] | undefined): (ns: string) => Record<string, string> {
  const nsLabels = new Map<string, Record<string, string>>();
  for (const ns of namespaces ?? []) nsLabels.set(ns.metadata.name, ns.metadata.labels ?? {});
  return (ns) => nsLabels.get(ns) ?? { "kubernetes.io/metadata.name": ns };
}

/** A snapshot built from scratch (NewSnapshot). */
export function buildSnapshot(objs: ClusterObjects): Snapshot {
  const infos = objs.nodes.map(newNodeInfo);
  const byName = new Map(infos.map((ni) => [ni.name, ni]));
  for (const pod of objs.pods) {
    if (!isAssignedActivePod(pod)) continue;
    const ni = byName.get(pod.spec.nodeName);
    if (ni) addPodInfo(ni, newPodInfo(pod));
  }
  const images = imageStates(objs.nodes);
  for (const ni of infos) {
    for (const img of ni.node.status?.images ?? []) {
      for (const name of img.names ?? []) {
        const s = images.get(name)!;
        ni.imageStates.set(name, { size: s.size, numNodes: s.nodes.size });
      }
    }
  }
  return {
    nodeInfos: infos,
    ...affinityLists(infos),
    get: (name) => byName.get(name),
    namespaceLabels: namespaceLabelsOf(objs.namespaces),
    services: objs.services ?? [],
    replicaSets: objs.replicaSets ?? [],
    statefulSets: objs.statefulSets ?? [],
    replicationControllers: objs.replicationControllers ?? [],
  };
}

/** A snapshot whose node `name` is replaced by `replacement` (used by preemption's dry runs). */
export function withNodeInfo(snap: Snapshot, replacement: NodeInfo): Snapshot {
  const infos = snap.nodeInfos.map((ni) => (ni.name === replacement.name ? replacement : ni));
  return {
    nodeInfos: infos,
    ...affinityLists(infos),
    get: (n) => (n === replacement.name ? replacement : snap.get(n)),
    namespaceLabels: (ns) => snap.namespaceLabels(ns),
    services: snap.services,
    replicaSets: snap.replicaSets,
    statefulSets: snap.statefulSets,
    replicationControllers: snap.replicationControllers,
  };
}

// NodeInfo and the cycle snapshot built from plain node and pod objects: NodeInfo.AddPod/RemovePod,
// the used host ports and the image states of pkg/scheduler/framework/types.go, and the snapshot of
// pkg/scheduler/internal/cache/snapshot.go (assigned, non-terminal pods; image spread over nodes).
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

function hasRequiredAffinity(pod: KObject): boolean {
  return (pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length > 0;
}

function hasRequiredAntiAffinity(pod: KObject): boolean {
  return (pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length > 0;
}

function hasAnyAffinity(pod: KObject): boolean {
  const a = pod.spec?.affinity;
  return !!a && (!!a.podAffinity || !!a.podAntiAffinity);
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
  };
}

/** NodeInfo.AddPod (sign 1) / RemovePod (sign -1). */
export function updateNodeInfoPod(ni: NodeInfo, pod: KObject, sign: 1 | -1): void {
  addToResource(ni.requested, podRequests(pod), sign);
  const nonZero = podRequests(pod, { nonMissing: true });
  ni.nonZeroRequested.milliCPU += sign * (nonZero.cpu ?? 0);
  ni.nonZeroRequested.memory += sign * (nonZero.memory ?? 0);
  const uid = pod.metadata.uid ?? `${pod.metadata.namespace}/${pod.metadata.name}`;
  const same = (p: PodInfo) => (p.pod.metadata.uid ?? `${p.pod.metadata.namespace}/${p.pod.metadata.name}`) === uid;
  if (sign === 1) {
    const pi: PodInfo = { pod };
    ni.pods.push(pi);
    if (hasAnyAffinity(pod)) ni.podsWithAffinity.push(pi);
    if (hasRequiredAntiAffinity(pod)) ni.podsWithRequiredAntiAffinity.push(pi);
    ni.usedPorts.push(...podHostPorts(pod));
  } else {
    ni.pods = ni.pods.filter((p) => !same(p));
    ni.podsWithAffinity = ni.podsWithAffinity.filter((p) => !same(p));
    ni.podsWithRequiredAntiAffinity = ni.podsWithRequiredAntiAffinity.filter((p) => !same(p));
    for (const hp of podHostPorts(pod)) {
      const i = ni.usedPorts.findIndex((u) => u.ip === hp.ip && u.protocol === hp.protocol && u.port === hp.port);
      if (i >= 0) ni.usedPorts.splice(i, 1);
    }
  }
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

export function buildSnapshot(objs: ClusterObjects): Snapshot {
  const infos = objs.nodes.map(newNodeInfo);
  const byName = new Map(infos.map((ni) => [ni.name, ni]));
  for (const pod of objs.pods) {
    if (!isAssignedActivePod(pod)) continue;
    const ni = byName.get(pod.spec.nodeName);
    if (ni) updateNodeInfoPod(ni, pod, 1);
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
  const nsLabels = new Map<string, Record<string, string>>();
  for (const ns of objs.namespaces ?? []) nsLabels.set(ns.metadata.name, ns.metadata.labels ?? {});
  return {
    nodeInfos: infos,
    get: (name) => byName.get(name),
    namespaceLabels: (ns) => nsLabels.get(ns) ?? { "kubernetes.io/metadata.name": ns },
    services: objs.services ?? [],
    replicaSets: objs.replicaSets ?? [],
    statefulSets: objs.statefulSets ?? [],
    replicationControllers: objs.replicationControllers ?? [],
  };
}

/** A snapshot whose node `name` is replaced by `replacement` (used by preemption's dry runs). */
export function withNodeInfo(snap: Snapshot, replacement: NodeInfo): Snapshot {
  const infos = snap.nodeInfos.map((ni) => (ni.name === replacement.name ? replacement : ni));
  return { ...snap, nodeInfos: infos, get: (n) => (n === replacement.name ? replacement : snap.get(n)) };
}

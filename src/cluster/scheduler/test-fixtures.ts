// Test fixtures for the scheduler's unit tests: a kubeadm-like cluster (a control-plane node with the
// control-plane NoSchedule taint and its static pods, two workers with 2 cpu and ~3.7 GiB each) and
// small pod/node builders.
import type { KObject } from "../apiserver/registry/types";

let uidCounter = 0;

export function makeNode(name: string, opts: { cpu?: string; memory?: string; pods?: string; labels?: Record<string, string>; taints?: Record<string, string>[]; unschedulable?: boolean; images?: Record<string, unknown>[] } = {}): KObject {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, uid: `node-${name}`, labels: { "kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64", ...opts.labels } },
    spec: { ...(opts.taints ? { taints: opts.taints } : {}), ...(opts.unschedulable ? { unschedulable: true } : {}) },
    status: {
      allocatable: { cpu: opts.cpu ?? "2", memory: opts.memory ?? "3922412Ki", pods: opts.pods ?? "110", "ephemeral-storage": "18698430040" },
      capacity: { cpu: opts.cpu ?? "2", memory: opts.memory ?? "4024812Ki", pods: opts.pods ?? "110" },
      images: opts.images ?? [],
    },
  };
}

export interface PodOpts {
  namespace?: string;
  node?: string;
  cpu?: string;
  memory?: string;
  priority?: number;
  labels?: Record<string, string>;
  image?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec?: Record<string, any>;
  startTime?: string;
}

export function makePod(name: string, o: PodOpts = {}): KObject {
  const requests: Record<string, string> = {};
  if (o.cpu) requests.cpu = o.cpu;
  if (o.memory) requests.memory = o.memory;
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: o.namespace ?? "default", uid: `uid-${name}-${++uidCounter}`, labels: o.labels ?? {} },
    spec: {
      containers: [{ name: "c", image: o.image ?? "nginx", resources: Object.keys(requests).length ? { requests } : {} }],
      priority: o.priority ?? 0,
      schedulerName: "default-scheduler",
      ...(o.node ? { nodeName: o.node } : {}),
      ...o.spec,
    },
    status: o.node ? { phase: "Running", startTime: o.startTime ?? "2025-01-01T00:00:00Z" } : { phase: "Pending" },
  };
}

export const controlPlaneTaint = { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" };

/** kubeadm init + two joined workers, with the control-plane static pods and kube-proxy. */
export function kubeadmCluster(): { nodes: KObject[]; pods: KObject[] } {
  const nodes = [
    makeNode("controlplane", { labels: { "node-role.kubernetes.io/control-plane": "" }, taints: [controlPlaneTaint] }),
    makeNode("node01"),
    makeNode("node02"),
  ];
  const critical = 2000001000;
  const pods = [
    makePod("etcd-controlplane", { namespace: "kube-system", node: "controlplane", cpu: "100m", memory: "100Mi", priority: critical }),
    makePod("kube-apiserver-controlplane", { namespace: "kube-system", node: "controlplane", cpu: "250m", priority: critical }),
    makePod("kube-controller-manager-controlplane", { namespace: "kube-system", node: "controlplane", cpu: "200m", priority: critical }),
    makePod("kube-scheduler-controlplane", { namespace: "kube-system", node: "controlplane", cpu: "100m", priority: critical }),
    ...nodes.map((n) => makePod(`kube-proxy-${n.metadata.name}`, { namespace: "kube-system", node: n.metadata.name, priority: critical })),
  ];
  return { nodes, pods };
}

/** A seeded generator (mulberry32) for deterministic tie-breaking in tests. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

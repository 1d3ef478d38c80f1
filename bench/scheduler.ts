// Scheduler throughput: pods scheduled per second by the scheduler's logic on a cluster of N
// nodes (kubeadm-like workers), each scheduled pod added to the snapshot as the cache does.
import { scheduleOne } from "../src/cluster/scheduler/schedule-one";
import { Rng } from "../src/cluster/sim/rng";
import type { KObject } from "../src/cluster/apiserver/registry/types";

function node(i: number): KObject {
  const name = `node${String(i).padStart(4, "0")}`;
  return {
    metadata: { name, labels: { "kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "topology.kubernetes.io/zone": `zone-${i % 3}` } },
    spec: {},
    status: {
      allocatable: { cpu: "8", memory: "32Gi", pods: "110", "ephemeral-storage": "100Gi" },
      capacity: { cpu: "8", memory: "32Gi", pods: "110" },
      conditions: [{ type: "Ready", status: "True" }],
    },
  };
}

function pod(i: number): KObject {
  return {
    metadata: { name: `p${i}`, namespace: "default", uid: `uid-${i}`, labels: { app: `app${i % 10}` } },
    spec: { schedulerName: "default-scheduler", containers: [{ name: "c", image: "nginx", resources: { requests: { cpu: "10m", memory: "16Mi" } } }] },
    status: { phase: "Pending" },
  };
}

export function schedulerThroughput(nodeCount: number, podCount: number) {
  const nodes = Array.from({ length: nodeCount }, (_, i) => node(i));
  const pods: KObject[] = [];
  const rng = new Rng(42);
  const t = performance.now();
  let scheduled = 0;
  for (let i = 0; i < podCount; i++) {
    const p = pod(i);
    const r = scheduleOne(p, { nodes, pods }, () => rng.next());
    if (r.kind === "scheduled") {
      scheduled++;
      pods.push({ ...p, spec: { ...p.spec, nodeName: r.nodeName }, status: { phase: "Running" } });
    }
  }
  const s = (performance.now() - t) / 1000;
  return { nodes: nodeCount, pods: podCount, scheduled, seconds: Math.round(s * 1000) / 1000, pods_per_second: Math.round(scheduled / s) };
}

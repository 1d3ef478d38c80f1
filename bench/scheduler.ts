// Scheduler throughput: pods scheduled per second by the scheduler's logic on a cluster of N
// nodes (kubeadm-like workers), as the scheduler component runs it: nodes in the scheduler cache,
// each scheduled pod assumed on its node, then confirmed when its binding is seen.
import { Scheduler } from "../src/cluster/scheduler/scheduler";
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
  const sched = new Scheduler();
  for (let i = 0; i < nodeCount; i++) sched.cache.addNode(node(i));
  const rng = new Rng(42);
  const t = performance.now();
  let scheduled = 0;
  for (let i = 0; i < podCount; i++) {
    const p = pod(i);
    const r = sched.schedulePod(p, () => rng.next());
    if (r.kind === "scheduled") {
      scheduled++;
      const assumed = sched.assume(p, r.nodeName);
      sched.cache.addPod({ ...assumed, status: { phase: "Running" } });
    }
  }
  const s = (performance.now() - t) / 1000;
  return { nodes: nodeCount, pods: podCount, scheduled, seconds: Math.round(s * 1000) / 1000, pods_per_second: Math.round(scheduled / s) };
}

// The in-memory part of a cluster at 10,000 pods: the scheduler's cache (every pod and node, parsed),
// which is what a Durable Object keeps on its heap; objects themselves live in SQLite.
import { Scheduler } from "../src/cluster/scheduler/scheduler";
import type { KObject } from "../src/cluster/apiserver/registry/types";

declare const gc: () => void;

export function schedulerHeap(pods = 10_000, nodes = 100) {
  gc();
  const before = process.memoryUsage().heapUsed;
  const s = new Scheduler();
  for (let i = 0; i < nodes; i++) {
    const name = `node${i}`;
    s.cache.addNode({ metadata: { name, labels: { "kubernetes.io/hostname": name } }, spec: {}, status: { allocatable: { cpu: "64", memory: "256Gi", pods: "200" }, conditions: [{ type: "Ready", status: "True" }] } } as KObject);
  }
  for (let i = 0; i < pods; i++) {
    s.cache.addPod({
      metadata: { name: `p${i}`, namespace: "default", uid: `uid-${i}`, labels: { app: `a${i % 50}`, "pod-template-hash": "6dc5cd68db" } },
      spec: { nodeName: `node${i % nodes}`, containers: [{ name: "c", image: "nginx:1.27", resources: { requests: { cpu: "10m", memory: "16Mi" } }, ports: [{ containerPort: 80 }] }] },
      status: { phase: "Running" },
    } as KObject);
  }
  gc();
  const after = process.memoryUsage().heapUsed;
  return { pods, nodes, scheduler_cache_bytes: after - before, scheduler_cache_mb: Math.round((after - before) / 1048576 * 10) / 10, target_mb: 64, keep: s };
}

// The scheduler cache against the from-scratch snapshot: after any order of node and pod adds,
// updates, removals, assumes and forgets, every NodeInfo and the snapshot's lists equal what
// buildSnapshot computes from the same objects, and UpdateSnapshot copies only changed nodes.
import { describe, expect, it } from "vitest";
import type { KObject } from "../../apiserver/registry/types";
import { buildSnapshot } from "../framework/node-info";
import type { NodeInfo, Snapshot } from "../framework/types";
import { makeNode, makePod } from "../test-fixtures";
import { SchedulerCache } from "./cache";
import { CacheSnapshot } from "./snapshot";

/** What a NodeInfo holds, in a comparable form. */
function view(ni: NodeInfo) {
  const keys = (l: { key: string }[]) => l.map((p) => p.key).sort();
  return {
    name: ni.name,
    node: ni.node,
    pods: keys(ni.pods),
    podsWithAffinity: keys(ni.podsWithAffinity),
    podsWithRequiredAntiAffinity: keys(ni.podsWithRequiredAntiAffinity),
    requested: ni.requested,
    nonZeroRequested: ni.nonZeroRequested,
    allocatable: ni.allocatable,
    usedPorts: ni.usedPorts.map((p) => `${p.ip}/${p.protocol}/${p.port}`).sort(),
    imageStates: Object.fromEntries([...ni.imageStates].map(([k, v]) => [k, { ...v }])),
  };
}

const viewSnapshot = (s: Snapshot) => ({
  nodes: s.nodeInfos.map(view),
  withAffinity: s.havePodsWithAffinityNodeInfoList.map((ni) => ni.name),
  withAntiAffinity: s.havePodsWithRequiredAntiAffinityNodeInfoList.map((ni) => ni.name),
});

const anti = { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: "a" } }, topologyKey: "kubernetes.io/hostname" }] } } };
const hostPort = (port: number) => ({ containers: [{ name: "c", image: "nginx", ports: [{ containerPort: 80, hostPort: port }], resources: { requests: { cpu: "100m" } } }] });
const image = (names: string[], sizeBytes: number) => ({ names, sizeBytes });

describe("SchedulerCache", () => {
  it("gives the same NodeInfos and lists as building from scratch after adds, updates and removals", () => {
    const cache = new SchedulerCache();
    const snap = new CacheSnapshot();
    let nodes = [
      makeNode("n1", { images: [image(["nginx:latest", "docker.io/library/nginx:latest"], 60_000_000)] }),
      makeNode("n2", { cpu: "4", images: [image(["nginx:latest"], 60_000_000), image(["redis:7"], 40_000_000)] }),
      makeNode("n3"),
    ];
    const pods = new Map<string, KObject>();
    const check = () => {
      cache.updateSnapshot(snap);
      expect(viewSnapshot(snap)).toEqual(viewSnapshot(buildSnapshot({ nodes, pods: [...pods.values()] })));
      for (const n of nodes) expect(view(cache.nodeInfo(n.metadata.name)!)).toEqual(view(buildSnapshot({ nodes, pods: [...pods.values()] }).get(n.metadata.name)!));
    };
    const addPod = (p: KObject) => { pods.set(p.metadata.uid, p); cache.addPod(p); };

    // A pod seen before its node, then the nodes.
    addPod(makePod("early", { node: "n3", cpu: "300m", memory: "100Mi" }));
    for (const n of nodes) cache.addNode(n);
    check();
    addPod(makePod("a", { node: "n1", cpu: "500m", memory: "1Gi", labels: { app: "a" }, spec: anti }));
    addPod(makePod("b", { node: "n2", spec: hostPort(8080) }));
    addPod(makePod("c", { node: "n2", cpu: "1", spec: { overhead: { cpu: "250m" }, affinity: { podAffinity: {} } } }));
    addPod(makePod("best-effort", { node: "n1" }));
    check();

    // Update: more cpu, and the anti-affinity dropped.
    const a2 = { ...pods.get([...pods.keys()].find((k) => k.startsWith("uid-a-"))!)! };
    a2.spec = { ...a2.spec, affinity: undefined, containers: [{ name: "c", image: "nginx", resources: { requests: { cpu: "700m" } } }] };
    pods.set(a2.metadata.uid, a2);
    cache.updatePod(a2);
    check();

    // A node's new version (labels, allocatable, images).
    nodes = nodes.map((n) => (n.metadata.name === "n2" ? makeNode("n2", { cpu: "8", labels: { disk: "ssd" }, images: [image(["redis:7"], 40_000_000)] }) : n));
    cache.updateNode(nodes[1]!);
    check();

    // A finished pod leaves; a pod is removed.
    const b = [...pods.values()].find((p) => p.metadata.name === "b")!;
    pods.delete(b.metadata.uid);
    cache.removePod(b);
    check();

    // A node leaves while a pod is still on it: gone from the snapshot, back when re-added.
    const n3 = nodes[2]!;
    nodes = nodes.filter((n) => n !== n3);
    cache.removeNode("n3");
    check();
    nodes = [...nodes, n3];
    cache.addNode(n3);
    check();
  });

  it("counts an assumed pod until it is forgotten, and confirms it where it was bound", () => {
    const cache = new SchedulerCache();
    const snap = new CacheSnapshot();
    const nodes = [makeNode("n1"), makeNode("n2")];
    for (const n of nodes) cache.addNode(n);
    const pod = makePod("web", { cpu: "1", memory: "1Gi" });
    const assumed = { ...pod, spec: { ...pod.spec, nodeName: "n1" } };
    expect(cache.assumePod(assumed)).toBeUndefined();
    expect(cache.isAssumedPod(pod)).toBe(true);
    expect(cache.assumePod(assumed)).toBe(`pod ${pod.metadata.uid}(default/web) is in the cache, so can't be assumed`);
    cache.updateSnapshot(snap);
    expect(snap.get("n1")!.requested.milliCPU).toBe(1000);

    cache.forgetPod(assumed);
    cache.updateSnapshot(snap);
    expect(viewSnapshot(snap)).toEqual(viewSnapshot(buildSnapshot({ nodes, pods: [] })));

    // Assumed on n1, the binding seen on n2: it counts on n2 only, confirmed.
    cache.assumePod(assumed);
    const bound = { ...pod, spec: { ...pod.spec, nodeName: "n2" }, status: { phase: "Running" } };
    cache.addPod(bound);
    expect(cache.isAssumedPod(pod)).toBe(false);
    cache.updateSnapshot(snap);
    expect(viewSnapshot(snap)).toEqual(viewSnapshot(buildSnapshot({ nodes, pods: [bound] })));
  });

  it("copies only the nodes changed since the last snapshot, into the same objects", () => {
    const cache = new SchedulerCache();
    const snap = new CacheSnapshot();
    for (const n of ["n1", "n2", "n3"]) cache.addNode(makeNode(n));
    cache.updateSnapshot(snap);
    const [n1, n2, n3] = snap.nodeInfos;
    const generation = snap.generation;
    cache.addPod(makePod("p", { node: "n2", cpu: "200m" }));
    cache.updateSnapshot(snap);
    expect(snap.generation).toBeGreaterThan(generation);
    expect(snap.nodeInfos[0]).toBe(n1);
    expect(snap.nodeInfos[1]).toBe(n2);
    expect(snap.nodeInfos[2]).toBe(n3);
    expect(n2!.requested.milliCPU).toBe(200);
    expect(n1!.generation).toBeLessThanOrEqual(generation);
    // The cache's own NodeInfo is not the snapshot's: later changes do not leak into a cycle.
    expect(cache.nodeInfo("n2")).not.toBe(n2);
    cache.addPod(makePod("q", { node: "n2", cpu: "300m" }));
    expect(n2!.requested.milliCPU).toBe(200);
  });

  it("keeps each image's node count shared across nodes", () => {
    const cache = new SchedulerCache();
    const snap = new CacheSnapshot();
    cache.addNode(makeNode("n1", { images: [image(["busybox:1.36"], 5_000_000)] }));
    cache.addNode(makeNode("n2", { images: [image(["busybox:1.36"], 5_000_000)] }));
    cache.updateSnapshot(snap);
    expect(snap.get("n1")!.imageStates.get("busybox:1.36")).toEqual({ size: 5_000_000, numNodes: 2 });
    cache.removeNode("n2");
    cache.updateSnapshot(snap);
    expect(snap.nodeInfos.map((ni) => ni.name)).toEqual(["n1"]);
    expect(snap.get("n1")!.imageStates.get("busybox:1.36")).toEqual({ size: 5_000_000, numNodes: 1 });
  });
});

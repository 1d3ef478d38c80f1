// Each plugin's Filter reason text (as counted into FailedScheduling) and Score (after normalization).
import { describe, expect, it } from "vitest";
import type { KObject } from "../../apiserver/registry/types";
import { buildSnapshot } from "../framework/node-info";
import { CycleState, type NodeScore, type Plugin, type Status } from "../framework/types";
import { makeNode, makePod } from "../test-fixtures";
import { balancedAllocation } from "./balanced-allocation";
import { imageLocality } from "./image-locality";
import { interPodAffinity } from "./inter-pod-affinity";
import { nodeAffinity } from "./node-affinity";
import { nodeName } from "./node-name";
import { nodePorts } from "./node-ports";
import { nodeResourcesFit } from "./node-resources-fit";
import { nodeUnschedulable } from "./node-unschedulable";
import { podTopologySpread } from "./pod-topology-spread";
import { taintToleration } from "./taint-toleration";
import { volumeRestrictions } from "./volume-restrictions";

function filter(plugin: Plugin, pod: KObject, nodes: KObject[], pods: KObject[] = []): Record<string, Status | "ok"> {
  const state = new CycleState(buildSnapshot({ nodes, pods }));
  const pre = plugin.preFilter?.(state, pod);
  const out: Record<string, Status | "ok"> = {};
  for (const ni of state.snapshot.nodeInfos) {
    const st = pre?.code === "Skip" ? undefined : plugin.filter!(state, pod, ni);
    out[ni.name] = st ?? "ok";
  }
  return out;
}

function score(plugin: Plugin, pod: KObject, nodes: KObject[], pods: KObject[] = []): Record<string, number> | "skip" {
  const state = new CycleState(buildSnapshot({ nodes, pods }));
  if (plugin.preScore?.(state, pod, state.snapshot.nodeInfos)?.code === "Skip") return "skip";
  const scores: NodeScore[] = state.snapshot.nodeInfos.map((ni) => ({ name: ni.name, score: plugin.score!(state, pod, ni) }));
  plugin.normalizeScore?.(state, pod, scores);
  return Object.fromEntries(scores.map((s) => [s.name, s.score]));
}

const rejected = (code: string, reason: string) => ({ code, reasons: [reason] });

describe("filter reasons", () => {
  it("NodeUnschedulable", () => {
    const nodes = [makeNode("n1", { unschedulable: true }), makeNode("n2")];
    expect(filter(nodeUnschedulable, makePod("p"), nodes)).toEqual({
      n1: rejected("UnschedulableAndUnresolvable", "node(s) were unschedulable"),
      n2: "ok",
    });
    const tolerant = makePod("t", { spec: { tolerations: [{ key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" }] } });
    expect(filter(nodeUnschedulable, tolerant, nodes).n1).toBe("ok");
  });

  it("NodeName", () => {
    const pod = makePod("p", { spec: { nodeName: "n2" } });
    expect(filter(nodeName, pod, [makeNode("n1"), makeNode("n2")])).toEqual({
      n1: rejected("UnschedulableAndUnresolvable", "node(s) didn't match the requested node name"),
      n2: "ok",
    });
  });

  it("TaintToleration shows the first untolerated taint with its value", () => {
    const nodes = [
      makeNode("cp", { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] }),
      makeNode("gpu", { taints: [{ key: "dedicated", value: "gpu", effect: "NoExecute" }] }),
      makeNode("soft", { taints: [{ key: "x", value: "y", effect: "PreferNoSchedule" }] }),
    ];
    expect(filter(taintToleration, makePod("p"), nodes)).toEqual({
      cp: rejected("UnschedulableAndUnresolvable", "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"),
      gpu: rejected("UnschedulableAndUnresolvable", "node(s) had untolerated taint {dedicated: gpu}"),
      soft: "ok",
    });
    const tol = makePod("t", { spec: { tolerations: [{ key: "dedicated", operator: "Equal", value: "gpu" }] } });
    expect(filter(taintToleration, tol, nodes).gpu).toBe("ok");
  });

  it("NodeAffinity covers nodeSelector and required terms", () => {
    const nodes = [makeNode("ssd", { labels: { disktype: "ssd", zone: "a" } }), makeNode("hdd", { labels: { disktype: "hdd" } })];
    const reason = rejected("UnschedulableAndUnresolvable", "node(s) didn't match Pod's node affinity/selector");
    expect(filter(nodeAffinity, makePod("p", { spec: { nodeSelector: { disktype: "ssd" } } }), nodes)).toEqual({ ssd: "ok", hdd: reason });
    const required = makePod("r", {
      spec: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: "zone", operator: "NotIn", values: ["a"] }] }],
            },
          },
        },
      },
    });
    expect(filter(nodeAffinity, required, nodes)).toEqual({ ssd: reason, hdd: "ok" });
  });

  it("NodePorts: a host port taken on 0.0.0.0 conflicts with any address", () => {
    const withPort = (name: string, node: string | undefined, hostIP?: string) =>
      makePod(name, { node, spec: { containers: [{ name: "c", image: "nginx", ports: [{ containerPort: 80, hostPort: 8080, ...(hostIP ? { hostIP } : {}) }] }] } });
    const nodes = [makeNode("n1"), makeNode("n2")];
    expect(filter(nodePorts, withPort("new", undefined, "10.0.0.1"), nodes, [withPort("old", "n1")])).toEqual({
      n1: rejected("Unschedulable", "node(s) didn't have free ports for the requested pod ports"),
      n2: "ok",
    });
  });

  it("NodeResourcesFit lists every shortage", () => {
    const nodes = [makeNode("n1", { cpu: "1", memory: "1Gi", pods: "1" })];
    const pods = [makePod("old", { node: "n1", cpu: "500m" })];
    const pod = makePod("p", { cpu: "600m", memory: "2Gi" });
    pod.spec.containers[0].resources.requests["nvidia.com/gpu"] = "1";
    expect(filter(nodeResourcesFit, pod, nodes, pods)).toEqual({
      n1: { code: "Unschedulable", reasons: ["Too many pods", "Insufficient cpu", "Insufficient memory", "Insufficient nvidia.com/gpu"] },
    });
  });

  it("NodeResourcesFit counts init containers by the max rule and adds overhead", () => {
    const nodes = [makeNode("n1", { cpu: "2" })];
    const pod = makePod("p", { cpu: "500m", spec: { initContainers: [{ name: "init", image: "busybox", resources: { requests: { cpu: "1500m" } } }] } });
    expect(filter(nodeResourcesFit, pod, nodes).n1).toBe("ok");
    pod.spec.overhead = { cpu: "600m" };
    expect(filter(nodeResourcesFit, pod, nodes).n1).toEqual(rejected("Unschedulable", "Insufficient cpu"));
  });

  it("PodTopologySpread: skew and missing topology label", () => {
    const nodes = [makeNode("n1", { labels: { zone: "a" } }), makeNode("n2", { labels: { zone: "b" } }), makeNode("n3")];
    const spread = {
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: { app: "web" } } }],
    };
    const pods = [makePod("w1", { node: "n1", labels: { app: "web" } })];
    expect(filter(podTopologySpread, makePod("w2", { labels: { app: "web" }, spec: spread }), nodes, pods)).toEqual({
      n1: rejected("Unschedulable", "node(s) didn't match pod topology spread constraints"),
      n2: "ok",
      n3: rejected("UnschedulableAndUnresolvable", "node(s) didn't match pod topology spread constraints (missing required label)"),
    });
  });

  it("InterPodAffinity: affinity, anti-affinity and existing pods' anti-affinity", () => {
    const nodes = [makeNode("n1"), makeNode("n2")];
    const term = (app: string) => [{ labelSelector: { matchLabels: { app } }, topologyKey: "kubernetes.io/hostname" }];
    const db = makePod("db", { node: "n1", labels: { app: "db" } });
    const needsCache = makePod("p", { spec: { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: term("cache") } } } });
    expect(filter(interPodAffinity, needsCache, nodes, [db])).toEqual({
      n1: rejected("UnschedulableAndUnresolvable", "node(s) didn't match pod affinity rules"),
      n2: rejected("UnschedulableAndUnresolvable", "node(s) didn't match pod affinity rules"),
    });
    const avoidsDb = makePod("p", { spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: term("db") } } } });
    expect(filter(interPodAffinity, avoidsDb, nodes, [db])).toEqual({
      n1: rejected("Unschedulable", "node(s) didn't match pod anti-affinity rules"),
      n2: "ok",
    });
    const loner = makePod("loner", { node: "n2", spec: { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: term("web") } } } });
    expect(filter(interPodAffinity, makePod("w", { labels: { app: "web" } }), nodes, [loner])).toEqual({
      n1: "ok",
      n2: rejected("Unschedulable", "node(s) didn't satisfy existing pods anti-affinity rules"),
    });
  });

  it("VolumeRestrictions: the same GCE disk mounted read-write", () => {
    const vol = { name: "d", gcePersistentDisk: { pdName: "data" } };
    const nodes = [makeNode("n1"), makeNode("n2")];
    const old = makePod("old", { node: "n1", spec: { volumes: [vol] } });
    expect(filter(volumeRestrictions, makePod("new", { spec: { volumes: [vol] } }), nodes, [old])).toEqual({
      n1: rejected("Unschedulable", "node(s) had no available disk"),
      n2: "ok",
    });
  });
});

describe("scores", () => {
  const big = (name: string, extra: Parameters<typeof makeNode>[1] = {}) => makeNode(name, { cpu: "4", memory: "8Gi", ...extra });

  it("NodeResourcesFit LeastAllocated and BalancedAllocation", () => {
    const pod = makePod("p", { cpu: "1", memory: "2Gi" });
    expect(score(nodeResourcesFit, pod, [big("n1")])).toEqual({ n1: 75 });
    expect(score(balancedAllocation, pod, [big("n1")])).toEqual({ n1: 100 });
    expect(score(balancedAllocation, makePod("q", { cpu: "2", memory: "1Gi" }), [big("n1")])).toEqual({ n1: 81 });
    // No requests: LeastAllocated counts the 100m / 200 MiB defaults.
    expect(score(nodeResourcesFit, makePod("e"), [big("n1")])).toEqual({ n1: 97 });
  });

  it("TaintToleration: fewer untolerated PreferNoSchedule taints score higher", () => {
    const soft = (k: string) => ({ key: k, effect: "PreferNoSchedule" });
    const nodes = [big("n0"), big("n1", { taints: [soft("a")] }), big("n2", { taints: [soft("a"), soft("b")] })];
    expect(score(taintToleration, makePod("p"), nodes)).toEqual({ n0: 100, n1: 50, n2: 0 });
  });

  it("NodeAffinity: preferred term weights normalized by the best", () => {
    const nodes = [big("n1", { labels: { a: "1", b: "1" } }), big("n2", { labels: { b: "1" } }), big("n3")];
    const pref = (key: string, weight: number) => ({ weight, preference: { matchExpressions: [{ key, operator: "Exists" }] } });
    const pod = makePod("p", { spec: { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [pref("a", 2), pref("b", 3)] } } } });
    expect(score(nodeAffinity, pod, nodes)).toEqual({ n1: 100, n2: 60, n3: 0 });
    expect(score(nodeAffinity, makePod("q"), nodes)).toBe("skip");
  });

  it("ImageLocality: image size scaled by spread", () => {
    const nodes = [big("n1", { images: [{ names: ["nginx:latest"], sizeBytes: 500 * 1024 * 1024 }] }), big("n2")];
    expect(score(imageLocality, makePod("p", { image: "nginx" }), nodes)).toEqual({ n1: 23, n2: 0 });
  });

  it("PodTopologySpread: fewer matching pods in the domain scores higher", () => {
    const nodes = [big("n1"), big("n2")];
    const spread = {
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: { app: "web" } } }],
    };
    const pods = [makePod("w1", { node: "n1", labels: { app: "web" } }), makePod("w2", { node: "n1", labels: { app: "web" } })];
    expect(score(podTopologySpread, makePod("w3", { labels: { app: "web" }, spec: spread }), nodes, pods)).toEqual({ n1: 0, n2: 100 });
  });

  it("PodTopologySpread: system defaults spread a ReplicaSet's pods", () => {
    const nodes = [big("n1"), big("n2")];
    const owned = (name: string, node?: string) => {
      const p = makePod(name, { node, labels: { app: "web" } });
      p.metadata.ownerReferences = [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-abc", controller: true, uid: "rs" }];
      return p;
    };
    const rs = { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "web-abc", namespace: "default" }, spec: { selector: { matchLabels: { app: "web" } } } };
    const state = new CycleState(buildSnapshot({ nodes, pods: [owned("a", "n1")], replicaSets: [rs] }));
    const pod = owned("b");
    expect(podTopologySpread.preScore!(state, pod, state.snapshot.nodeInfos)).toBeUndefined();
    const scores = state.snapshot.nodeInfos.map((ni) => ({ name: ni.name, score: podTopologySpread.score!(state, pod, ni) }));
    podTopologySpread.normalizeScore!(state, pod, scores);
    expect(scores.map((s) => s.score)).toEqual([66, 100]);
  });

  it("InterPodAffinity: preferred affinity towards a cache pod", () => {
    const nodes = [big("n1"), big("n2")];
    const pod = makePod("p", {
      spec: {
        affinity: {
          podAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 10, podAffinityTerm: { labelSelector: { matchLabels: { app: "cache" } }, topologyKey: "kubernetes.io/hostname" } },
            ],
          },
        },
      },
    });
    expect(score(interPodAffinity, pod, nodes, [makePod("c", { node: "n1", labels: { app: "cache" } })])).toEqual({ n1: 100, n2: 0 });
    expect(score(interPodAffinity, makePod("q"), nodes)).toBe("skip");
  });
});

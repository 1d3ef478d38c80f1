// scheduleOne on a kubeadm-like cluster: placements, the exact FailedScheduling messages users see
// in `kubectl describe pod`, preemption victims and deterministic tie-breaking.
import { describe, expect, it } from "vitest";
import { scheduleOne, selectHost } from "./schedule-one";
import { controlPlaneTaint, kubeadmCluster, makeNode, makePod, seeded } from "./test-fixtures";

const never = () => 0.99;

describe("scheduleOne on a kubeadm cluster", () => {
  it("places a plain pod on a worker, never on the tainted control plane", () => {
    const c = kubeadmCluster();
    for (let seed = 1; seed <= 20; seed++) {
      const r = scheduleOne(makePod("nginx"), c, seeded(seed));
      expect(r.kind).toBe("scheduled");
      if (r.kind === "scheduled") expect(["node01", "node02"]).toContain(r.nodeName);
    }
  });

  it("records per-node filter verdicts and per-plugin scores in the trace", () => {
    const r = scheduleOne(makePod("nginx"), kubeadmCluster(), never);
    const cp = r.trace.filter.find((f) => f.node === "controlplane")!;
    expect(cp.results.at(-1)).toEqual({
      plugin: "TaintToleration",
      code: "UnschedulableAndUnresolvable",
      reasons: ["node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }"],
    });
    expect(r.trace.score.map((s) => s.node)).toEqual(["node01", "node02"]);
    const plugins = r.trace.score[0]!.plugins.map((p) => `${p.plugin}×${p.weight}`);
    expect(plugins).toEqual(["TaintToleration×3", "NodeResourcesFit×1", "NodeResourcesBalancedAllocation×1", "ImageLocality×1"]);
  });

  it("prefers the emptier worker", () => {
    const c = kubeadmCluster();
    c.pods.push(makePod("busy", { node: "node01", cpu: "1", memory: "1Gi" }));
    for (let seed = 1; seed <= 5; seed++) {
      const r = scheduleOne(makePod("web", { cpu: "100m", memory: "64Mi" }), c, seeded(seed));
      expect(r.kind === "scheduled" && r.nodeName).toBe("node02");
    }
  });

  it("prints the full FailedScheduling message for a pod requesting 100 cpu", () => {
    const r = scheduleOne(makePod("huge", { cpu: "100" }), kubeadmCluster(), never);
    expect(r.kind).toBe("unschedulable");
    if (r.kind !== "unschedulable") return;
    expect(r.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. " +
        "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
    expect(r.unschedulablePlugins.sort()).toEqual(["NodeResourcesFit", "TaintToleration"]);
  });

  it("counts cpu and memory shortages separately", () => {
    const r = scheduleOne(makePod("huge", { cpu: "3", memory: "8Gi" }), kubeadmCluster(), never);
    expect(r.kind === "unschedulable" && r.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu, 2 Insufficient memory. " +
        "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
  });

  it("reports the control-plane taint on a single-node kubeadm cluster", () => {
    const c = kubeadmCluster();
    c.nodes = c.nodes.slice(0, 1);
    const r = scheduleOne(makePod("nginx"), c, never);
    expect(r.kind === "unschedulable" && r.message).toBe(
      "0/1 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. " +
        "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.",
    );
  });

  it("schedules onto the control plane when the pod tolerates the taint", () => {
    const c = kubeadmCluster();
    c.nodes = c.nodes.slice(0, 1);
    const pod = makePod("tolerant", { spec: { tolerations: [{ key: controlPlaneTaint.key, operator: "Exists", effect: "NoSchedule" }] } });
    const r = scheduleOne(pod, c, never);
    expect(r.kind === "scheduled" && r.nodeName).toBe("controlplane");
  });

  it("reports a nodeSelector that no node matches", () => {
    const pod = makePod("ssd", { spec: { nodeSelector: { disktype: "ssd" } } });
    const r = scheduleOne(pod, kubeadmCluster(), never);
    expect(r.kind === "unschedulable" && r.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. " +
        "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });

  it("matches the real anti-affinity transcript (OUTPUTS.md §2b)", () => {
    const c = kubeadmCluster();
    const anti = {
      affinity: {
        podAntiAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: "hello-server" } }, topologyKey: "kubernetes.io/hostname" }],
        },
      },
    };
    c.pods.push(makePod("hello-1", { node: "node01", labels: { app: "hello-server" }, spec: anti }));
    c.pods.push(makePod("hello-2", { node: "node02", labels: { app: "hello-server" }, spec: anti }));
    const r = scheduleOne(makePod("hello-3", { labels: { app: "hello-server" }, spec: anti }), c, never);
    expect(r.kind === "unschedulable" && r.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match pod anti-affinity rules. " +
        "preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
  });

  it("says preemptionPolicy=Never pods are not eligible", () => {
    const pod = makePod("polite", { cpu: "100", priority: 1000, spec: { preemptionPolicy: "Never" } });
    const r = scheduleOne(pod, kubeadmCluster(), never);
    expect(r.kind === "unschedulable" && r.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.",
    );
  });

  it("says no nodes are available in an empty cluster", () => {
    const r = scheduleOne(makePod("x"), { nodes: [], pods: [] }, never);
    expect(r.kind === "unschedulable" && r.message).toBe("no nodes available to schedule pods");
  });
});

describe("preemption", () => {
  it("nominates a node and the fewest lower-priority victims", () => {
    const c = kubeadmCluster();
    const low1 = makePod("low-a", { node: "node01", cpu: "800m", priority: 0 });
    const low2 = makePod("low-b", { node: "node01", cpu: "800m", priority: 0 });
    const mid = makePod("mid", { node: "node02", cpu: "1600m", priority: 500 });
    c.pods.push(low1, low2, mid);
    const r = scheduleOne(makePod("urgent", { cpu: "1", priority: 1000 }), c, never);
    expect(r.kind).toBe("unschedulable");
    if (r.kind !== "unschedulable") return;
    // Success: the event has no "preemption:" clause.
    expect(r.message).toBe("0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu.");
    expect(r.preemption?.nominatedNodeName).toBe("node01");
    expect(r.preemption?.victims.map((v) => v.metadata.name)).toHaveLength(1);
  });

  it("reports nodes where even evicting every lower-priority pod is not enough", () => {
    const c = kubeadmCluster();
    c.pods.push(makePod("low", { node: "node01", cpu: "500m", priority: 0 }));
    const r = scheduleOne(makePod("urgent", { cpu: "100", priority: 1000 }), c, never);
    expect(r.kind === "unschedulable" && r.message).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. " +
        "preemption: 0/3 nodes are available: 1 Insufficient cpu, 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.",
    );
  });

  it("reprieves the more important victims first", () => {
    const nodes = [makeNode("n1", { cpu: "2" })];
    const pods = [
      makePod("p-old", { node: "n1", cpu: "1", priority: 10, startTime: "2025-01-01T00:00:00Z" }),
      makePod("p-new", { node: "n1", cpu: "1", priority: 10, startTime: "2025-01-02T00:00:00Z" }),
    ];
    const r = scheduleOne(makePod("urgent", { cpu: "1", priority: 100 }), { nodes, pods }, never);
    expect(r.kind === "unschedulable" && r.preemption?.victims.map((v) => v.metadata.name)).toEqual(["p-new"]);
  });

  it("goes to its nominated node once room is made", () => {
    const c = kubeadmCluster();
    const pod = makePod("urgent", { cpu: "100m", priority: 1000 });
    pod.status.nominatedNodeName = "node02";
    const r = scheduleOne(pod, c, () => 0);
    expect(r.kind === "scheduled" && r.nodeName).toBe("node02");
  });
});

describe("tie-breaking", () => {
  it("is reservoir sampling driven by the injected rng", () => {
    const scores = [{ node: "a", total: 5 }, { node: "b", total: 7 }, { node: "c", total: 7 }, { node: "d", total: 1 }];
    expect(selectHost(scores, () => 0)).toBe("c");
    expect(selectHost(scores, () => 0.99)).toBe("b");
  });

  it("gives the same placements for the same seed and spreads over both workers", () => {
    const run = (seed: number) => {
      const rng = seeded(seed);
      return Array.from({ length: 12 }, (_, i) => {
        const r = scheduleOne(makePod(`p${i}`), kubeadmCluster(), rng);
        return r.kind === "scheduled" ? r.nodeName : "-";
      });
    };
    expect(run(42)).toEqual(run(42));
    expect(new Set(run(42))).toEqual(new Set(["node01", "node02"]));
  });
});

// `kubectl get nodes -o wide` rows of a kubeadm v1.32 cluster (OUTPUTS.md §1b).
import { describe, expect, it } from "vitest";
import type { KObject } from "../registry/types";
import { printerFor } from "./index";

const now = new Date("2025-06-02T21:24:42Z");
const ago = (sec: number) => new Date(now.getTime() - sec * 1000).toISOString().replace(/\.000Z$/, "Z");
const printer = printerFor("", "nodes");

function node(name: string, ip: string, labels: Record<string, string>, opts: { ready?: string; unschedulable?: boolean; age: number }): KObject {
  return {
    apiVersion: "v1", kind: "Node",
    metadata: {
      name, creationTimestamp: ago(opts.age),
      labels: { "beta.kubernetes.io/arch": "amd64", "kubernetes.io/hostname": name, "kubernetes.io/os": "linux", ...labels },
    },
    spec: { podCIDR: "10.244.0.0/24", ...(opts.unschedulable ? { unschedulable: true } : {}) },
    status: {
      conditions: [
        { type: "MemoryPressure", status: "False", reason: "KubeletHasSufficientMemory" },
        { type: "DiskPressure", status: "False", reason: "KubeletHasNoDiskPressure" },
        { type: "PIDPressure", status: "False", reason: "KubeletHasSufficientPID" },
        ...(opts.ready ? [{ type: "Ready", status: opts.ready, reason: opts.ready === "True" ? "KubeletReady" : "KubeletNotReady" }] : []),
      ],
      addresses: [{ type: "InternalIP", address: ip }, { type: "Hostname", address: name }],
      nodeInfo: {
        kubeletVersion: "v1.32.5", kubeProxyVersion: "v1.32.5", osImage: "Ubuntu 22.04.1 LTS", kernelVersion: "5.15.0-43-generic",
        containerRuntimeVersion: "containerd://1.7.27", operatingSystem: "linux", architecture: "amd64",
      },
    },
  };
}

const controlPlane = node("kcloud-93", "129.254.175.93", { "node-role.kubernetes.io/control-plane": "", "node.kubernetes.io/exclude-from-external-load-balancers": "" }, { ready: "True", age: 4 * 3600 + 27 * 60 + 5 });
const worker = node("kcloud-94", "129.254.175.94", {}, { ready: "True", age: 4 * 3600 + 26 * 60 });

describe("node printer", () => {
  it("has the upstream columns", () => {
    expect(printer.columns.map((c) => `${c.name}:${c.priority}`)).toEqual([
      "Name:0", "Status:0", "Roles:0", "Age:0", "Version:0", "Internal-IP:1", "External-IP:1", "OS-Image:1", "Kernel-Version:1", "Container-Runtime:1",
    ]);
    expect(printer.columns[1].description).toBe("The status of the node");
    expect(printer.columns[4].description).toBe("Kubelet Version reported by the node.");
  });

  it("prints a kubeadm control-plane node and a worker", () => {
    expect(printer.cells(controlPlane, now)).toEqual(["kcloud-93", "Ready", "control-plane", "4h27m", "v1.32.5", "129.254.175.93", "<none>", "Ubuntu 22.04.1 LTS", "5.15.0-43-generic", "containerd://1.7.27"]);
    expect(printer.cells(worker, now)).toEqual(["kcloud-94", "Ready", "<none>", "4h26m", "v1.32.5", "129.254.175.94", "<none>", "Ubuntu 22.04.1 LTS", "5.15.0-43-generic", "containerd://1.7.27"]);
  });

  it("prints NotReady before a CNI, Unknown without a Ready condition, and SchedulingDisabled when cordoned", () => {
    const notReady = node("oai-k8s-vm", "10.0.0.5", { "node-role.kubernetes.io/control-plane": "" }, { ready: "False", age: 179 });
    expect(printer.cells(notReady, now).slice(0, 5)).toEqual(["oai-k8s-vm", "NotReady", "control-plane", "2m59s", "v1.32.5"]);
    expect(printer.cells(node("n", "10.0.0.6", {}, { age: 10 }), now)[1]).toBe("Unknown");
    expect(printer.cells(node("n", "10.0.0.6", {}, { ready: "True", unschedulable: true, age: 10 }), now)[1]).toBe("Ready,SchedulingDisabled");
    expect(printer.cells(node("n", "10.0.0.6", {}, { ready: "Unknown", unschedulable: true, age: 10 }), now)[1]).toBe("NotReady,SchedulingDisabled");
  });

  it("collects roles from both label forms, sorted", () => {
    const n = node("n", "10.0.0.7", { "node-role.kubernetes.io/worker": "", "kubernetes.io/role": "ingress", "node-role.kubernetes.io/": "x" }, { ready: "True", age: 10 });
    expect(printer.cells(n, now)[2]).toBe("ingress,worker");
  });

  it("prints <unknown> for missing node info and the first ExternalIP", () => {
    const n = node("n", "10.0.0.8", {}, { ready: "True", age: 10 });
    n.status.nodeInfo = { kubeletVersion: "v1.32.0" };
    n.status.addresses.push({ type: "ExternalIP", address: "203.0.113.7" });
    expect(printer.cells(n, now).slice(4)).toEqual(["v1.32.0", "10.0.0.8", "203.0.113.7", "<unknown>", "<unknown>", "<unknown>"]);
  });
});

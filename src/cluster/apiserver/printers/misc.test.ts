// `kubectl get ns,cm,secret,sa,lease,pc,pdb` rows of a fresh kubeadm cluster, and the default
// NAME / CREATED AT table of resources without a printer (OUTPUTS.md §1a).
import { describe, expect, it } from "vitest";
import type { KObject } from "../registry/types";
import { printerFor } from "./index";

const now = new Date("2025-05-01T10:00:00Z");
const ago = (sec: number) => new Date(now.getTime() - sec * 1000).toISOString().replace(/\.000Z$/, "Z");
const meta = (name: string, sec: number, namespace?: string) => ({ name, creationTimestamp: ago(sec), ...(namespace ? { namespace } : {}) });

describe("namespace printer", () => {
  it("prints `default Active 6m16s`", () => {
    const p = printerFor("", "namespaces");
    expect(p.columns.map((c) => c.name)).toEqual(["Name", "Status", "Age"]);
    expect(p.cells({ apiVersion: "v1", kind: "Namespace", metadata: meta("default", 376), spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } }, now)).toEqual(["default", "Active", "6m16s"]);
    expect(p.cells({ apiVersion: "v1", kind: "Namespace", metadata: meta("tmp", 10), status: { phase: "Terminating" } }, now)).toEqual(["tmp", "Terminating", "10s"]);
  });
});

describe("configmap, secret and serviceaccount printers", () => {
  it("counts data keys", () => {
    const cm: KObject = { apiVersion: "v1", kind: "ConfigMap", metadata: meta("kube-root-ca.crt", 376, "default"), data: { "ca.crt": "-----BEGIN CERTIFICATE-----" } };
    expect(printerFor("", "configmaps").cells(cm, now)).toEqual(["kube-root-ca.crt", 1, "6m16s"]);
    expect(printerFor("", "configmaps").cells({ ...cm, data: { a: "1" }, binaryData: { b: "AA==" } }, now)[1]).toBe(2);
    expect(printerFor("", "configmaps").cells({ apiVersion: "v1", kind: "ConfigMap", metadata: meta("empty", 1) }, now)[1]).toBe(0);
    const secret: KObject = { apiVersion: "v1", kind: "Secret", metadata: meta("bootstrap-token-abcdef", 376, "kube-system"), type: "bootstrap.kubernetes.io/token", data: { "token-id": "YWJjZGVm", "token-secret": "MDEyMzQ1Njc4OWFiY2RlZg==", "usage-bootstrap-signing": "dHJ1ZQ==" } };
    expect(printerFor("", "secrets").columns.map((c) => c.name)).toEqual(["Name", "Type", "Data", "Age"]);
    expect(printerFor("", "secrets").cells(secret, now)).toEqual(["bootstrap-token-abcdef", "bootstrap.kubernetes.io/token", 3, "6m16s"]);
    const sa: KObject = { apiVersion: "v1", kind: "ServiceAccount", metadata: meta("default", 370, "default") };
    expect(printerFor("", "serviceaccounts").cells(sa, now)).toEqual(["default", 0, "6m10s"]);
    expect(printerFor("", "serviceaccounts").cells({ ...sa, secrets: [{ name: "default-token" }] }, now)[1]).toBe(1);
  });
});

describe("lease, priorityclass and poddisruptionbudget printers", () => {
  it("prints a node lease with its holder", () => {
    const lease: KObject = { apiVersion: "coordination.k8s.io/v1", kind: "Lease", metadata: meta("kcloud-93", 376, "kube-node-lease"), spec: { holderIdentity: "kcloud-93", leaseDurationSeconds: 40 } };
    expect(printerFor("coordination.k8s.io", "leases").cells(lease, now)).toEqual(["kcloud-93", "kcloud-93", "6m16s"]);
    expect(printerFor("coordination.k8s.io", "leases").cells({ ...lease, spec: {} }, now)[1]).toBe("");
  });

  it("prints system-node-critical with its value, default flag and preemption policy", () => {
    const p = printerFor("scheduling.k8s.io", "priorityclasses");
    expect(p.columns.map((c) => `${c.name}:${c.type}:${c.priority}`)).toEqual(["Name:string:0", "Value:integer:0", "Global-Default:boolean:0", "Age:string:0", "PreemptionPolicy:string:0"]);
    const pc: KObject = { apiVersion: "scheduling.k8s.io/v1", kind: "PriorityClass", metadata: meta("system-node-critical", 376), value: 2000001000, preemptionPolicy: "PreemptLowerPriority", description: "Used for system critical pods that must not be moved from their current node." };
    expect(p.cells(pc, now)).toEqual(["system-node-critical", 2000001000, false, "6m16s", "PreemptLowerPriority"]);
    expect(p.cells({ ...pc, globalDefault: true }, now)[2]).toBe(true);
  });

  it("prints a PodDisruptionBudget with N/A for the unset bound", () => {
    const p = printerFor("policy", "poddisruptionbudgets");
    const pdb: KObject = { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: meta("zk-pdb", 60, "default"), spec: { minAvailable: 2, selector: { matchLabels: { app: "zookeeper" } } }, status: { disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2, expectedPods: 3 } };
    expect(p.columns.map((c) => c.name)).toEqual(["Name", "Min Available", "Max Unavailable", "Allowed Disruptions", "Age"]);
    expect(p.cells(pdb, now)).toEqual(["zk-pdb", "2", "N/A", 1, "60s"]);
    expect(p.cells({ ...pdb, spec: { maxUnavailable: "25%" }, status: {} }, now)).toEqual(["zk-pdb", "N/A", "25%", 0, "60s"]);
  });
});

describe("default printer", () => {
  it("prints NAME and CREATED AT for resources without a printer", () => {
    const p = printerFor("rbac.authorization.k8s.io", "clusterroles");
    expect(p.columns).toEqual([
      { name: "Name", type: "string", format: "name", priority: 0, description: expect.stringMatching(/^Name must be unique within a namespace\./) },
      { name: "Created At", type: "date", format: "", priority: 0, description: expect.stringMatching(/^CreationTimestamp is a timestamp/) },
    ]);
    expect(p.cells({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "admin", creationTimestamp: "2025-05-01T09:53:44.250Z" } }, now))
      .toEqual(["admin", "2025-05-01T09:53:44Z"]);
    expect(p.cells({ apiVersion: "v1", kind: "Binding", metadata: { name: "x" } }, now)).toEqual(["x", "0001-01-01T00:00:00Z"]);
    expect(printerFor("", "podtemplates")).toBe(p);
  });

  it("routes events of both API groups to the event printer and core resources by the empty group", () => {
    expect(printerFor("events.k8s.io", "events")).toBe(printerFor("", "events"));
    expect(printerFor("", "pods").columns[1].name).toBe("Ready");
    expect(printerFor("apps", "pods").columns[1].name).toBe("Created At");
  });
});

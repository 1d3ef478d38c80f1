// `kubectl get deploy,rs,ds,sts,job -o wide` rows (OUTPUTS.md §5b, §5c).
import { describe, expect, it } from "vitest";
import type { KObject } from "../registry/types";
import { printerFor } from "./index";

const now = new Date("2025-05-01T10:00:00Z");
const ago = (sec: number) => new Date(now.getTime() - sec * 1000).toISOString().replace(/\.000Z$/, "Z");
const template = (labels: Record<string, string>) => ({ metadata: { labels }, spec: { containers: [{ name: "nginx", image: "nginx:1.28.0" }] } });

describe("deployment printer", () => {
  const p = printerFor("apps", "deployments");
  const deploy: KObject = {
    apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "nginx", namespace: "default", creationTimestamp: ago(368), generation: 1 },
    spec: { replicas: 3, selector: { matchLabels: { app: "nginx-web" } }, template: template({ app: "nginx-web" }) },
    status: { observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 },
  };

  it("prints `nginx 3/3 3 3 6m8s nginx nginx:1.28.0 app=nginx-web`", () => {
    expect(p.columns.map((c) => c.name)).toEqual(["Name", "Ready", "Up-to-date", "Available", "Age", "Containers", "Images", "Selector"]);
    expect(p.columns.map((c) => c.type)).toEqual(["string", "string", "string", "string", "string", "string", "string", "string"]);
    expect(p.cells(deploy, now)).toEqual(["nginx", "3/3", 3, 3, "6m8s", "nginx", "nginx:1.28.0", "app=nginx-web"]);
  });

  it("prints 0/3 0 0 for a new deployment and set-based selectors sorted by key", () => {
    const fresh = { ...deploy, status: {}, spec: { ...deploy.spec, selector: { matchLabels: { tier: "web" }, matchExpressions: [{ key: "env", operator: "In", values: ["prod", "dev"] }, { key: "canary", operator: "DoesNotExist" }] } } };
    expect(p.cells(fresh, now)).toEqual(["nginx", "0/3", 0, 0, "6m8s", "nginx", "nginx:1.28.0", "!canary,env in (dev,prod),tier=web"]);
  });
});

describe("replicaset printer", () => {
  it("prints `nginx-6b66bfb4f 3 3 3 4m38s nginx nginx:1.28.0 app=nginx-web,pod-template-hash=6b66bfb4f`", () => {
    const p = printerFor("apps", "replicasets");
    const labels = { app: "nginx-web", "pod-template-hash": "6b66bfb4f" };
    const rs: KObject = {
      apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "nginx-6b66bfb4f", namespace: "default", creationTimestamp: ago(278) },
      spec: { replicas: 3, selector: { matchLabels: labels }, template: template(labels) },
      status: { replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3 },
    };
    expect(p.columns.map((c) => `${c.name}:${c.type}`)).toEqual(["Name:string", "Desired:integer", "Current:integer", "Ready:integer", "Age:string", "Containers:string", "Images:string", "Selector:string"]);
    expect(p.cells(rs, now)).toEqual(["nginx-6b66bfb4f", 3, 3, 3, "4m38s", "nginx", "nginx:1.28.0", "app=nginx-web,pod-template-hash=6b66bfb4f"]);
    const scaledDown = { ...rs, spec: { ...rs.spec, replicas: 0, selector: {} }, status: { replicas: 0, observedGeneration: 2 } };
    expect(p.cells(scaledDown, now)).toEqual(["nginx-6b66bfb4f", 0, 0, 0, "4m38s", "nginx", "nginx:1.28.0", "<none>"]);
  });
});

describe("daemonset printer", () => {
  it("prints kube-proxy as kubeadm creates it", () => {
    const p = printerFor("apps", "daemonsets");
    const ds: KObject = {
      apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "kube-proxy", namespace: "kube-system", creationTimestamp: ago(5940) },
      spec: { selector: { matchLabels: { "k8s-app": "kube-proxy" } }, template: { metadata: { labels: { "k8s-app": "kube-proxy" } }, spec: { nodeSelector: { "kubernetes.io/os": "linux" }, containers: [{ name: "kube-proxy", image: "registry.k8s.io/kube-proxy:v1.32.5" }] } } },
      status: { currentNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2, numberMisscheduled: 0, numberReady: 2, observedGeneration: 1, updatedNumberScheduled: 2 },
    };
    expect(p.columns.map((c) => c.name)).toEqual(["Name", "Desired", "Current", "Ready", "Up-to-date", "Available", "Node Selector", "Age", "Containers", "Images", "Selector"]);
    expect(p.cells(ds, now)).toEqual(["kube-proxy", 2, 2, 2, 2, 2, "kubernetes.io/os=linux", "99m", "kube-proxy", "registry.k8s.io/kube-proxy:v1.32.5", "k8s-app=kube-proxy"]);
  });
});

describe("statefulset printer", () => {
  it("prints READY as ready/desired", () => {
    const p = printerFor("apps", "statefulsets");
    const sts: KObject = {
      apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "web", namespace: "default", creationTimestamp: ago(50) },
      spec: { replicas: 3, serviceName: "nginx", selector: { matchLabels: { app: "nginx" } }, template: template({ app: "nginx" }) },
      status: { replicas: 2, readyReplicas: 1 },
    };
    expect(p.columns.map((c) => `${c.name}:${c.priority}`)).toEqual(["Name:0", "Ready:0", "Age:0", "Containers:1", "Images:1"]);
    expect(p.cells(sts, now)).toEqual(["web", "1/3", "50s", "nginx", "nginx:1.28.0"]);
  });
});

describe("job printer", () => {
  const p = printerFor("batch", "jobs");
  const job = (status: Record<string, unknown>, spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KObject => ({
    apiVersion: "batch/v1", kind: "Job", metadata: { name: "test-job", namespace: "default", creationTimestamp: ago(660), ...meta },
    spec: {
      completions: 1, parallelism: 1, backoffLimit: 6,
      selector: { matchLabels: { "batch.kubernetes.io/controller-uid": "0b3b5c1e" } },
      template: { spec: { restartPolicy: "Never", containers: [{ name: "pi", image: "perl:5.34.0" }] } }, ...spec,
    },
    status,
  });

  it("has the v1.30+ STATUS column", () => {
    expect(p.columns.filter((c) => c.priority === 0).map((c) => c.name)).toEqual(["Name", "Status", "Completions", "Duration", "Age"]);
    expect(p.columns[1].description).toBe("Status of the job.");
  });

  it("prints `test-job Complete 1/1 19s 11m`", () => {
    const done = job({
      startTime: ago(660), completionTime: ago(641), succeeded: 1, ready: 0, terminating: 0,
      conditions: [{ type: "SuccessCriteriaMet", status: "True" }, { type: "Complete", status: "True" }],
    });
    expect(p.cells(done, now)).toEqual(["test-job", "Complete", "1/1", "19s", "11m", "pi", "perl:5.34.0", "batch.kubernetes.io/controller-uid=0b3b5c1e"]);
  });

  it("prints Running with the time since start, and the other states in upstream's order", () => {
    expect(p.cells(job({ startTime: ago(75), active: 1 }), now).slice(1, 4)).toEqual(["Running", "0/1", "75s"]);
    expect(p.cells(job({}), now).slice(1, 4)).toEqual(["Running", "0/1", ""]);
    expect(p.cells(job({ startTime: ago(75), conditions: [{ type: "Failed", status: "True" }, { type: "FailureTarget", status: "True" }] }), now)[1]).toBe("Failed");
    expect(p.cells(job({ conditions: [{ type: "FailureTarget", status: "True" }] }), now)[1]).toBe("FailureTarget");
    expect(p.cells(job({ conditions: [{ type: "Suspended", status: "True" }] }, { suspend: true }), now)[1]).toBe("Suspended");
    expect(p.cells(job({ conditions: [{ type: "Suspended", status: "True" }] }, {}, { deletionTimestamp: ago(0) }), now)[1]).toBe("Terminating");
    expect(p.cells(job({ conditions: [{ type: "Suspended", status: "False" }] }), now)[1]).toBe("Running");
  });

  it("prints completions for work queues", () => {
    expect(p.cells(job({ succeeded: 2 }, { completions: undefined, parallelism: 3 }), now)[2]).toBe("2/1 of 3");
    expect(p.cells(job({}, { completions: undefined, parallelism: 1 }), now)[2]).toBe("0/1");
    expect(p.cells(job({ succeeded: 2 }, { completions: 4, parallelism: 2 }), now)[2]).toBe("2/4");
  });
});

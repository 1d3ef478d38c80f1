// Jobs, DaemonSets, StatefulSets, Services' endpoints, garbage collection and per-namespace
// defaults as kubectl shows them, driven by the controllers on the virtual clock.
import { describe, expect, it } from "vitest";
import { newCluster } from "./helpers";
import { create, deployment, events, getJson, pods, step } from "../../src/cluster/controllers/test-helpers";

describe("kubectl create job", () => {
  it("runs pods with the tracking finalizer and completes with SuccessCriteriaMet then Complete", async () => {
    const c = await newCluster();
    await create(c, "/apis/batch/v1/namespaces/default/jobs", {
      apiVersion: "batch/v1", kind: "Job", metadata: { name: "pi" },
      spec: { template: { spec: { containers: [{ name: "pi", image: "busybox", command: ["sh", "-c", "exit 0"] }], restartPolicy: "Never" } } },
    });
    await step(c, 100);
    const [p] = await pods(c);
    expect(p.metadata.name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.metadata.finalizers).toEqual(["batch.kubernetes.io/job-tracking"]);
    const job0 = await getJson(c, "/apis/batch/v1/namespaces/default/jobs/pi");
    expect(p.metadata.labels).toMatchObject({ "batch.kubernetes.io/job-name": "pi", "batch.kubernetes.io/controller-uid": job0.metadata.uid });
    expect(job0.status).toMatchObject({ active: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
    expect(job0.status.startTime).toBeDefined();
    await step(c, 60_000);
    const job = await getJson(c, "/apis/batch/v1/namespaces/default/jobs/pi");
    expect(job.status.succeeded).toBe(1);
    expect(job.status.active).toBeUndefined();
    expect(job.status.uncountedTerminatedPods).toEqual({});
    expect(job.status.completionTime).toBeDefined();
    expect(job.status.conditions.map((x: any) => [x.type, x.status, x.reason, x.message])).toEqual([
      ["SuccessCriteriaMet", "True", "CompletionsReached", "Reached expected number of succeeded pods"],
      ["Complete", "True", "CompletionsReached", "Reached expected number of succeeded pods"],
    ]);
    const left = await getJson(c, `/api/v1/namespaces/default/pods/${p.metadata.name}`);
    expect(left.status.phase).toBe("Succeeded");
    expect(left.metadata.finalizers).toBeUndefined();
    const evs = (await events(c)).filter((e) => e.source.component === "job-controller").map((e) => `${e.reason}: ${e.message}`);
    expect(evs).toEqual([`SuccessfulCreate: Created pod: ${p.metadata.name}`, "Completed: Job completed"]);
  });

  it("backs off 10 s after a failure and fails with BackoffLimitExceeded", async () => {
    const c = await newCluster();
    await create(c, "/apis/batch/v1/namespaces/default/jobs", {
      apiVersion: "batch/v1", kind: "Job", metadata: { name: "bad" },
      spec: { backoffLimit: 1, template: { spec: { containers: [{ name: "c", image: "busybox", command: ["sh", "-c", "exit 1"] }], restartPolicy: "Never" } } },
    });
    await step(c, 120_000);
    const ps = (await pods(c)).sort((a, b) => a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp));
    expect(ps).toHaveLength(2);
    const failedAt = Date.parse(ps[0].status.containerStatuses[0].state.terminated.finishedAt);
    expect(Date.parse(ps[1].metadata.creationTimestamp) - failedAt).toBeGreaterThanOrEqual(10_000);
    const job = await getJson(c, "/apis/batch/v1/namespaces/default/jobs/bad");
    expect(job.status.failed).toBe(2);
    expect(job.status.conditions.map((x: any) => [x.type, x.reason, x.message])).toEqual([
      ["FailureTarget", "BackoffLimitExceeded", "Job has reached the specified backoff limit"],
      ["Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit"],
    ]);
    expect((await events(c)).some((e) => e.type === "Warning" && e.reason === "BackoffLimitExceeded")).toBe(true);
  });
});

describe("kubectl expose deployment web --port=80 --target-port=http", () => {
  it("lists ready pods in Endpoints and EndpointSlices, resolving the named port", async () => {
    const c = await newCluster();
    const d = deployment("web", "nginx", 2);
    d.spec.template.spec.containers[0].ports = [{ name: "http", containerPort: 8080 }];
    await create(c, "/apis/apps/v1/namespaces/default/deployments", d);
    await create(c, "/api/v1/namespaces/default/services", {
      apiVersion: "v1", kind: "Service", metadata: { name: "web", labels: { app: "web" } },
      spec: { selector: { app: "web" }, ports: [{ port: 80, protocol: "TCP", targetPort: "http" }] },
    });
    await step(c, 1000);
    // Pods have IPs but are not ready yet: notReadyAddresses.
    const ps = (await pods(c)).filter((p) => p.status.podIP);
    if (ps.length === 2 && ps.every((p) => p.status.conditions.find((x: any) => x.type === "Ready")?.status !== "True")) {
      const early = await getJson(c, "/api/v1/namespaces/default/endpoints/web");
      expect(early.subsets[0].addresses).toBeUndefined();
      expect(early.subsets[0].notReadyAddresses).toHaveLength(2);
    }
    await step(c, 60_000);
    const [a, b] = (await pods(c)).sort((x, y) => (x.status.podIP < y.status.podIP ? -1 : 1));
    const ep = await getJson(c, "/api/v1/namespaces/default/endpoints/web");
    expect(ep.metadata.labels).toEqual({ app: "web" });
    expect(ep.subsets).toEqual([{
      addresses: [a, b].map((p) => ({ ip: p.status.podIP, nodeName: p.spec.nodeName, targetRef: { kind: "Pod", namespace: "default", name: p.metadata.name, uid: p.metadata.uid } })),
      ports: [{ port: 8080, protocol: "TCP" }],
    }]);
    const slices = (await getJson(c, "/apis/discovery.k8s.io/v1/namespaces/default/endpointslices?labelSelector=kubernetes.io%2Fservice-name%3Dweb")).items;
    expect(slices).toHaveLength(1);
    const s = slices[0];
    expect(s.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(s.metadata.labels).toEqual({ app: "web", "kubernetes.io/service-name": "web", "endpointslice.kubernetes.io/managed-by": "endpointslice-controller.k8s.io" });
    expect(s.metadata.ownerReferences[0]).toMatchObject({ apiVersion: "v1", kind: "Service", name: "web", controller: true, blockOwnerDeletion: true });
    expect(s.ports).toEqual([{ name: "", port: 8080, protocol: "TCP" }]);
    expect(s.endpoints.map((e: any) => [e.addresses[0], e.conditions]).sort()).toEqual([
      [a.status.podIP, { ready: true, serving: true, terminating: false }],
      [b.status.podIP, { ready: true, serving: true, terminating: false }],
    ]);
  });
});

describe("garbage collection", () => {
  it("deletes a deployment's ReplicaSets and their pods in the background", async () => {
    const c = await newCluster();
    await create(c, "/apis/apps/v1/namespaces/default/deployments", deployment("web", "nginx", 2));
    await step(c, 1000);
    expect(await pods(c)).toHaveLength(2);
    const r = await c.kube("DELETE", "/apis/apps/v1/namespaces/default/deployments/web", { body: { propagationPolicy: "Background" } });
    expect(r.status).toBe(200);
    await step(c, 100);
    expect((await getJson(c, "/apis/apps/v1/namespaces/default/replicasets")).items).toHaveLength(0);
    // The pods are deleted gracefully; the kubelets finish them within the grace period.
    expect((await pods(c)).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    await step(c, 35_000);
    expect(await pods(c)).toHaveLength(0);
  });

  it("gives every new namespace its default ServiceAccount and kube-root-ca.crt", async () => {
    const c = await newCluster();
    await create(c, "/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "team" } });
    await step(c, 1000);
    const sa = await getJson(c, "/api/v1/namespaces/team/serviceaccounts/default");
    expect(sa.metadata.name).toBe("default");
    const cm = await getJson(c, "/api/v1/namespaces/team/configmaps/kube-root-ca.crt");
    expect(cm.data["ca.crt"]).toMatch(/^-----BEGIN CERTIFICATE-----/);
    await c.kube("DELETE", "/api/v1/namespaces/team/configmaps/kube-root-ca.crt");
    await step(c, 1000);
    expect((await c.kube("GET", "/api/v1/namespaces/team/configmaps/kube-root-ca.crt")).status).toBe(200);
  });
});

describe("daemonsets and statefulsets", () => {
  it("runs one pod per eligible node with the daemon tolerations and node pinning", async () => {
    const c = await newCluster();
    await create(c, "/apis/apps/v1/namespaces/default/daemonsets", {
      apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "agent" },
      spec: { selector: { matchLabels: { app: "agent" } }, template: { metadata: { labels: { app: "agent" } }, spec: { containers: [{ name: "a", image: "nginx" }] } } },
    });
    await step(c, 1000);
    const nodes = (await getJson(c, "/api/v1/nodes")).items;
    const untainted = nodes.filter((n: any) => !(n.spec.taints ?? []).some((t: any) => t.effect === "NoSchedule"));
    const ps = await pods(c);
    expect(ps).toHaveLength(untainted.length);
    const p = ps[0];
    expect(p.metadata.name).toMatch(/^agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.metadata.labels["pod-template-generation"]).toBe("1");
    expect(p.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0])
      .toMatchObject({ key: "metadata.name", operator: "In" });
    expect(p.spec.tolerations.map((t: any) => `${t.key}:${t.effect}`)).toEqual(expect.arrayContaining([
      "node.kubernetes.io/not-ready:NoExecute", "node.kubernetes.io/unreachable:NoExecute", "node.kubernetes.io/disk-pressure:NoSchedule",
      "node.kubernetes.io/memory-pressure:NoSchedule", "node.kubernetes.io/pid-pressure:NoSchedule", "node.kubernetes.io/unschedulable:NoSchedule",
    ]));
    const ds = await getJson(c, "/apis/apps/v1/namespaces/default/daemonsets/agent");
    expect(ds.status).toMatchObject({ desiredNumberScheduled: untainted.length, currentNumberScheduled: untainted.length, numberMisscheduled: 0, updatedNumberScheduled: untainted.length });
    await step(c, 60_000);
    const later = await getJson(c, "/apis/apps/v1/namespaces/default/daemonsets/agent");
    expect(later.status).toMatchObject({ numberReady: untainted.length, numberAvailable: untainted.length, observedGeneration: 1 });
    expect(later.status.numberUnavailable).toBeUndefined();
  });

  it("creates OrderedReady pods one by one as each becomes ready", async () => {
    const c = await newCluster();
    await create(c, "/apis/apps/v1/namespaces/default/statefulsets", {
      apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "db" },
      spec: { replicas: 2, serviceName: "db", selector: { matchLabels: { app: "db" } }, template: { metadata: { labels: { app: "db" } }, spec: { containers: [{ name: "db", image: "redis" }] } } },
    });
    await step(c, 1000);
    let ps = await pods(c);
    expect(ps.map((p) => p.metadata.name)).toEqual(["db-0"]);
    expect(ps[0].metadata.labels).toMatchObject({ "statefulset.kubernetes.io/pod-name": "db-0", "apps.kubernetes.io/pod-index": "0" });
    expect([ps[0].spec.hostname, ps[0].spec.subdomain]).toEqual(["db-0", "db"]);
    await step(c, 60_000);
    ps = await pods(c);
    expect(ps.map((p) => p.metadata.name).sort()).toEqual(["db-0", "db-1"]);
    const evs = (await events(c)).map((e) => e.message);
    expect(evs).toContain("create Pod db-1 in StatefulSet db successful");
  });
});

// The Kubernetes API of a cluster as kubectl sees it: discovery, tables, CRUD, errors, watch.
import { describe, expect, it } from "vitest";
import { AGG_ACCEPT, newCluster, pod, readWatchEvents, TABLE_ACCEPT } from "./helpers";

describe("a new cluster's API", () => {
  it("reports v1.32 and serves aggregated discovery with the exact content type", async () => {
    const c = await newCluster();
    const v = await (await c.kube("GET", "/version")).json() as Record<string, string>;
    expect(v.gitVersion).toMatch(/^v1\.32\./);
    const api = await c.kube("GET", "/api", { accept: AGG_ACCEPT });
    expect(api.headers.get("content-type")).toBe("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
    const doc = await api.json() as any;
    const pods = doc.items[0].versions[0].resources.find((r: any) => r.resource === "pods");
    expect(pods.shortNames).toEqual(["po"]);
    expect(pods.categories).toEqual(["all"]);
    const legacy = await (await c.kube("GET", "/api")).json() as any;
    expect(legacy.kind).toBe("APIVersions");
  });

  it("holds what a fresh kubeadm cluster holds", async () => {
    const c = await newCluster();
    const ns = await (await c.kube("GET", "/api/v1/namespaces?limit=500", { accept: TABLE_ACCEPT })).json() as any;
    expect(ns.kind).toBe("Table");
    expect(ns.rows.map((r: any) => r.cells[0])).toEqual(["default", "kube-node-lease", "kube-public", "kube-system"]);
    expect(ns.rows[0].cells[1]).toBe("Active");
    expect(ns.rows[0].object.kind).toBe("PartialObjectMetadata");
    const nodes = await (await c.kube("GET", "/api/v1/nodes", { accept: TABLE_ACCEPT })).json() as any;
    expect(nodes.rows.map((r: any) => [r.cells[0], r.cells[1], r.cells[2]])).toEqual([
      ["controlplane", "Ready", "control-plane"], ["node01", "Ready", "<none>"], ["node02", "Ready", "<none>"],
    ]);
    const svc = await (await c.kube("GET", "/api/v1/namespaces/default/services/kubernetes")).json() as any;
    expect(svc.spec.clusterIP).toBe("10.96.0.1");
    const sa = await c.kube("GET", "/api/v1/namespaces/kube-system/serviceaccounts/default");
    expect(sa.status).toBe(200);
  });

  it("creates a pod with upstream defaults and refuses a duplicate", async () => {
    const c = await newCluster();
    const r = await c.kube("POST", "/api/v1/namespaces/default/pods?fieldManager=kubectl-run", { body: pod("nginx") });
    expect(r.status).toBe(201);
    const p = await r.json() as any;
    expect(p.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.spec.terminationGracePeriodSeconds).toBe(30);
    expect(p.spec.schedulerName).toBe("default-scheduler");
    expect(p.spec.serviceAccountName).toBe("default");
    expect(p.spec.containers[0].imagePullPolicy).toBe("Always");
    expect(p.status.phase).toBe("Pending");
    const again = await c.kube("POST", "/api/v1/namespaces/default/pods", { body: pod("nginx") });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ kind: "Status", reason: "AlreadyExists", message: 'pods "nginx" already exists', code: 409 });
  });

  it("answers errors as Status objects without changing stored data", async () => {
    const c = await newCluster();
    const bad = await c.kube("GET", "/api/v1/namespaces", { token: "nope" });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ reason: "Unauthorized", code: 401 });
    const missing = await c.kube("GET", "/api/v1/namespaces/default/pods/ghost");
    expect(await missing.json()).toMatchObject({ reason: "NotFound", message: 'pods "ghost" not found', code: 404 });
    const unknown = await c.kube("GET", "/api/v1/namespaces/default/widgets");
    expect(unknown.status).toBe(404);
    const invalid = await c.kube("POST", "/api/v1/namespaces/default/pods", { body: { apiVersion: "v1", kind: "Pod", metadata: { name: "Bad_Name" }, spec: { containers: [{ name: "c" }] } } });
    expect(invalid.status).toBe(422);
    const status = await invalid.json() as any;
    expect(status.reason).toBe("Invalid");
    expect(status.details.causes.map((x: any) => x.field)).toEqual(expect.arrayContaining(["metadata.name", "spec.containers[0].image"]));
    const created = await (await c.kube("POST", "/api/v1/namespaces/default/configmaps", { body: { metadata: { name: "web" }, data: { a: "1" } } })).json() as any;
    const stale = { ...created, metadata: { ...created.metadata, resourceVersion: "1", labels: { a: "b" } } };
    const conflict = await c.kube("PUT", "/api/v1/namespaces/default/configmaps/web", { body: stale });
    expect(conflict.status).toBe(409);
    expect((await conflict.json() as any).message).toBe('Operation cannot be fulfilled on configmaps "web": the object has been modified; please apply your changes to the latest version and try again');
    const big = await c.kube("PUT", "/api/v1/namespaces/default/configmaps/web", { raw: "x".repeat(3 * 1024 * 1024 + 1), contentType: "application/json" });
    expect(big.status).toBe(413);
    const badKey = await c.kube("PUT", "/api/v1/namespaces/default/configmaps/web", { body: { ...created, data: { "bad key!": "x" } } });
    expect(badKey.status).toBe(422);
    const after = await (await c.kube("GET", "/api/v1/namespaces/default/configmaps/web")).json() as any;
    expect(after.data).toEqual({ a: "1" });
    expect(after.metadata.resourceVersion).toBe(created.metadata.resourceVersion);
  });

  it("filters lists by label and field selectors and pages with continue", async () => {
    const c = await newCluster();
    for (const n of ["a", "b", "c"]) await c.kube("POST", "/api/v1/namespaces/default/pods", { body: pod(n) });
    const byLabel = await (await c.kube("GET", "/api/v1/namespaces/default/pods?labelSelector=run%3Db")).json() as any;
    expect(byLabel.items.map((p: any) => p.metadata.name)).toEqual(["b"]);
    const pending = await (await c.kube("GET", "/api/v1/pods?fieldSelector=status.phase%3DPending")).json() as any;
    expect(pending.items.length).toBe(3);
    const badField = await c.kube("GET", "/api/v1/pods?fieldSelector=foo%3Dbar");
    expect(badField.status).toBe(400);
    const page1 = await (await c.kube("GET", "/api/v1/namespaces/default/pods?limit=2")).json() as any;
    expect(page1.items.length).toBe(2);
    expect(page1.metadata.continue).toBeTruthy();
    const page2 = await (await c.kube("GET", `/api/v1/namespaces/default/pods?limit=2&continue=${page1.metadata.continue}`)).json() as any;
    expect(page2.items.map((p: any) => p.metadata.name)).toEqual(["c"]);
  });

  it("lists the same objects, in the same JSON, as reading each one", async () => {
    const c = await newCluster();
    for (const n of ["a", "b", "c"]) await c.kube("POST", "/api/v1/namespaces/default/pods", { body: pod(n) });
    await c.kube("POST", "/api/v1/namespaces/default/configmaps", { body: { data: { k: "v" }, metadata: { name: "late", labels: { x: "y" } }, kind: "ConfigMap", apiVersion: "v1" } });
    await c.kube("PATCH", "/api/v1/namespaces/default/pods/b", { body: { metadata: { labels: { patched: "yes" } } }, contentType: "application/merge-patch+json" });
    for (const [path, kind] of [["/api/v1/namespaces/default/pods", "Pod"], ["/api/v1/namespaces/default/configmaps", "ConfigMap"], ["/api/v1/nodes", "Node"]] as const) {
      const text = await (await c.kube("GET", `${path}?limit=2`)).text();
      const page = JSON.parse(text);
      expect(text).toBe(JSON.stringify(page));
      expect(page.kind).toBe(`${kind}List`);
      for (const item of page.items) {
        expect(item.kind).toBeUndefined();
        const one = await (await c.kube("GET", `${path}/${item.metadata.name}`)).json() as any;
        const { kind: _k, apiVersion: _a, ...rest } = one;
        if (kind !== "Node") expect(JSON.stringify(item)).toBe(JSON.stringify(rest));
        expect(item.metadata.resourceVersion).toBe(one.metadata.resourceVersion);
      }
    }
  });

  it("watches from a resource version and sends a synthetic ADDED for rv=0", async () => {
    const c = await newCluster();
    await c.kube("POST", "/api/v1/namespaces/default/pods", { body: pod("one") });
    const w = await c.kube("GET", "/api/v1/namespaces/default/pods?watch=true&resourceVersion=0&fieldSelector=metadata.name%3Done");
    const created = c.kube("PATCH", "/api/v1/namespaces/default/pods/one", { body: { metadata: { labels: { x: "y" } } }, contentType: "application/merge-patch+json" });
    const events = await readWatchEvents(w, 2);
    await created;
    expect(events.map((e) => e.type)).toEqual(["ADDED", "MODIFIED"]);
    expect(events[1].object.metadata.labels.x).toBe("y");
    expect(events[0].object.kind).toBe("Pod");
  });
});

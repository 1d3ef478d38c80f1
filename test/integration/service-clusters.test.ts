// Service API: cluster create/list/get/delete, kubeconfig downloads, revocable credentials,
// account quotas (clusters, nodes per cluster) and the clock endpoint.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { call, kube, newCluster, signUp } from "./service-helpers";

describe("clusters", () => {
  it("creates a cluster with its TTL and shows it in the list and by id with usage", async () => {
    const a = await signUp();
    const before = Date.now();
    const c = await newCluster(a.token, { name: "demo", ttlHours: 2 });
    expect(c).toMatchObject({ name: "demo", template: "ready", server: `https://podlab.test/clusters/${c.id}`, nodes: 3 });
    expect(c.token).toMatch(new RegExp(`^plc_${c.id}_[A-Za-z0-9_-]{43}$`));
    const exp = Date.parse(c.expiresAt);
    expect(exp - before).toBeGreaterThanOrEqual(2 * 3600_000 - 1000);
    expect(exp - before).toBeLessThan(2 * 3600_000 + 60_000);
    expect(c.shareUrl).toBeUndefined();

    const list = await call("GET", "/v1/clusters", a.token);
    expect(list.json.items.map((x: any) => x.id)).toEqual([c.id]);
    const got = await call("GET", `/v1/clusters/${c.id}`, a.token);
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ id: c.id, name: "demo", ttlHours: 2, expiresAt: c.expiresAt, limits: { objects: 20_000, watches: 200 } });
    expect(got.json.usage.objects).toBeGreaterThan(0);
    expect(got.text).not.toContain(c.token);
    expect((await kube(c.id, c.token, "GET", "/api/v1/namespaces/default")).status).toBe(200);
  });

  it("defaults the TTL to 7 days and can create a share link with the cluster", async () => {
    const a = await signUp();
    const c = await newCluster(a.token, { share: true });
    expect(Date.parse(c.expiresAt) - Date.now()).toBeGreaterThan(7 * 24 * 3600_000 - 60_000);
    expect(c.shareUrl).toMatch(new RegExp(`^https://podlab\\.test/c/${c.id}#share=pls_${c.id}_[A-Za-z0-9_-]{43}$`));
  });

  it("deletes a cluster: its tokens die and later requests are 404 (service) and 401 (Kubernetes API)", async () => {
    const a = await signUp();
    const c = await newCluster(a.token);
    const del = await call("DELETE", `/v1/clusters/${c.id}`, a.token);
    expect(del.status).toBe(204);
    expect((await call("GET", `/v1/clusters/${c.id}`, a.token)).status).toBe(404);
    expect((await call("DELETE", `/v1/clusters/${c.id}`, a.token)).status).toBe(404);
    const k = await kube(c.id, c.token, "GET", "/api/v1/namespaces");
    expect(k.status).toBe(401);
    expect(k.json).toMatchObject({ kind: "Status", reason: "Unauthorized", code: 401 });
    expect((await call("GET", "/v1/clusters", a.token)).json.items).toEqual([]);
  });

  it("answers 404 for an unknown or malformed cluster id", async () => {
    const a = await signUp();
    const r = await call("GET", "/v1/clusters/zzzzzzzzzzzz", a.token);
    expect(r.status).toBe(404);
    expect(r.json).toEqual({ error: { code: "not_found", message: 'cluster "zzzzzzzzzzzz" not found' } });
    expect((await call("GET", "/v1/clusters/NOT-AN-ID", a.token)).status).toBe(404);
  });
});

describe("kubeconfig downloads and credentials", () => {
  it("serves a kubeconfig named after the cluster carrying a new, listed, revocable credential", async () => {
    const a = await signUp();
    const c = await newCluster(a.token, { name: "lab" });
    const r = await call("GET", `/v1/clusters/${c.id}/kubeconfig`, a.token);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toBe("application/yaml; charset=utf-8");
    const kc = parse(r.text);
    expect(kc["current-context"]).toBe("lab");
    expect(kc.clusters[0]).toEqual({ name: "lab", cluster: { server: c.server } }); // not loopback: TLS is verified
    expect(kc.contexts[0]).toEqual({ name: "lab", context: { cluster: "lab", user: "lab-admin" } });
    const token = kc.users[0].user.token as string;
    expect(token).not.toBe(c.token);
    expect((await kube(c.id, token, "GET", "/api/v1/namespaces/default/pods")).status).toBe(200);

    const creds = await call("GET", `/v1/clusters/${c.id}/credentials`, a.token);
    expect(creds.json.items.map((x: any) => [x.role, x.label])).toEqual([["admin", "created with the cluster"], ["admin", "kubeconfig download"]]);
    expect(creds.text).not.toMatch(/plc_|hash/);
    const download = creds.json.items[1].id;
    expect((await call("DELETE", `/v1/clusters/${c.id}/credentials/${download}`, a.token)).status).toBe(204);
    expect((await kube(c.id, token, "GET", "/api/v1/namespaces/default/pods")).status).toBe(401);
    expect((await kube(c.id, c.token, "GET", "/api/v1/namespaces/default/pods")).status).toBe(200);
    expect((await call("DELETE", `/v1/clusters/${c.id}/credentials/${download}`, a.token)).status).toBe(404);
  });
});

describe("account quotas", () => {
  it("refuses more nodes than the per-cluster quota, naming it, and stores nothing", async () => {
    const a = await signUp();
    const r = await call("POST", "/v1/clusters", a.token, { nodes: { count: 11 } });
    expect(r.status).toBe(403);
    expect(r.json).toEqual({ error: { code: "quota_exceeded", message: "node quota exceeded: a cluster may have at most 10 nodes, 11 requested" } });
    expect((await call("GET", "/v1/clusters", a.token)).json.items).toEqual([]);
  });

  it("refuses an eleventh cluster and accepts one again after a delete", async () => {
    const a = await signUp();
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await newCluster(a.token, { nodes: { count: 1 } })).id);
    const r = await call("POST", "/v1/clusters", a.token, {});
    expect(r.status).toBe(403);
    expect(r.json.error).toEqual({ code: "quota_exceeded", message: "cluster quota reached: an account may hold 10 clusters; delete one before creating another" });
    expect((await call("GET", "/v1/account", a.token)).json.usage).toEqual({ clusters: 10, nodes: 10 });
    await call("DELETE", `/v1/clusters/${ids[0]}`, a.token);
    expect((await call("POST", "/v1/clusters", a.token, {})).status).toBe(201);
  }, 60_000);
});

describe("clock", () => {
  it("reports and steps the cluster's virtual clock", async () => {
    const a = await signUp();
    const c = await newCluster(a.token);
    const before = await call("GET", `/v1/clusters/${c.id}/clock`, a.token);
    expect(before.status).toBe(200);
    expect(before.json).toMatchObject({ speed: 1, paused: false });
    const paused = await call("POST", `/v1/clusters/${c.id}/clock`, a.token, { action: "pause" });
    expect(paused.json.paused).toBe(true);
    const stepped = await call("POST", `/v1/clusters/${c.id}/clock`, a.token, { action: "step", seconds: 3600 });
    expect(Date.parse(stepped.json.now) - Date.parse(paused.json.now)).toBe(3600_000);
    const bad = await call("POST", `/v1/clusters/${c.id}/clock`, a.token, { action: "rewind" });
    expect(bad.status).toBe(400);
    const badStep = await call("POST", `/v1/clusters/${c.id}/clock`, a.token, { action: "step" });
    expect(badStep.status).toBe(400);
    expect(badStep.json.error.message).toMatch(/^seconds: /);
  });
});

// Limits on the Kubernetes API of a cluster: the per-token rate limit (429 TooManyRequests with
// Retry-After and details.retryAfterSeconds), request bodies over 3 MiB (413, declared or chunked).
import { env, runInDurableObject, SELF } from "cloudflare:test";
import type { ClusterObject } from "../../src/cluster/object";
import { CLUSTER_RATE_LIMIT, ClusterRateLimiter } from "../../src/cluster/ratelimit";
import { ClusterQuotas, CLUSTER_QUOTAS } from "../../src/cluster/quotas";
import { call, configMap } from "./service-helpers";
import { describe, expect, it } from "vitest";
import { kube, newCluster, ORIGIN, signUp } from "./service-helpers";

describe("Kubernetes API limits", () => {
  it("rate-limits per token with a TooManyRequests Status that clients back off on", async () => {
    const a = await signUp();
    const c = await newCluster(a.token);
    const other = await SELF.fetch(`${ORIGIN}/v1/clusters/${c.id}/kubeconfig`, { headers: { authorization: `Bearer ${a.token}` } });
    const otherToken = /token: (\S+)/.exec(await other.text())![1];
    // The production bucket (50/s, burst 200) outpaces this test runtime, so the cluster gets a
    // small one; everything else is the real request path.
    await runInDurableObject(env.CLUSTER.get(env.CLUSTER.idFromName(c.id)), (obj: ClusterObject) => {
      (obj.guard as { rate: ClusterRateLimiter }).rate = new ClusterRateLimiter({ ratePerSecond: 2, burst: 5 });
    });
    const batch = await Promise.all(Array.from({ length: 8 }, () => kube(c.id, c.token, "GET", "/version")));
    expect(batch.map((r) => r.status).filter((s) => s === 200).length).toBe(5);
    const limited = batch.find((r) => r.status === 429)!;
    expect(limited.json).toEqual({
      kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", reason: "TooManyRequests", code: 429,
      message: "Too many requests, please try again later: the rate limit of this cluster is 2 requests per second per token (burst 5)",
      details: { retryAfterSeconds: 1 },
    });
    expect(limited.headers.get("retry-after")).toBe("1");
    // Another token of the same cluster has its own bucket.
    expect((await kube(c.id, otherToken, "GET", "/version")).status).toBe(200);
    // After waiting as told, the request succeeds.
    await new Promise((r) => setTimeout(r, 1100));
    expect((await kube(c.id, c.token, "GET", "/version")).status).toBe(200);
  });

  it("keeps the production bucket generous for kubectl and client libraries", () => {
    expect(CLUSTER_RATE_LIMIT).toEqual({ ratePerSecond: 50, burst: 200 });
  });

  it("answers 413 to a declared body over 3 MiB", async () => {
    const a = await signUp();
    const c = await newCluster(a.token);
    const big = JSON.stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "big" }, data: { x: "x".repeat(3 * 1024 * 1024) } });
    const r = await kube(c.id, c.token, "POST", "/api/v1/namespaces/default/configmaps", big);
    expect(r.status).toBe(413);
    expect(r.json).toMatchObject({ kind: "Status", reason: "RequestEntityTooLarge", message: "Request entity too large: limit is 3145728", code: 413 });
  });

  it("answers 413 to a chunked body once it passes 3 MiB, without reading the rest", async () => {
    const a = await signUp();
    const c = await newCluster(a.token);
    let sent = 0;
    const chunk = new TextEncoder().encode("x".repeat(256 * 1024));
    const body = new ReadableStream<Uint8Array>({
      pull(ctl) {
        if (sent >= 16 * 1024 * 1024) return ctl.close();
        sent += chunk.byteLength;
        ctl.enqueue(chunk);
      },
    });
    const res = await SELF.fetch(`${ORIGIN}/clusters/${c.id}/api/v1/namespaces/default/configmaps`, {
      method: "POST", body, headers: { authorization: `Bearer ${c.token}`, "content-type": "application/json" }, duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as any).reason).toBe("RequestEntityTooLarge");
    expect(sent).toBeLessThan(16 * 1024 * 1024);
    expect((await kube(c.id, c.token, "GET", "/api/v1/namespaces/default/configmaps/big")).status).toBe(404);
  });

  it("sets CORS and security headers on the Kubernetes API too", async () => {
    const a = await signUp();
    const c = await newCluster(a.token);
    const r = await SELF.fetch(`${ORIGIN}/clusters/${c.id}/version`, { headers: { authorization: `Bearer ${c.token}`, origin: "https://example.com" } });
    expect(r.headers.get("access-control-allow-origin")).toBe("*");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("content-type")).toBe("application/json");
  });

  it("refuses creates over the cluster's object quota with Forbidden naming the limit; deletes still work", async () => {
    const a = await signUp();
    const c = await newCluster(a.token);
    const stub = env.CLUSTER.get(env.CLUSTER.idFromName(c.id));
    const used = await runInDurableObject(stub, (obj: ClusterObject, state) => {
      const store = (obj as unknown as { store: ConstructorParameters<typeof ClusterQuotas>[1] }).store;
      const n = store.count("/registry/");
      (obj.guard as { quotas: ClusterQuotas }).quotas = new ClusterQuotas(state.storage, store, { ...CLUSTER_QUOTAS, objects: n + 1 });
      return n;
    });
    expect((await kube(c.id, c.token, "POST", "/api/v1/namespaces/default/configmaps", configMap("fits"))).status).toBe(201);
    const over = await kube(c.id, c.token, "POST", "/api/v1/namespaces/default/configmaps", configMap("over"));
    expect(over.status).toBe(403);
    expect(over.json).toMatchObject({
      kind: "Status", reason: "Forbidden", code: 403,
      message: `configmaps is forbidden: exceeded quota: podlab-objects, requested: objects=1, used: objects=${used + 1}, limited: objects=${used + 1}`,
    });
    expect((await kube(c.id, c.token, "GET", "/api/v1/namespaces/default/configmaps/over")).status).toBe(404);
    expect((await kube(c.id, c.token, "DELETE", "/api/v1/namespaces/default/configmaps/fits")).status).toBe(200);
    expect((await kube(c.id, c.token, "POST", "/api/v1/namespaces/default/configmaps", configMap("over"))).status).toBe(201);
    // A request without a valid token learns nothing about quotas.
    expect((await kube(c.id, "plc_wrong", "POST", "/api/v1/namespaces/default/configmaps", configMap("x"))).status).toBe(401);
  });

  it("refreshes the idle expiry on use (at most hourly) and reports when it is due", async () => {
    const a = await signUp();
    const c = await newCluster(a.token, { ttlHours: 24 });
    const stub = env.CLUSTER.get(env.CLUSTER.idFromName(c.id));
    const created = Date.parse(c.expiresAt);
    // Pretend the cluster was last refreshed two hours ago.
    await runInDurableObject(stub, (obj: ClusterObject) => { obj.guard.expiry.start(24, Date.now() - 2 * 3600_000); });
    const stale = Date.parse((await call("GET", `/v1/clusters/${c.id}`, a.token)).json.expiresAt);
    expect(created - stale).toBeGreaterThan(2 * 3600_000 - 60_000);
    // A request with an invalid token does not keep the cluster alive.
    await kube(c.id, "plc_wrong", "GET", "/version");
    expect(Date.parse((await call("GET", `/v1/clusters/${c.id}`, a.token)).json.expiresAt)).toBe(stale);
    await kube(c.id, c.token, "GET", "/version");
    const refreshed = Date.parse((await call("GET", `/v1/clusters/${c.id}`, a.token)).json.expiresAt);
    expect(refreshed).toBeGreaterThanOrEqual(created);
    // A second request within the hour writes nothing new.
    await kube(c.id, c.token, "GET", "/version");
    expect(Date.parse((await call("GET", `/v1/clusters/${c.id}`, a.token)).json.expiresAt)).toBe(refreshed);
    const due = await runInDurableObject(stub, (obj: ClusterObject) =>
      [obj.guard.expiry.expiryDue(refreshed - 1), obj.guard.expiry.expiryDue(refreshed)]);
    expect(due).toEqual([false, true]);
  });
});

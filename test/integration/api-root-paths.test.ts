// The API server's own paths without the /clusters/<id> prefix (what kubectl get --raw sends):
// the cluster is the one the bearer token names; no cluster token, or a token the named cluster
// does not hold, gets a 401 Status; the service's /healthz stays its own.
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN, newCluster, pod } from "./helpers";

const get = (path: string, token?: string) =>
  SELF.fetch(`${ORIGIN}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe("API paths without the cluster prefix", () => {
  it("reach the token's cluster, and only with a cluster token", async () => {
    const a = await newCluster();
    const b = await newCluster();
    await a.kube("POST", "/api/v1/namespaces/default/pods", { body: pod("only-in-a") });
    const version = await get("/version", a.token);
    expect(version.status).toBe(200);
    expect(((await version.json()) as { gitVersion: string }).gitVersion).toMatch(/^v1\.32\./);
    const pods = (await (await get("/api/v1/namespaces/default/pods", a.token)).json()) as { items: { metadata: { name: string } }[] };
    expect(pods.items.map((p) => p.metadata.name)).toEqual(["only-in-a"]);
    expect(((await (await get("/api/v1/namespaces/default/pods", b.token)).json()) as { items: unknown[] }).items).toEqual([]);
    expect((await get("/apis/apps/v1", a.token)).status).toBe(200);

    for (const token of [undefined, a.accountToken, `plc_${a.id}_${"x".repeat(43)}`, b.token.replace(b.id, a.id)]) {
      const r = await get("/api/v1/namespaces", token);
      expect(r.status).toBe(401);
      expect(await r.json()).toMatchObject({ kind: "Status", reason: "Unauthorized", code: 401 });
    }
    expect(await (await get("/healthz")).text()).toBe("ok");
  });
});

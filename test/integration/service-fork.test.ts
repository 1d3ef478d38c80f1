// Forks: a new cluster in the caller's account holding a copy of the source at its current
// revision (objects, resource versions, clock), evolving independently afterwards; forking a
// cluster shared with you through its share token (Secrets' data left out); the error paths.
import { describe, expect, it } from "vitest";
import { call, configMap, kube, newCluster, signUp } from "./service-helpers";

const CM = "/api/v1/namespaces/default/configmaps";

describe("fork", () => {
  it("copies the source at its current revision, with a new credential, and the two diverge", async () => {
    const a = await signUp();
    const src = await newCluster(a.token, { name: "src" });
    const created = await kube(src.id, src.token, "POST", CM, configMap("one"));
    expect(created.status).toBe(201);
    const srcList = await kube(src.id, src.token, "GET", CM);

    const f = await call("POST", `/v1/clusters/${src.id}/fork`, a.token, { name: "copy" });
    expect(f.status).toBe(201);
    expect(f.json).toMatchObject({ name: "copy", forkedFrom: src.id, template: "ready", server: `https://podlab.test/clusters/${f.json.id}` });
    expect(f.json.id).not.toBe(src.id);
    const fork = f.json as { id: string; token: string };

    const forkList = await kube(fork.id, fork.token, "GET", CM);
    expect(forkList.status).toBe(200);
    expect(forkList.json.metadata.resourceVersion).toBe(srcList.json.metadata.resourceVersion);
    expect(forkList.json.items).toEqual(srcList.json.items);
    // Each cluster keeps its own credentials.
    expect((await kube(fork.id, src.token, "GET", CM)).status).toBe(401);
    expect((await kube(src.id, fork.token, "GET", CM)).status).toBe(401);

    // They evolve independently.
    expect((await kube(fork.id, fork.token, "POST", CM, configMap("only-in-fork"))).status).toBe(201);
    expect((await kube(src.id, src.token, "DELETE", `${CM}/one`)).status).toBe(200);
    expect((await kube(src.id, src.token, "GET", `${CM}/only-in-fork`)).status).toBe(404);
    expect((await kube(fork.id, fork.token, "GET", `${CM}/one`)).json.data).toEqual({ a: "1" });

    const clusters = (await call("GET", "/v1/clusters", a.token)).json.items.map((x: any) => x.id);
    expect(clusters.sort()).toEqual([src.id, fork.id].sort());
    expect((await call("GET", `/v1/clusters/${fork.id}/credentials`, a.token)).json.items.map((x: any) => x.label)).toEqual(["created with the fork"]);
  });

  it("copies the clock: a paused, stepped source forks at the same virtual time", async () => {
    const a = await signUp();
    const src = await newCluster(a.token);
    await call("POST", `/v1/clusters/${src.id}/clock`, a.token, { action: "pause" });
    const stepped = await call("POST", `/v1/clusters/${src.id}/clock`, a.token, { action: "step", seconds: 86400 });
    const f = await call("POST", `/v1/clusters/${src.id}/fork`, a.token, {});
    const clock = await call("GET", `/v1/clusters/${f.json.id}/clock`, a.token);
    expect(clock.json).toMatchObject({ paused: true, now: stepped.json.now });
  });

  it("lets another account fork a cluster shared with it, leaving Secrets' data out", async () => {
    const owner = await signUp();
    const src = await newCluster(owner.token);
    await kube(src.id, src.token, "POST", "/api/v1/namespaces/default/secrets", { apiVersion: "v1", kind: "Secret", metadata: { name: "db" }, data: { password: "aHVudGVyMg==" } });
    await kube(src.id, src.token, "POST", CM, configMap("public"));
    const share = (await call("POST", `/v1/clusters/${src.id}/shares`, owner.token, {})).json;

    const bob = await signUp("Bob");
    const f = await call("POST", `/v1/clusters/${src.id}/fork`, bob.token, { shareToken: share.token });
    expect(f.status).toBe(201);
    expect((await call("GET", "/v1/clusters", bob.token)).json.items.map((x: any) => x.id)).toEqual([f.json.id]);
    expect((await kube(f.json.id, f.json.token, "GET", `${CM}/public`)).status).toBe(200);
    const secret = await kube(f.json.id, f.json.token, "GET", "/api/v1/namespaces/default/secrets/db");
    expect(secret.status).toBe(200);
    expect(secret.json.data).toBeUndefined();
    expect(secret.text).not.toContain("aHVudGVyMg==");
    // The owner's own fork keeps them.
    const own = await call("POST", `/v1/clusters/${src.id}/fork`, owner.token, {});
    expect((await kube(own.json.id, own.json.token, "GET", "/api/v1/namespaces/default/secrets/db")).json.data).toEqual({ password: "aHVudGVyMg==" });
  });

  it("refuses a revoked or wrong share token with the same 401 as for a cluster that does not exist", async () => {
    const owner = await signUp();
    const src = await newCluster(owner.token);
    const share = (await call("POST", `/v1/clusters/${src.id}/shares`, owner.token, {})).json;
    await call("DELETE", `/v1/clusters/${src.id}/shares/${share.id}`, owner.token);
    const bob = await signUp();
    const expected = { error: { code: "unauthorized", message: "the share token is not valid for this cluster" } };
    const revoked = await call("POST", `/v1/clusters/${src.id}/fork`, bob.token, { shareToken: share.token });
    expect(revoked.status).toBe(401);
    expect(revoked.json).toEqual(expected);
    const none = await call("POST", "/v1/clusters/aaaaaaaaaaaa/fork", bob.token, { shareToken: share.token });
    expect(none.status).toBe(401);
    expect(none.json).toEqual(expected);
    expect((await call("GET", "/v1/clusters", bob.token)).json.items).toEqual([]);
  });

  it("refuses to fork another account's cluster without a share token (404) and bad bodies (400)", async () => {
    const owner = await signUp();
    const src = await newCluster(owner.token);
    const bob = await signUp();
    const r = await call("POST", `/v1/clusters/${src.id}/fork`, bob.token, {});
    expect(r.status).toBe(404);
    expect((await call("POST", `/v1/clusters/${src.id}/fork`, owner.token, { shareToken: 7 })).status).toBe(400);
    expect((await call("POST", `/v1/clusters/${src.id}/fork`, owner.token, { deep: true })).status).toBe(400);
    expect((await call("GET", "/v1/clusters", bob.token)).json.items).toEqual([]);
    expect((await call("GET", "/v1/clusters", owner.token)).json.items).toHaveLength(1);
  });
});

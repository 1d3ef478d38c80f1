// Isolation: two accounts, three clusters. No request with one tenant's token reads, lists,
// watches, patches, deletes or forks anything of the other's, on the service API or the
// Kubernetes API (watches and logs included); one cluster's tokens open no other cluster.
import { beforeAll, describe, expect, it } from "vitest";
import { call, configMap, kube, newCluster, signUp } from "./service-helpers";

type Cluster = Awaited<ReturnType<typeof newCluster>>;
let alice: { id: string; token: string };
let bob: { id: string; token: string };
let a1: Cluster, a2: Cluster, b1: Cluster;
let aliceShare: { id: string; token: string };

beforeAll(async () => {
  alice = await signUp("alice");
  bob = await signUp("bob");
  a1 = await newCluster(alice.token, { name: "a1" });
  a2 = await newCluster(alice.token, { name: "a2" });
  b1 = await newCluster(bob.token, { name: "b1" });
  for (const c of [a1, a2, b1]) await kube(c.id, c.token, "POST", "/api/v1/namespaces/default/configmaps", configMap(`in-${c.name}`));
  aliceShare = (await call("POST", `/v1/clusters/${a1.id}/shares`, alice.token, {})).json;
});

describe("service API isolation", () => {
  it("lists only the caller's clusters", async () => {
    expect((await call("GET", "/v1/clusters", alice.token)).json.items.map((c: any) => c.name).sort()).toEqual(["a1", "a2"]);
    expect((await call("GET", "/v1/clusters", bob.token)).json.items.map((c: any) => c.name)).toEqual(["b1"]);
  });

  it("answers 404 to every operation on another account's cluster, and changes nothing", async () => {
    const ops: [string, string, unknown?][] = [
      ["GET", `/v1/clusters/${a1.id}`], ["DELETE", `/v1/clusters/${a1.id}`], ["GET", `/v1/clusters/${a1.id}/kubeconfig`],
      ["GET", `/v1/clusters/${a1.id}/credentials`], ["DELETE", `/v1/clusters/${a1.id}/credentials/${aliceShare.id}`],
      ["GET", `/v1/clusters/${a1.id}/shares`], ["POST", `/v1/clusters/${a1.id}/shares`, {}],
      ["DELETE", `/v1/clusters/${a1.id}/shares/${aliceShare.id}`], ["POST", `/v1/clusters/${a1.id}/fork`, {}],
      ["GET", `/v1/clusters/${a1.id}/clock`], ["POST", `/v1/clusters/${a1.id}/clock`, { action: "pause" }],
    ];
    for (const [method, path, body] of ops) {
      const r = await call(method, path, bob.token, body);
      expect([method, path, r.status, r.json]).toEqual([method, path, 404, { error: { code: "not_found", message: `cluster "${a1.id}" not found` } }]);
    }
    expect((await call("GET", `/v1/clusters/${a1.id}/credentials`, alice.token)).json.items).toHaveLength(2);
    expect((await kube(a1.id, aliceShare.token, "GET", "/api/v1/namespaces")).status).toBe(200);
    expect((await call("GET", `/v1/clusters/${a1.id}/clock`, alice.token)).json.paused).toBe(false);
    expect((await call("GET", "/v1/clusters", bob.token)).json.items).toHaveLength(1);
  });

  it("does not fork another tenant's cluster with a token of a different cluster", async () => {
    const r = await call("POST", `/v1/clusters/${a1.id}/fork`, bob.token, { shareToken: b1.token });
    expect(r.status).toBe(401);
    expect((await call("GET", "/v1/clusters", bob.token)).json.items).toHaveLength(1);
  });
});

describe("Kubernetes API isolation", () => {
  const unauthorized = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "Unauthorized", reason: "Unauthorized", code: 401 };
  const requests: [string, string, unknown?][] = [
    ["GET", "/api/v1/namespaces/default/configmaps"],
    ["GET", "/api/v1/namespaces/default/configmaps/in-a1"],
    ["GET", "/api/v1/namespaces/default/configmaps?watch=true"],
    ["GET", "/api/v1/namespaces/default/pods/x/log"],
    ["PATCH", "/api/v1/namespaces/default/configmaps/in-a1", { data: { b: "2" } }],
    ["DELETE", "/api/v1/namespaces/default/configmaps/in-a1"],
    ["POST", "/api/v1/namespaces/default/configmaps", configMap("intruder")],
    ["GET", "/api"],
    ["GET", "/version"],
  ];

  it("refuses other clusters' tokens (another tenant's, the same tenant's, a share of another cluster) with the same 401", async () => {
    for (const token of [b1.token, a2.token, aliceShare.token.replace(/.$/, "x")]) {
      for (const [method, path, body] of requests) {
        const r = await call(method, `/clusters/${a1.id}${path}`, token, body, method === "PATCH" ? { "content-type": "application/merge-patch+json" } : {});
        expect([method, path, r.status, r.json]).toEqual([method, path, 401, unauthorized]);
      }
    }
    expect((await call("GET", `/clusters/${b1.id}/api/v1/namespaces/default/configmaps/in-b1`, aliceShare.token)).status).toBe(401);
    const cm = await kube(a1.id, a1.token, "GET", "/api/v1/namespaces/default/configmaps/in-a1");
    expect(cm.json.data).toEqual({ a: "1" });
    expect((await kube(a1.id, a1.token, "GET", "/api/v1/namespaces/default/configmaps/intruder")).status).toBe(404);
  });

  it("answers a cluster that does not exist exactly as a wrong token", async () => {
    for (const id of ["aaaaaaaaaaaa", "not-an-id"]) {
      const r = await call("GET", `/clusters/${id}/api/v1/namespaces`, a1.token);
      expect(r.status).toBe(401);
      expect(r.json).toEqual(unauthorized);
    }
  });

  it("lets a share link read logs (not forbidden) but not another cluster", async () => {
    const logs = await kube(a1.id, aliceShare.token, "GET", "/api/v1/namespaces/default/pods/missing/log");
    expect(logs.status).toBe(404);
    expect(logs.json.reason).toBe("NotFound");
    expect((await kube(a2.id, aliceShare.token, "GET", "/api/v1/namespaces/default/pods/missing/log")).status).toBe(401);
  });
});

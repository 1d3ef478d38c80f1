// Share links: a read-only token and URL; the viewer may get, list and watch (and read logs and
// events) but never write or read Secrets, in the RBAC authorizer's wording; revocation is immediate.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { call, configMap, kube, newCluster, signUp } from "./service-helpers";

async function sharedCluster() {
  const a = await signUp();
  const c = await newCluster(a.token, { name: "shared" });
  expect((await kube(c.id, c.token, "POST", "/api/v1/namespaces/default/configmaps", configMap("settings"))).status).toBe(201);
  const s = await call("POST", `/v1/clusters/${c.id}/shares`, a.token, { label: "for Bob" });
  expect(s.status).toBe(201);
  return { a, c, share: s.json as { id: string; token: string; url: string; kubeconfig: string } };
}

describe("share links", () => {
  it("gives a read-only token, a URL with the token in its fragment and a viewer kubeconfig", async () => {
    const { c, share } = await sharedCluster();
    expect(share.token).toMatch(new RegExp(`^pls_${c.id}_[A-Za-z0-9_-]{43}$`));
    expect(share.url).toBe(`https://podlab.test/c/${c.id}#share=${share.token}`);
    const kc = parse(share.kubeconfig);
    expect(kc.users).toEqual([{ name: "shared-viewer", user: { token: share.token } }]);
    expect(kc.contexts[0].context).toEqual({ cluster: "shared", user: "shared-viewer" });
  });

  it("lets the viewer get, list and watch", async () => {
    const { c, share } = await sharedCluster();
    expect((await kube(c.id, share.token, "GET", "/api/v1/namespaces/default/configmaps/settings")).json.data).toEqual({ a: "1" });
    expect((await kube(c.id, share.token, "GET", "/api/v1/namespaces/default/configmaps")).status).toBe(200);
    expect((await kube(c.id, share.token, "GET", "/api/v1/nodes")).status).toBe(200);
    expect((await kube(c.id, share.token, "GET", "/api/v1/namespaces/default/events")).status).toBe(200);
    expect((await kube(c.id, share.token, "GET", "/version")).status).toBe(200);
  });

  it("refuses writes with Forbidden in the RBAC wording", async () => {
    const { c, share } = await sharedCluster();
    const user = `viewer:${share.id}`;
    const create = await kube(c.id, share.token, "POST", "/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "x" } });
    expect(create.status).toBe(403);
    expect(create.json).toMatchObject({
      kind: "Status", status: "Failure", reason: "Forbidden", code: 403,
      message: `pods is forbidden: User "${user}" cannot create resource "pods" in API group "" in the namespace "default"`,
    });
    const del = await kube(c.id, share.token, "DELETE", "/api/v1/namespaces/default/configmaps/settings");
    expect(del.json.message).toBe(`configmaps "settings" is forbidden: User "${user}" cannot delete resource "configmaps" in API group "" in the namespace "default"`);
    const patch = await call("PATCH", `/clusters/${c.id}/apis/apps/v1/namespaces/default/deployments/web`, share.token, "{}", { "content-type": "application/merge-patch+json" });
    expect(patch.json.message).toBe(`deployments.apps "web" is forbidden: User "${user}" cannot patch resource "deployments" in API group "apps" in the namespace "default"`);
    const nodes = await kube(c.id, share.token, "DELETE", "/api/v1/nodes/node01");
    expect(nodes.json.message).toBe(`nodes "node01" is forbidden: User "${user}" cannot delete resource "nodes" in API group "" at the cluster scope`);
    expect((await kube(c.id, c.token, "GET", "/api/v1/namespaces/default/configmaps/settings")).status).toBe(200);
  });

  it("does not let the viewer read Secrets", async () => {
    const { c, share } = await sharedCluster();
    await kube(c.id, c.token, "POST", "/api/v1/namespaces/default/secrets", { apiVersion: "v1", kind: "Secret", metadata: { name: "db" }, data: { password: "aHVudGVyMg==" } });
    const get = await kube(c.id, share.token, "GET", "/api/v1/namespaces/default/secrets/db");
    expect(get.status).toBe(403);
    expect(get.json.message).toBe(`secrets "db" is forbidden: User "viewer:${share.id}" cannot get resource "secrets" in API group "" in the namespace "default"`);
    const list = await kube(c.id, share.token, "GET", "/api/v1/secrets");
    expect(list.status).toBe(403);
    expect(list.text).not.toContain("aHVudGVyMg==");
  });

  it("lists shares and revokes one at once; a revoked share is 401 like any unknown token", async () => {
    const { a, c, share } = await sharedCluster();
    const list = await call("GET", `/v1/clusters/${c.id}/shares`, a.token);
    expect(list.json.items).toEqual([expect.objectContaining({ id: share.id, role: "viewer", label: "for Bob", username: `viewer:${share.id}` })]);
    expect((await call("DELETE", `/v1/clusters/${c.id}/shares/${share.id}`, a.token)).status).toBe(204);
    const r = await kube(c.id, share.token, "GET", "/api/v1/namespaces/default/configmaps");
    expect(r.status).toBe(401);
    expect(r.json).toMatchObject({ kind: "Status", reason: "Unauthorized", message: "Unauthorized" });
    expect((await call("DELETE", `/v1/clusters/${c.id}/shares/${share.id}`, a.token)).status).toBe(404);
    expect((await call("GET", `/v1/clusters/${c.id}/shares`, a.token)).json.items).toEqual([]);
  });

  it("does not revoke an admin credential through the shares endpoint", async () => {
    const { a, c } = await sharedCluster();
    const admin = (await call("GET", `/v1/clusters/${c.id}/credentials`, a.token)).json.items.find((x: any) => x.role === "admin");
    expect((await call("DELETE", `/v1/clusters/${c.id}/shares/${admin.id}`, a.token)).status).toBe(404);
    expect((await kube(c.id, c.token, "GET", "/api/v1/namespaces")).status).toBe(200);
  });

  it("refuses unknown fields in the share request", async () => {
    const a = await signUp();
    const c = await newCluster(a.token);
    const r = await call("POST", `/v1/clusters/${c.id}/shares`, a.token, { role: "admin" });
    expect(r.status).toBe(400);
    expect(r.json.error.message).toContain('Unrecognized key: "role"');
    expect((await call("GET", `/v1/clusters/${c.id}/shares`, a.token)).json.items).toEqual([]);
  });
});

// Deletion propagation through the garbage collector: foreground (the owner goes last) and
// orphan (dependents stay, without the owner reference).
import { env } from "cloudflare:test";
import { expect, it } from "vitest";
import { newCluster } from "./helpers";

const deployment = (name: string) => ({
  apiVersion: "apps/v1", kind: "Deployment", metadata: { name, labels: { app: name } },
  spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "web", image: "nginx" }] } } },
});

it("deletes in the foreground: dependents first, then the owner; orphaning keeps them", async () => {
  const c = await newCluster();
  const stub = env.CLUSTER.get(env.CLUSTER.idFromName(c.id));
  await stub.clockControl({ action: "pause" });
  await c.kube("POST", "/apis/apps/v1/namespaces/default/deployments", { body: deployment("fg") });
  await c.kube("POST", "/apis/apps/v1/namespaces/default/deployments", { body: deployment("or") });
  await stub.clockControl({ action: "step", ms: 20_000 });
  const del = await c.kube("DELETE", "/apis/apps/v1/namespaces/default/deployments/fg", { body: { propagationPolicy: "Foreground" } });
  expect(del.status).toBe(200);
  expect(((await del.json()) as any).metadata.finalizers).toEqual(["foregroundDeletion"]);
  await stub.clockControl({ action: "step", ms: 60_000 });
  expect((await c.kube("GET", "/apis/apps/v1/namespaces/default/deployments/fg")).status).toBe(404);
  const rs = await (await c.kube("GET", "/apis/apps/v1/namespaces/default/replicasets?labelSelector=app%3Dfg")).json() as any;
  expect(rs.items).toEqual([]);
  await c.kube("DELETE", "/apis/apps/v1/namespaces/default/deployments/or", { body: { propagationPolicy: "Orphan" } });
  await stub.clockControl({ action: "step", ms: 10_000 });
  expect((await c.kube("GET", "/apis/apps/v1/namespaces/default/deployments/or")).status).toBe(404);
  const orphans = await (await c.kube("GET", "/apis/apps/v1/namespaces/default/replicasets?labelSelector=app%3Dor")).json() as any;
  expect(orphans.items.length).toBe(1);
  expect(orphans.items[0].metadata.ownerReferences).toBeUndefined();
});

// Node heartbeats and lease renewals are computed from the clock on read, never written.
import { env } from "cloudflare:test";
import { expect, it } from "vitest";
import { newCluster } from "./helpers";

it("renews node leases every 10 s and reports node status every 5 min without writing", async () => {
  const c = await newCluster();
  const stub = env.CLUSTER.get(env.CLUSTER.idFromName(c.id));
  await stub.clockControl({ action: "pause" });
  const lease0 = await (await c.kube("GET", "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/node01")).json() as any;
  const node0 = await (await c.kube("GET", "/api/v1/nodes/node01")).json() as any;
  await stub.clockControl({ action: "step", ms: 6 * 60_000 + 5_000 });
  const lease1 = await (await c.kube("GET", "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/node01")).json() as any;
  const node1 = await (await c.kube("GET", "/api/v1/nodes/node01")).json() as any;
  const renewed = Date.parse(lease1.spec.renewTime) - Date.parse(lease0.spec.renewTime);
  expect(renewed).toBeGreaterThanOrEqual(6 * 60_000);
  expect(renewed % 10_000).toBe(0);
  expect(lease1.spec.renewTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  const hb = (n: any) => n.status.conditions.find((x: any) => x.type === "Ready").lastHeartbeatTime;
  expect(Date.parse(hb(node1)) - Date.parse(hb(node0))).toBeGreaterThanOrEqual(5 * 60_000);
  // Nothing was written: the objects keep their resourceVersion.
  expect(lease1.metadata.resourceVersion).toBe(lease0.metadata.resourceVersion);
  expect(node1.metadata.resourceVersion).toBe(node0.metadata.resourceVersion);
});

// The service API (/v1): accounts, clusters, kubeconfig downloads, credentials, share links,
// forks and clock control. Bodies are validated with zod (schemas.ts); errors are
// `{"error": {"code", "message"}}`; the OpenAPI document is served at /v1/openapi.json.
import { Hono, type Context } from "hono";
import type { Env } from "./env";
import { AddNodeRequest, NodeFailureRequest, ClockRequest, CreateClusterRequest, EmptyRequest, ForkRequest, ShareRequest, SignUpRequest } from "./schemas";
import { notFoundError, ServiceError } from "./errors";
import { parseBody } from "./body";
import { accountStub, authenticateAccount } from "./auth";
import { randomId, randomToken, sha256Hex } from "../lib/crypto";
import { createCluster, deleteCluster, getCluster, listClusters, listCredentials, ownedCluster, revokeCredential } from "./clusters";
import { clusterStub, mintCredential } from "./credentials";
import { createShare } from "./shares";
import { forkCluster } from "./fork";
import { kubeconfig } from "./kubeconfig";
import { ACCOUNT_QUOTAS, SERVICE_RATE_LIMIT } from "./limits";
import { openApiDocument } from "./openapi";

type C = Context<{ Bindings: Env }>;

const origin = (c: C) => new URL(c.req.url).origin;
const account = (c: C) => authenticateAccount(c.env, c.req.header("authorization"));

export const serviceApi = new Hono<{ Bindings: Env }>();

serviceApi.get("/openapi.json", (c) => c.json(openApiDocument(origin(c))));

serviceApi.post("/accounts", async (c) => {
  const req = await parseBody(c.req.raw, SignUpRequest);
  const id = randomId(12);
  const token = randomToken(`pla_${id}`);
  const created = await accountStub(c.env, id).create(id, req.name ?? "anonymous", await sha256Hex(token));
  if (!created) throw new ServiceError("conflict", "account id collision; please retry");
  return c.json({ ...created, token }, 201);
});

serviceApi.get("/account", async (c) => {
  const a = await account(c);
  const clusters = await accountStub(c.env, a.id).listClusters();
  return c.json({
    ...a,
    usage: { clusters: clusters.length, nodes: clusters.reduce((n, x) => n + (x.nodes ?? 0), 0) },
    quotas: { ...ACCOUNT_QUOTAS },
    rateLimit: { ...SERVICE_RATE_LIMIT },
  });
});

serviceApi.post("/account/token", async (c) => {
  const a = await account(c);
  await parseBody(c.req.raw, EmptyRequest);
  const token = randomToken(`pla_${a.id}`);
  await accountStub(c.env, a.id).rotate(await sha256Hex(token));
  return c.json({ token });
});

serviceApi.post("/clusters", async (c) => {
  const a = await account(c);
  const req = await parseBody(c.req.raw, CreateClusterRequest);
  return c.json(await createCluster(c.env, origin(c), a, req), 201);
});

serviceApi.get("/clusters", async (c) => c.json({ items: await listClusters(c.env, await account(c)) }));

serviceApi.get("/clusters/:id", async (c) => c.json(await getCluster(c.env, await account(c), c.req.param("id"))));

serviceApi.delete("/clusters/:id", async (c) => {
  await deleteCluster(c.env, await account(c), c.req.param("id"));
  return c.body(null, 204);
});

serviceApi.get("/clusters/:id/kubeconfig", async (c) => {
  const cluster = await ownedCluster(c.env, await account(c), c.req.param("id"));
  const { token } = await mintCredential(c.env, cluster.id, "admin", "kubernetes-admin", "kubeconfig download");
  return c.body(kubeconfig(cluster.name, cluster.server, token), 200, {
    "content-type": "application/yaml; charset=utf-8", "content-disposition": `attachment; filename="${cluster.name}.kubeconfig"`,
  });
});

serviceApi.get("/clusters/:id/credentials", async (c) =>
  c.json({ items: await listCredentials(c.env, await account(c), c.req.param("id")) }));

serviceApi.delete("/clusters/:id/credentials/:cid", async (c) => {
  await revokeCredential(c.env, await account(c), c.req.param("id"), c.req.param("cid"));
  return c.body(null, 204);
});

serviceApi.post("/clusters/:id/shares", async (c) => {
  const cluster = await ownedCluster(c.env, await account(c), c.req.param("id"));
  const req = await parseBody(c.req.raw, ShareRequest);
  return c.json(await createShare(c.env, origin(c), cluster, req.label), 201);
});

serviceApi.get("/clusters/:id/shares", async (c) =>
  c.json({ items: await listCredentials(c.env, await account(c), c.req.param("id"), "viewer") }));

serviceApi.delete("/clusters/:id/shares/:sid", async (c) => {
  await revokeCredential(c.env, await account(c), c.req.param("id"), c.req.param("sid"), "viewer");
  return c.body(null, 204);
});

serviceApi.post("/clusters/:id/fork", async (c) => {
  const a = await account(c);
  const req = await parseBody(c.req.raw, ForkRequest);
  return c.json(await forkCluster(c.env, origin(c), a, c.req.param("id"), req), 201);
});

/** Another worker joins the cluster (a new machine running `kubeadm join`), within the node quota. */
serviceApi.post("/clusters/:id/nodes", async (c) => {
  const cluster = await ownedCluster(c.env, await account(c), c.req.param("id"));
  const req = await parseBody(c.req.raw, AddNodeRequest);
  if ((await clusterStub(c.env, cluster.id).nodeCount()) >= ACCOUNT_QUOTAS.nodesPerCluster) {
    throw new ServiceError("quota_exceeded", `node quota exceeded: a cluster may have at most ${ACCOUNT_QUOTAS.nodesPerCluster} nodes`);
  }
  const memory = req.memory ? `${Number(req.memory.replace("Gi", "")) * 1048576}Ki` : undefined;
  const name = await clusterStub(c.env, cluster.id).addNode({ cpu: req.cpu, memory });
  return c.json({ name }, 201);
});

/** Failure injection for teaching node failure: the node goes unreachable (or NotReady) until recovered. */
serviceApi.post("/clusters/:id/nodes/:node/:action{fail|recover}", async (c) => {
  const cluster = await ownedCluster(c.env, await account(c), c.req.param("id"));
  const req = await parseBody(c.req.raw, NodeFailureRequest);
  const action = c.req.param("action") as "fail" | "recover";
  const found = await clusterStub(c.env, cluster.id).nodeHealth(c.req.param("node"), action, req.mode);
  if (!found) throw notFoundError(`node "${c.req.param("node")}"`);
  return c.json({ node: c.req.param("node"), action, mode: action === "fail" ? req.mode ?? "unreachable" : undefined });
});

serviceApi.get("/clusters/:id/clock", async (c) => {
  const cluster = await ownedCluster(c.env, await account(c), c.req.param("id"));
  return c.json(await clusterStub(c.env, cluster.id).clockControl({ action: "get" }));
});

serviceApi.post("/clusters/:id/clock", async (c) => {
  const cluster = await ownedCluster(c.env, await account(c), c.req.param("id"));
  const req = await parseBody(c.req.raw, ClockRequest);
  const action = req.action === "step" ? { action: req.action, ms: Math.round(req.seconds * 1000) }
    : req.action === "speed" ? { action: req.action, speed: req.speed } : { action: req.action };
  return c.json(await clusterStub(c.env, cluster.id).clockControl(action));
});

serviceApi.all("*", () => {
  throw new ServiceError("not_found", "no such endpoint of the service API; see /v1/openapi.json");
});

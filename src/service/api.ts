// The service API (/v1): sign-up, clusters, kubeconfig downloads. Bodies are validated with zod;
// errors are `{"error": {"code", "message"}}`.
import { Hono, type Context } from "hono";
import type { z } from "zod";
import type { Env } from "./env";
import { CreateClusterRequest, SignUpRequest } from "./schemas";
import { fromZod, ServiceError } from "./errors";
import { accountStub, authenticateAccount } from "./auth";
import { randomId, randomToken, sha256Hex } from "../lib/crypto";
import { createCluster, deleteCluster, mintCredential, ownedCluster } from "./clusters";
import { kubeconfig } from "./kubeconfig";

type C = Context<{ Bindings: Env }>;

const MAX_BODY = 64 * 1024;

async function body<T extends z.ZodTypeAny>(c: C, schema: T): Promise<z.infer<T>> {
  const text = await c.req.text();
  if (text.length > MAX_BODY) throw new ServiceError("payload_too_large", `request body over ${MAX_BODY} bytes`);
  let raw: unknown = {};
  if (text.trim()) {
    try { raw = JSON.parse(text); } catch { throw new ServiceError("invalid_request", "request body is not valid JSON"); }
  }
  const r = schema.safeParse(raw);
  if (!r.success) throw fromZod(r.error);
  return r.data;
}

const origin = (c: C) => new URL(c.req.url).origin;

export const serviceApi = new Hono<{ Bindings: Env }>();

serviceApi.post("/accounts", async (c) => {
  const req = await body(c, SignUpRequest);
  const id = randomId(12);
  const token = randomToken(`pla_${id}`);
  const account = await accountStub(c.env, id).create(id, req.name ?? "anonymous", await sha256Hex(token));
  return c.json({ ...account, token }, 201);
});

serviceApi.post("/clusters", async (c) => {
  const account = await authenticateAccount(c.env, c.req.header("authorization"));
  const req = await body(c, CreateClusterRequest);
  return c.json(await createCluster(c.env, origin(c), account, req), 201);
});

serviceApi.get("/clusters", async (c) => {
  const account = await authenticateAccount(c.env, c.req.header("authorization"));
  return c.json({ items: await accountStub(c.env, account.id).listClusters() });
});

serviceApi.get("/clusters/:id", async (c) => {
  const account = await authenticateAccount(c.env, c.req.header("authorization"));
  return c.json(await ownedCluster(c.env, account, c.req.param("id")));
});

serviceApi.delete("/clusters/:id", async (c) => {
  const account = await authenticateAccount(c.env, c.req.header("authorization"));
  await deleteCluster(c.env, account, c.req.param("id"));
  return c.body(null, 204);
});

serviceApi.get("/clusters/:id/kubeconfig", async (c) => {
  const account = await authenticateAccount(c.env, c.req.header("authorization"));
  const cluster = await ownedCluster(c.env, account, c.req.param("id"));
  const { token } = await mintCredential(c.env, cluster.id, "kubernetes-admin", "kubeconfig download");
  return c.body(kubeconfig(cluster.name, cluster.server, token), 200, { "content-type": "application/yaml" });
});

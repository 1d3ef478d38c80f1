// The Worker: routes only. The service API under /v1, each cluster's Kubernetes API under
// /clusters/:id (served by that cluster's Durable Object), and the static web page.
import { Hono } from "hono";
import type { Env } from "./service/env";
import { serviceApi } from "./service/api";
import { clusterStub } from "./service/clusters";
import { ServiceError } from "./service/errors";
import { MAX_REQUEST_BODY_BYTES } from "./cluster/apiserver/codec";

export { ClusterObject } from "./cluster/object";
export { AccountObject } from "./service/account-object";
export type { Env };

const app = new Hono<{ Bindings: Env }>();

app.onError((err) => {
  if (err instanceof ServiceError) return err.toResponse();
  console.error("unhandled error", err);
  return new ServiceError("internal", "internal error").toResponse();
});

app.get("/healthz", (c) => c.text("ok"));
app.route("/v1", serviceApi);

/** Every Kubernetes API request of a cluster goes straight to that cluster's object. */
app.all("/clusters/:id/*", (c) => forwardToCluster(c.env, c.req.param("id"), c.req.raw));
app.all("/clusters/:id", (c) => forwardToCluster(c.env, c.req.param("id"), c.req.raw));

function forwardToCluster(env: Env, id: string, req: Request): Promise<Response> | Response {
  if (!/^[a-z0-9]{12}$/.test(id)) {
    return new Response(JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: "Unauthorized", reason: "Unauthorized", code: 401 }),
      { status: 401, headers: { "content-type": "application/json" } });
  }
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > MAX_REQUEST_BODY_BYTES) {
    return new Response(JSON.stringify({ kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: `Request entity too large: limit is ${MAX_REQUEST_BODY_BYTES}`, reason: "RequestEntityTooLarge", code: 413 }),
      { status: 413, headers: { "content-type": "application/json" } });
  }
  return clusterStub(env, id).fetch(req);
}

app.notFound(async (c) => {
  if (c.env.ASSETS) return c.env.ASSETS.fetch(c.req.raw);
  return c.text("404 page not found", 404);
});

export default app;

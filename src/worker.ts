// The Worker: routes only. The service API under /v1, each cluster's Kubernetes API under
// /clusters/:id (served by that cluster's Durable Object), and the static web page. CORS and
// security headers on both APIs; a Kubernetes API body is read here within 3 MiB (413 past it,
// declared or chunked) and handed to the cluster whole.
import { Hono } from "hono";
import { readLimited } from "./lib/limited-body";
import type { Env } from "./service/env";
import { serviceApi } from "./service/api";
import { bearerToken } from "./service/auth";
import { clusterIdOf, clusterStub, CLUSTER_ID } from "./service/credentials";
import { ServiceError } from "./service/errors";
import { apiHeaders } from "./service/security";
import { MAX_REQUEST_BODY_BYTES } from "./cluster/apiserver/codec";
import { requestTooLarge, unauthorized } from "./cluster/apiserver/status";
import { statusResponse } from "./cluster/apiserver/responses";
import { MAX_SERVICE_BODY_BYTES } from "./service/limits";
import { manifestsRoute } from "./service/manifests";

export { ClusterObject } from "./cluster/object";
export { AccountObject } from "./service/account-object";
export type { Env };

const app = new Hono<{ Bindings: Env }>();

app.onError((err, c) => {
  if (err instanceof ServiceError) return err.toResponse();
  // Never the request itself: it may carry a token.
  console.error("unhandled error", c.req.method, new URL(c.req.url).pathname, err instanceof Error ? err.message : String(err));
  return new ServiceError("internal", "internal error").toResponse();
});

app.get("/healthz", (c) => c.text("ok"));
app.route("/manifests", manifestsRoute);

app.use("/v1/*", apiHeaders);
app.use("/v1/*", async (c, next) => {
  if (Number(c.req.header("content-length") ?? "0") > MAX_SERVICE_BODY_BYTES) {
    throw new ServiceError("payload_too_large", `request body over the limit of ${MAX_SERVICE_BODY_BYTES} bytes`);
  }
  await next();
});
app.route("/v1", serviceApi);

/** Every Kubernetes API request of a cluster goes straight to that cluster's object. */
app.use("/clusters/*", apiHeaders);
app.all("/clusters/:id/*", (c) => forwardToCluster(c.env, c.req.param("id"), c.req.raw));
app.all("/clusters/:id", (c) => forwardToCluster(c.env, c.req.param("id"), c.req.raw));

/**
 * The API server's own paths without the /clusters/<id> prefix (kubectl get --raw /version sends
 * the path as given, dropping the server URL's path): the cluster is the one the bearer token
 * names; without a cluster token, 401. (/healthz is the service's own and answers ok either way.)
 */
for (const path of ["/api", "/api/*", "/apis", "/apis/*", "/version", "/openapi/*", "/livez", "/readyz"]) {
  app.use(path, apiHeaders);
  app.all(path, (c) => {
    const id = clusterIdOf(bearerToken(c.req.header("authorization")));
    if (!id) return statusResponse(unauthorized());
    const url = new URL(c.req.url);
    return forwardToCluster(c.env, id, new Request(new URL(`/clusters/${id}${url.pathname}${url.search}`, url), c.req.raw));
  });
}

async function forwardToCluster(env: Env, id: string, req: Request): Promise<Response> {
  // An id that names no cluster gets the same 401 as a wrong token: the answer never tells
  // whether a cluster exists.
  if (!CLUSTER_ID.test(id)) return statusResponse(unauthorized());
  if (!req.body) return timed(env, () => clusterStub(env, id).fetch(req));
  // The body is read here, within the limit, and handed over whole: the cluster may answer
  // (401, 403, 429) without reading it, which must not leave a stream half sent.
  const body = await readLimited(req, MAX_REQUEST_BODY_BYTES);
  if (!body.ok) return statusResponse(requestTooLarge(MAX_REQUEST_BODY_BYTES));
  return timed(env, () => clusterStub(env, id).fetch(new Request(req, { body: body.bytes })));
}

/** The cluster's answer, with its Server-Timing when PODLAB_SERVER_TIMING is set (see Env). */
async function timed(env: Env, send: () => Promise<Response>): Promise<Response> {
  if (!env.PODLAB_SERVER_TIMING) return send();
  const started = performance.now();
  const res = await send();
  if (res.status === 101) return res;
  const headers = new Headers(res.headers);
  headers.append("server-timing", `cluster;dur=${(performance.now() - started).toFixed(2)}`);
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

/** A cluster's web console (consoleUrl `/c/<id>#token=…`): the page; the token stays in the fragment. */
app.get("/c/:id", (c) => (c.env.ASSETS ? c.env.ASSETS.fetch(new URL("/", c.req.url).href) : c.text("404 page not found", 404)));

app.notFound(async (c) => {
  if (c.env.ASSETS) return c.env.ASSETS.fetch(c.req.raw);
  return c.text("404 page not found", 404);
});

export default app;

// The Worker: routes only. Service API under /v1, each cluster's Kubernetes API under /clusters/:id.
import { Hono } from "hono";
export { ClusterObject } from "./cluster/object";
export { AccountObject } from "./service/account-object";

export interface Env {
  CLUSTER: DurableObjectNamespace;
  ACCOUNT: DurableObjectNamespace;
  ASSETS?: Fetcher;
}

const app = new Hono<{ Bindings: Env }>();
app.get("/healthz", (c) => c.text("ok"));
export default app;

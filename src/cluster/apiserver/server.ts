// The Kubernetes API server of one cluster: authentication → authorization → (per verb) decode,
// admission, validation, storage; discovery, OpenAPI, health and version. Mirrors the handler
// chain of staging/src/k8s.io/apiserver/pkg/server/config.go (DefaultBuildHandlerChain).
import type { Store } from "../store/types";
import { GenericRegistry, type RegistryDeps } from "./generic-registry";
import { parseRequestInfo, type RequestInfo } from "./request-info";
import { findResource } from "./resources";
import { authorize, forbiddenFor, type Role } from "./authz";
import type { UserInfo } from "./admission/types";
import { errorResponse, json, statusResponse } from "./responses";
import { unauthorized, notFound, StatusError } from "./status";
import { aggregatedContentType, aggregatedDiscovery, apiGroup, apiGroupList, apiResourceList, apiVersions, wantsAggregated } from "./discovery";
import { openApiV2Document, openApiV2Protobuf, OPENAPI_V2_PROTOBUF, openApiV3Document, openApiV3Index } from "./openapi";
import { KUBERNETES_VERSION } from "./version";
import { RequestTrace } from "./trace";
import { handleResource, type ResourceHandlerDeps } from "./resource-handlers";
import type { KObject } from "./registry/types";

export interface Authenticated { user: UserInfo; role: Role }

/** Things the API server serves but does not own: logs and exec come from the kubelets. */
export interface NodeProxy {
  podLogs(pod: KObject, query: URLSearchParams): Promise<Response>;
  podExec?(pod: KObject, req: Request, query: URLSearchParams, subresource: "exec" | "attach"): Promise<Response>;
}

export interface ApiServerDeps extends RegistryDeps {
  authenticate(token: string | undefined): Promise<Authenticated | undefined> | Authenticated | undefined;
  nodeProxy?: NodeProxy;
  /** Watches open at once before new ones get 429. */
  maxWatches?: number;
}

export class ApiServer {
  readonly registry: GenericRegistry;
  private openWatches = 0;

  constructor(private readonly deps: ApiServerDeps) {
    this.registry = new GenericRegistry(deps);
  }

  get store(): Store { return this.deps.store; }
  watchCount(): number { return this.openWatches; }

  /** Serves one request; `path` is the API path with the cluster prefix removed. */
  async handle(req: Request, path: string, serverAddress = ""): Promise<Response> {
    const url = new URL(req.url);
    const trace = new RequestTrace(this.deps.now);
    try {
      const auth = await this.deps.authenticate(bearer(req));
      if (!auth) return statusResponse(unauthorized());
      trace.add("authentication", "bearer token", `user ${auth.user.username}`);
      const info = parseRequestInfo(req.method, path, url.searchParams);
      if (!authorize(auth.role, info)) {
        trace.add("authorization", "RBAC", "denied");
        throw forbiddenFor(auth.user, info);
      }
      trace.add("authorization", "RBAC", `allowed ${info.verb}`);
      if (!info.isResourceRequest) return this.nonResource(req, info, serverAddress);
      const ri = findResource(info.group, info.version, info.resource);
      if (!ri) throw notFoundPath();
      const deps: ResourceHandlerDeps = {
        registry: this.registry, store: this.deps.store, now: this.deps.now, nodeProxy: this.deps.nodeProxy,
        watchOpened: () => this.watchOpened(), watchClosed: () => { this.openWatches--; },
      };
      return await handleResource(deps, req, url, info, ri, auth.user, trace);
    } catch (e) {
      return errorResponse(e);
    }
  }

  private watchOpened(): void {
    if (this.deps.maxWatches !== undefined && this.openWatches >= this.deps.maxWatches) {
      throw new StatusError("TooManyRequests", `too many watches open on this cluster (limit ${this.deps.maxWatches})`, { retryAfterSeconds: 1 });
    }
    this.openWatches++;
  }

  private nonResource(req: Request, info: RequestInfo, serverAddress: string): Response {
    if (req.method !== "GET" && req.method !== "HEAD") throw notFoundPath();
    const p = info.path.replace(/\/+$/, "") || "/";
    const accept = req.headers.get("accept");
    switch (p) {
      case "/version": return json(KUBERNETES_VERSION);
      case "/healthz": case "/readyz": case "/livez": return new Response("ok", { headers: { "content-type": "text/plain; charset=utf-8" } });
      case "/api": case "/apis": {
        const agg = wantsAggregated(accept);
        const prefix = p === "/api" ? "api" : "apis";
        if (agg) return json(aggregatedDiscovery(prefix, agg), 200, { "content-type": aggregatedContentType(agg), vary: "Accept" });
        return json(prefix === "api" ? apiVersions(serverAddress) : apiGroupList(), 200, { vary: "Accept" });
      }
      case "/openapi/v3": return json(openApiV3Index());
      // kubectl validates the items of a `kind: List` manifest against the v2 document.
      case "/openapi/v2": return accept?.includes("protobuf")
        ? new Response(openApiV2Protobuf(), { headers: { "content-type": OPENAPI_V2_PROTOBUF } })
        : json(openApiV2Document());
    }
    if (p.startsWith("/openapi/v3/")) {
      const doc = openApiV3Document(p.slice("/openapi/v3/".length));
      if (doc) return json(doc);
      throw notFoundPath();
    }
    if (info.apiPrefix && info.version) {
      const list = apiResourceList(info.group, info.version);
      if (list) return json(list);
    } else if (info.apiPrefix === "apis" && info.group === "" && p.split("/").length === 3) {
      const g = p.split("/")[2];
      const list = apiGroupList().groups.find((x) => x.name === g);
      if (list) return json({ kind: "APIGroup", apiVersion: "v1", ...apiGroup(g) });
    } else if (p === "/api/v1") {
      return json(apiResourceList("", "v1"));
    }
    throw notFoundPath();
  }
}

export function bearer(req: Request): string | undefined {
  const h = req.headers.get("authorization");
  const m = h?.match(/^Bearer\s+(.+)$/i);
  return m?.[1].trim();
}

export const notFoundPath = () => new StatusError("NotFound", "the server could not find the requested resource", {});

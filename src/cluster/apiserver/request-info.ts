// Parses a Kubernetes API path into what is being asked, as upstream's RequestInfoFactory
// (staging/src/k8s.io/apiserver/pkg/endpoints/request/requestinfo.go).

export interface RequestInfo {
  isResourceRequest: boolean;
  /** The path without the cluster prefix, e.g. "/api/v1/namespaces/default/pods". */
  path: string;
  verb: string;
  apiPrefix?: "api" | "apis";
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  subresource?: string;
  name?: string;
  /** Extra path segments after the subresource (proxy paths). */
  parts: string[];
}

const NAMESPACE_SUBRESOURCES = ["status", "finalize"];

const METHOD_VERBS: Record<string, string> = {
  POST: "create", GET: "get", HEAD: "get", PUT: "update", PATCH: "patch", DELETE: "delete",
};

export function parseRequestInfo(method: string, path: string, query: URLSearchParams): RequestInfo {
  const segs = path.split("/").filter((s) => s !== "");
  const info: RequestInfo = {
    isResourceRequest: false, path, verb: (METHOD_VERBS[method] ?? method.toLowerCase()),
    group: "", version: "", resource: "", parts: [],
  };
  if (segs[0] !== "api" && segs[0] !== "apis") return info;
  info.apiPrefix = segs[0];
  let rest = segs.slice(1);
  if (info.apiPrefix === "apis") {
    if (rest.length < 2) return info; // /apis, /apis/<group>
    info.group = rest[0];
    rest = rest.slice(1);
  } else if (rest.length < 1) {
    return info; // /api
  }
  info.version = rest[0];
  rest = rest.slice(1);
  if (rest.length === 0) return info; // /api/v1, /apis/apps/v1
  info.isResourceRequest = true;

  if (rest[0] === "watch") { info.verb = "watch"; rest = rest.slice(1); }
  if (rest[0] === "namespaces" && rest.length >= 3 && !NAMESPACE_SUBRESOURCES.includes(rest[2])) {
    info.namespace = decodeURIComponent(rest[1]);
    rest = rest.slice(2);
  }
  info.resource = rest[0] ?? "";
  if (rest[0] === "namespaces" && rest.length >= 2) {
    // /api/v1/namespaces/<name>[/status|/finalize]: the namespace is the object itself.
    info.name = decodeURIComponent(rest[1]);
    info.subresource = rest[2];
    info.parts = rest.slice(3);
  } else {
    if (rest.length >= 2) info.name = decodeURIComponent(rest[1]);
    if (rest.length >= 3) info.subresource = rest[2];
    info.parts = rest.slice(3);
  }

  if (info.verb === "watch") return info;
  if (method === "GET" || method === "HEAD") {
    if (!info.name) info.verb = query.get("watch") === "true" || query.get("watch") === "1" ? "watch" : "list";
  } else if (method === "DELETE" && !info.name) {
    info.verb = "deletecollection";
  }
  return info;
}

// The terminal's way to the cluster's Kubernetes API: real HTTP requests handed to the cluster
// object's own request path (rate limit, quotas, authentication, authorization, admission), with
// the session's token as bearer, exactly as kubectl sends them over the network. A share-link
// session therefore gets the viewer's 403s. No upstream file (client-go's rest.Config transport).
import type { KubeTransport } from "../types";

export interface ClusterEndpoint {
  /** The cluster's server URL as a kubeconfig has it, e.g. https://host/clusters/<id>. */
  server: string;
  token: string;
  /** The cluster object's request handler (the same one kubectl's requests reach). */
  fetch(req: Request): Promise<Response>;
}

export function clusterTransport(ep: ClusterEndpoint): KubeTransport {
  return {
    request(method, path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set("authorization", `Bearer ${ep.token}`);
      if (!headers.has("user-agent")) headers.set("user-agent", "kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9");
      const req = new Request(ep.server + path, { method, headers, body: init.body ?? null, signal: init.signal });
      return ep.fetch(req);
    },
  };
}

// Share links: a viewer credential in the cluster (get, list, watch, logs and events; never
// Secrets, never writes), shown once as a token, a web URL and a kubeconfig. The URL carries the
// token in its fragment, which browsers never send to a server.
import type { Env } from "./env";
import { randomId } from "../lib/crypto";
import { kubeconfig } from "./kubeconfig";
import { mintCredential } from "./credentials";
import type { ClusterSummary } from "./schemas";

export const shareUrl = (origin: string, clusterId: string, token: string) => `${origin}/c/${clusterId}#share=${token}`;

export async function createShare(env: Env, origin: string, cluster: ClusterSummary, label = "share link") {
  const id = randomId(10);
  const { token } = await mintCredential(env, cluster.id, "viewer", `viewer:${id}`, label, id);
  return {
    id, token, url: shareUrl(origin, cluster.id, token),
    kubeconfig: kubeconfig(cluster.name, cluster.server, token, `${cluster.name}-viewer`),
    createdAt: new Date().toISOString(),
  };
}

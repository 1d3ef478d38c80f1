// Kubeconfig files for a cluster: cluster, user and context named after the cluster, carrying a
// credential minted for this download. TLS verification is skipped only for loopback servers
// (a local `npm start` serves a self-signed certificate).
import { stringify } from "yaml";

export function isLoopback(server: string): boolean {
  const host = new URL(server).hostname;
  return host === "localhost" || host === "[::1]" || host === "::1" || /^127\./.test(host);
}

export function kubeconfig(name: string, server: string, token: string, user = `${name}-admin`): string {
  const cluster: Record<string, unknown> = { server };
  if (isLoopback(server)) cluster["insecure-skip-tls-verify"] = true;
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name, cluster }],
    // No namespace in the context, as kubeadm's admin.conf: kubectl then uses "default".
    contexts: [{ name, context: { cluster: name, user } }],
    "current-context": name,
    preferences: {},
    users: [{ name: user, user: { token } }],
  });
}

// Helpers of the service API integration tests: requests through the Worker (SELF), sign-up and
// cluster creation, and Kubernetes API calls with a cluster token.
import { SELF } from "cloudflare:test";

export const ORIGIN = "https://podlab.test";

export async function call(method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await SELF.fetch(ORIGIN + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  return { status: res.status, headers: res.headers, text, json };
}

export async function signUp(name?: string): Promise<{ id: string; token: string }> {
  const r = await call("POST", "/v1/accounts", undefined, name ? { name } : {});
  if (r.status !== 201) throw new Error(`sign-up: ${r.status} ${r.text}`);
  return r.json;
}

export async function newCluster(token: string, body: Record<string, unknown> = {}) {
  const r = await call("POST", "/v1/clusters", token, body);
  if (r.status !== 201) throw new Error(`create cluster: ${r.status} ${r.text}`);
  return r.json as { id: string; name: string; server: string; token: string; kubeconfig: string; expiresAt: string; shareUrl?: string };
}

/** A Kubernetes API request to a cluster with a cluster (or share) token. */
export function kube(clusterId: string, token: string | undefined, method: string, path: string, body?: unknown) {
  return call(method, `/clusters/${clusterId}${path}`, token, body);
}

export const configMap = (name: string, data: Record<string, string> = { a: "1" }) =>
  ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data });

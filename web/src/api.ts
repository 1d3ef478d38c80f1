// The page's client of the service API (/v1): the visitor's account token (kept in
// localStorage, created anonymously on first use), clusters, shares, forks, kubeconfigs, and the
// tokens of the clusters this browser created (a cluster token is shown once by the service).

const ACCOUNT_KEY = "podlab.account";
const CLUSTERS_KEY = "podlab.clusterTokens";

export interface ClusterSummary { id: string; name: string; template: string; createdAt: string; forkedFrom?: string; nodes?: number }
export interface ClusterCreated extends ClusterSummary { token: string; kubeconfig: string; expiresAt?: string }
export interface ShareCreated { id: string; token: string; url: string; kubeconfig: string }

export class ApiError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

async function call<T>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
  if (!res.ok) {
    const msg = (json as { error?: { message?: string } } | undefined)?.error?.message ?? (text || res.statusText);
    throw new ApiError(res.status, msg);
  }
  return (json ?? text) as T;
}

export function accountToken(): string | undefined {
  return localStorage.getItem(ACCOUNT_KEY) ?? undefined;
}

/** The visitor's account, signing up anonymously the first time. */
export async function ensureAccount(): Promise<string> {
  const have = accountToken();
  if (have) return have;
  const a = await call<{ token: string }>("POST", "/v1/accounts", undefined, {});
  localStorage.setItem(ACCOUNT_KEY, a.token);
  return a.token;
}

function tokens(): Record<string, string> {
  try { return JSON.parse(localStorage.getItem(CLUSTERS_KEY) ?? "{}") as Record<string, string>; } catch { return {}; }
}

export function clusterToken(id: string): string | undefined {
  return tokens()[id];
}

export function rememberClusterToken(id: string, token: string): void {
  localStorage.setItem(CLUSTERS_KEY, JSON.stringify({ ...tokens(), [id]: token }));
}

function forgetClusterToken(id: string): void {
  const t = tokens();
  delete t[id];
  localStorage.setItem(CLUSTERS_KEY, JSON.stringify(t));
}

export async function createCluster(): Promise<ClusterCreated> {
  const c = await call<ClusterCreated>("POST", "/v1/clusters", await ensureAccount(), {});
  rememberClusterToken(c.id, c.token);
  return c;
}

export async function listClusters(): Promise<ClusterSummary[]> {
  const t = accountToken();
  if (!t) return [];
  return (await call<{ items: ClusterSummary[] }>("GET", "/v1/clusters", t)).items;
}

export async function deleteCluster(id: string): Promise<void> {
  await call("DELETE", `/v1/clusters/${id}`, await ensureAccount());
  forgetClusterToken(id);
}

export async function shareCluster(id: string): Promise<ShareCreated> {
  return call<ShareCreated>("POST", `/v1/clusters/${id}/shares`, await ensureAccount(), {});
}

/** Fork a cluster of this account, or (with `shareToken`) one shared with the visitor. */
export async function forkCluster(id: string, shareToken?: string): Promise<ClusterCreated> {
  const c = await call<ClusterCreated>("POST", `/v1/clusters/${id}/fork`, await ensureAccount(), shareToken ? { shareToken } : {});
  rememberClusterToken(c.id, c.token);
  return c;
}

export async function kubeconfig(id: string): Promise<string> {
  return call<string>("GET", `/v1/clusters/${id}/kubeconfig`, await ensureAccount());
}

/** A token to open a cluster of this account in the page: the remembered one, or a new credential. */
export async function openToken(id: string): Promise<string> {
  const have = clusterToken(id);
  if (have) return have;
  const m = /^\s*token:\s*(\S+)\s*$/m.exec(await kubeconfig(id));
  if (!m) throw new ApiError(500, "the kubeconfig carries no token");
  rememberClusterToken(id, m[1]!);
  return m[1]!;
}

export function consoleUrl(id: string, token: string): string {
  return `/c/${id}#token=${token}`;
}

/** Offer text as a file download. */
export function download(name: string, text: string): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type: "application/yaml" }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

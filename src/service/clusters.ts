// Service operations on clusters: create (bootstrap + expiry + first credential + kubeconfig),
// list and get (with live usage from the cluster object), delete (erases the cluster's storage:
// its tokens die with it) and credentials (each kubeconfig download is one, revocable).
import type { Env } from "./env";
import { randomId } from "../lib/crypto";
import { clusterStub, CLUSTER_ID, consoleUrl, mintCredential, serverUrl } from "./credentials";
import { kubeconfig } from "./kubeconfig";
import { accountStub } from "./auth";
import { notFoundError, quotaError } from "./errors";
import type { AccountRecord } from "./account-object";
import type { ClusterSummary, ClusterView, CreateClusterRequest } from "./schemas";
import type { Role } from "../cluster/apiserver/authz";
import { ACCOUNT_QUOTAS, DEFAULT_CLUSTER_TTL_HOURS, DEFAULT_NODE_COUNT } from "./limits";
import { createShare } from "./shares";

function memoryKi(mem: string | undefined): string | undefined {
  const m = mem?.match(/^(\d+)Gi$/);
  return m ? `${Number(m[1]) * 1048576}Ki` : undefined;
}

export const clusterQuotaError = () =>
  quotaError(`cluster quota reached: an account may hold ${ACCOUNT_QUOTAS.clusters} clusters; delete one before creating another`);

export async function createCluster(env: Env, origin: string, account: AccountRecord, req: CreateClusterRequest) {
  const nodes = req.nodes?.count ?? DEFAULT_NODE_COUNT;
  if (nodes > ACCOUNT_QUOTAS.nodesPerCluster) {
    throw quotaError(`node quota exceeded: a cluster may have at most ${ACCOUNT_QUOTAS.nodesPerCluster} nodes, ${nodes} requested`);
  }
  const id = randomId(12);
  const name = req.name ?? id;
  const summary: ClusterSummary = {
    id, name, template: req.template ?? "ready", server: serverUrl(origin, id), createdAt: new Date().toISOString(), nodes,
  };
  const acct = accountStub(env, account.id);
  if (!(await acct.addCluster(summary))) throw clusterQuotaError();
  const stub = clusterStub(env, id);
  try {
    await stub.init({
      id, name, template: summary.template, owner: account.id,
      nodes: req.nodes ? { count: req.nodes.count, cpu: req.nodes.cpu, memory: memoryKi(req.nodes.memory) } : undefined,
    });
    const expiresAt = await stub.startExpiry(req.ttlHours ?? DEFAULT_CLUSTER_TTL_HOURS);
    const { token } = await mintCredential(env, id, "admin", "kubernetes-admin", "created with the cluster");
    const share = req.share ? await createShare(env, origin, summary, "created with the cluster") : undefined;
    return {
      ...summary, expiresAt: new Date(expiresAt).toISOString(), token,
      // The web console with this cluster's token in the fragment, which browsers never send to a server.
      consoleUrl: `${consoleUrl(origin, id)}#token=${token}`,
      kubeconfig: kubeconfig(name, summary.server, token), ...(share ? { shareUrl: share.url } : {}),
    };
  } catch (e) {
    await stub.erase().catch(() => undefined);
    await acct.removeCluster(id);
    throw e;
  }
}

/** The account's cluster, or 404 (the same answer whether it is another account's or none). */
export async function ownedCluster(env: Env, account: AccountRecord, id: string): Promise<ClusterSummary> {
  const c = CLUSTER_ID.test(id) ? await accountStub(env, account.id).getCluster(id) : undefined;
  if (!c) throw notFoundError(`cluster "${id}"`);
  return c;
}

/** The summary with the cluster's live usage; undefined (and forgotten) once the cluster is gone (expired). */
async function view(env: Env, account: AccountRecord, s: ClusterSummary): Promise<ClusterView | undefined> {
  const u = await clusterStub(env, s.id).usage();
  if (!u) {
    await accountStub(env, account.id).removeCluster(s.id);
    return undefined;
  }
  return {
    ...s, consoleUrl: consoleUrl(new URL(s.server).origin, s.id), expiresAt: u.expiresAt, ttlHours: u.ttlHours,
    usage: { objects: u.objects, bytes: u.bytes, watches: u.watches, revision: u.revision },
    limits: { objects: u.limits.objects, bytes: u.limits.bytes, watches: u.limits.watches },
  };
}

export async function getCluster(env: Env, account: AccountRecord, id: string): Promise<ClusterView> {
  const v = await view(env, account, await ownedCluster(env, account, id));
  if (!v) throw notFoundError(`cluster "${id}"`);
  return v;
}

export async function listClusters(env: Env, account: AccountRecord): Promise<ClusterView[]> {
  const all = await accountStub(env, account.id).listClusters();
  const views = await Promise.all(all.map((s) => view(env, account, s)));
  return views.filter((v): v is ClusterView => v !== undefined);
}

export async function deleteCluster(env: Env, account: AccountRecord, id: string): Promise<void> {
  await ownedCluster(env, account, id);
  await clusterStub(env, id).erase();
  await accountStub(env, account.id).removeCluster(id);
}

export async function listCredentials(env: Env, account: AccountRecord, id: string, role?: Role) {
  await ownedCluster(env, account, id);
  const all = await clusterStub(env, id).listCredentials();
  return all.filter((c) => !role || c.role === role);
}

export async function revokeCredential(env: Env, account: AccountRecord, id: string, credentialId: string, role?: Role): Promise<void> {
  const creds = await listCredentials(env, account, id, role);
  if (!creds.some((c) => c.id === credentialId)) throw notFoundError(role === "viewer" ? `share "${credentialId}"` : `credential "${credentialId}"`);
  await clusterStub(env, id).revokeCredential(credentialId);
}

// Forking a cluster into the caller's account: the source (owned by the caller, or reached through
// one of its share tokens) exports its tables at its current revision, a new cluster object
// imports them and restarts, and the caller gets a new admin credential. Through a share token,
// Secrets' data is left out of the copy, as the share link could not read it either.
import type { Env } from "./env";
import { randomId } from "../lib/crypto";
import { accountStub } from "./auth";
import { clusterStub, CLUSTER_ID, consoleUrl, mintCredential, serverUrl } from "./credentials";
import { kubeconfig } from "./kubeconfig";
import { ownedCluster, clusterQuotaError } from "./clusters";
import { notFoundError, ServiceError } from "./errors";
import type { AccountRecord } from "./account-object";
import type { ClusterSummary, ForkRequest } from "./schemas";
import { DEFAULT_CLUSTER_TTL_HOURS } from "./limits";

const invalidShareToken = () => new ServiceError("unauthorized", "the share token is not valid for this cluster");

/** The source and whether its secrets must be redacted; the same 401 whether or not the cluster exists. */
async function source(env: Env, account: AccountRecord, id: string, shareToken: string | undefined) {
  if (!shareToken) return { summary: await ownedCluster(env, account, id), redactSecrets: false };
  if (!CLUSTER_ID.test(id)) throw invalidShareToken();
  const cred = await clusterStub(env, id).verifyCredential(shareToken);
  if (!cred) throw invalidShareToken();
  return { summary: undefined, redactSecrets: cred.role !== "admin" };
}

/**
 * Restarts the new object so that its components load the imported state (the abort rejects
 * this call; the next one meets a fresh instance), then starts its engine and alarm.
 */
async function restart(env: Env, id: string): Promise<void> {
  await clusterStub(env, id).restart().catch(() => undefined);
  await clusterStub(env, id).clockControl({ action: "get" });
}

export async function forkCluster(env: Env, origin: string, account: AccountRecord, sourceId: string, req: ForkRequest) {
  const src = await source(env, account, sourceId, req.shareToken);
  const from = await clusterStub(env, sourceId).usage();
  if (!from) throw src.summary ? notFoundError(`cluster "${sourceId}"`) : invalidShareToken();
  const id = randomId(12);
  const summary: ClusterSummary = {
    id, name: req.name ?? id, template: from.template, server: serverUrl(origin, id),
    createdAt: new Date().toISOString(), forkedFrom: sourceId, ...(src.summary?.nodes ? { nodes: src.summary.nodes } : {}),
  };
  const acct = accountStub(env, account.id);
  if (!(await acct.addCluster(summary))) throw clusterQuotaError();
  try {
    const dump = await clusterStub(env, sourceId).exportTables({ redactSecrets: src.redactSecrets });
    await clusterStub(env, id).importTables(dump, {
      id, name: summary.name, template: summary.template, owner: account.id, createdAt: summary.createdAt,
    });
    await restart(env, id);
    const expiresAt = await clusterStub(env, id).startExpiry(req.ttlHours ?? DEFAULT_CLUSTER_TTL_HOURS);
    const { token } = await mintCredential(env, id, "admin", "kubernetes-admin", "created with the fork");
    return {
      ...summary, expiresAt: new Date(expiresAt).toISOString(), token,
      consoleUrl: `${consoleUrl(origin, id)}#token=${token}`, kubeconfig: kubeconfig(summary.name, summary.server, token),
    };
  } catch (e) {
    await clusterStub(env, id).erase().catch(() => undefined);
    await acct.removeCluster(id);
    throw e;
  }
}

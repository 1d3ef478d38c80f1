// Service operations on clusters: create (bootstrap + first credential + kubeconfig), list, get,
// delete (erases the cluster's storage) and kubeconfig downloads (each one a new credential).
import type { Env } from "./env";
import { randomId, randomToken } from "../lib/crypto";
import { kubeconfig } from "./kubeconfig";
import { accountStub } from "./auth";
import { notFoundError, ServiceError } from "./errors";
import type { AccountRecord } from "./account-object";
import type { ClusterSummary, CreateClusterRequest } from "./schemas";

export const clusterStub = (env: Env, id: string) => env.CLUSTER.get(env.CLUSTER.idFromName(id));

export const serverUrl = (origin: string, id: string) => `${origin}/clusters/${id}`;

function memoryKi(mem: string | undefined): string | undefined {
  const m = mem?.match(/^(\d+)Gi$/);
  return m ? `${Number(m[1]) * 1048576}Ki` : undefined;
}

export async function createCluster(env: Env, origin: string, account: AccountRecord, req: CreateClusterRequest) {
  const id = randomId(12);
  const name = req.name ?? id;
  const summary: ClusterSummary = {
    id, name, template: req.template ?? "ready", server: serverUrl(origin, id), createdAt: new Date().toISOString(),
  };
  const acct = accountStub(env, account.id);
  if (!(await acct.addCluster(summary))) {
    throw new ServiceError("quota_exceeded", "cluster quota reached: delete a cluster before creating another");
  }
  try {
    const stub = clusterStub(env, id);
    await stub.init({
      id, name, template: summary.template, owner: account.id,
      nodes: req.nodes ? { count: req.nodes.count, cpu: req.nodes.cpu, memory: memoryKi(req.nodes.memory) } : undefined,
    });
    const { token } = await mintCredential(env, id, "kubernetes-admin", "created with the cluster");
    return { ...summary, token, kubeconfig: kubeconfig(name, summary.server, token) };
  } catch (e) {
    await acct.removeCluster(id);
    throw e;
  }
}

export async function mintCredential(env: Env, clusterId: string, username: string, label: string) {
  const token = randomToken("plc");
  const id = randomId(10);
  await clusterStub(env, clusterId).addCredential(token, { id, role: "admin", username, label, createdAt: new Date().toISOString() });
  return { id, token };
}

export async function ownedCluster(env: Env, account: AccountRecord, id: string): Promise<ClusterSummary> {
  const c = await accountStub(env, account.id).getCluster(id);
  if (!c) throw notFoundError(`cluster "${id}"`);
  return c;
}

export async function deleteCluster(env: Env, account: AccountRecord, id: string): Promise<void> {
  await ownedCluster(env, account, id);
  await clusterStub(env, id).erase();
  await accountStub(env, account.id).removeCluster(id);
}

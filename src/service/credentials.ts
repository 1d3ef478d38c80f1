// Minting cluster credentials: a 256-bit token shown once, of which the cluster object keeps only
// the SHA-256 hash. Admin tokens (`plc_<cluster id>_…`) for the owner's kubeconfigs, viewer
// tokens (`pls_<cluster id>_…`) for share links.
import type { Env } from "./env";
import { randomId, randomToken } from "../lib/crypto";
import type { Role } from "../cluster/apiserver/authz";

export const clusterStub = (env: Env, id: string) => env.CLUSTER.get(env.CLUSTER.idFromName(id));

export const serverUrl = (origin: string, id: string) => `${origin}/clusters/${id}`;

/** The cluster's web console; opened without a token, the page mints one with the account's. */
export const consoleUrl = (origin: string, id: string) => `${origin}/c/${id}`;

/** Cluster ids as randomId(12) makes them; anything else names no cluster. */
export const CLUSTER_ID = /^[a-z0-9]{12}$/;

const CLUSTER_TOKEN = /^pl[cs]_([a-z0-9]{12})_[A-Za-z0-9_-]{43}$/;

/** The cluster a credential's token names (`plc_<cluster id>_…` / `pls_<cluster id>_…`), as accountIdOf for accounts. */
export function clusterIdOf(token: string | undefined): string | undefined {
  return token?.match(CLUSTER_TOKEN)?.[1];
}

export async function mintCredential(env: Env, clusterId: string, role: Role, username: string, label: string, id = randomId(10)) {
  // The cluster id is in the token so that requests to the API's own paths (kubectl get --raw
  // /version asks for /version, without the server URL's /clusters/<id>) find their cluster.
  const token = randomToken(`${role === "admin" ? "plc" : "pls"}_${clusterId}`);
  await clusterStub(env, clusterId).addCredential(token, { id, role, username, label, createdAt: new Date().toISOString() });
  return { id, token };
}

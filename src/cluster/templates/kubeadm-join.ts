// What `kubeadm join <endpoint> --token <id>.<secret> --discovery-token-ca-cert-hash sha256:<h>` on
// a worker host does to the cluster: token discovery (the token is checked against the bootstrap
// token Secrets, the CA against the pinned hash, as kubeadm's discovery/token does), then the
// node's kubelet registers the Node (NotReady until a CNI plugin runs; podCIDR from the controller
// manager when the cluster has a pod subnet) and its Lease. kube-proxy's DaemonSet does the rest.
// Upstream: cmd/kubeadm/app/cmd/join.go, cmd/kubeadm/app/discovery/token/token.go.
import { findResource } from "../apiserver/resources";
import type { KObject } from "../apiserver/registry/types";
import { findHost, listHosts, setHostRole } from "./hosts";
import { caCertHash, settingsFrom } from "./kubeadm-config";
import { NOT_READY, nodePodCIDR, nodeRole, preflightErrors, type KubeadmDeps } from "./kubeadm-init";
import { TemplateWriter, registerNode } from "./parts";

export interface JoinRequest {
  host: string;
  /** host:port of the API server as given on the command line. */
  endpoint: string;
  token: string;
  caCertHashes: string[];
  /** --discovery-token-unsafe-skip-ca-verification */
  skipCAVerification?: boolean;
}

export type JoinResult = { ok: true; nodeName: string } | { ok: false; preflight: string[] } | { ok: false; discovery: string };

const unb64 = (s: unknown) => (typeof s === "string" ? atob(s) : "");

/** The discovery error for a token, or undefined when it names a valid bootstrap token. */
function tokenProblem(secret: KObject | undefined, tokenSecret: string, now: Date): string | undefined {
  const id = unb64(secret?.data?.["token-id"]);
  const expires = Date.parse(unb64(secret?.data?.expiration));
  if (!secret || secret.type !== "bootstrap.kubernetes.io/token" || (Number.isFinite(expires) && expires <= now.getTime())) {
    return `could not find a JWS signature in the cluster-info ConfigMap for token ID "${id || "?"}"`;
  }
  if (unb64(secret.data?.["token-secret"]) !== tokenSecret) return "failed to verify JWS signature of received cluster info object, can't trust this API Server";
  return undefined;
}

export async function kubeadmJoin(d: KubeadmDeps, req: JoinRequest): Promise<JoinResult> {
  const host = findHost(d.sql, req.host);
  if (!host) return { ok: false, preflight: preflightErrors(nodeRole(d, req.host) ?? "worker", false) };
  if (host.role !== "none") return { ok: false, preflight: preflightErrors(host.role, false) };
  const cp = listHosts(d.sql).find((h) => h.role === "control-plane");
  const secretsRi = findResource("", "v1", "secrets")!;
  const configmaps = findResource("", "v1", "configmaps")!;
  const info = cp ? d.registry.find(configmaps, "kube-public", "cluster-info") : undefined;
  const server = /server: https:\/\/(\S+)/.exec(String(info?.data?.kubeconfig ?? ""))?.[1];
  const url = `https://${req.endpoint}/api/v1/namespaces/kube-public/configmaps/cluster-info?timeout=10s`;
  if (!server || server !== req.endpoint) {
    return { ok: false, discovery: `Get "${url}": dial tcp ${req.endpoint}: connect: connection refused` };
  }
  const [id, secret] = req.token.split(".") as [string, string];
  const problem = tokenProblem(d.registry.find(secretsRi, "kube-system", `bootstrap-token-${id}`), secret, d.now);
  if (problem) return { ok: false, discovery: problem.replace('"?"', `"${id}"`) };
  const pin = `sha256:${await caCertHash()}`;
  if (!req.skipCAVerification && !req.caCertHashes.includes(pin)) return { ok: false, discovery: `cluster CA found in cluster-info ConfigMap is invalid: none of the public keys "${pin}" are pinned` };
  const settings = settingsFrom(d.registry.find(configmaps, "kube-system", "kubeadm-config"));
  const w = new TemplateWriter(d.registry, d.now, d.hex);
  registerNode(w, { ...host.shape, controlPlane: false, podCIDR: nodePodCIDR(settings.podSubnet, joinedHosts(d)) }, { ready: NOT_READY });
  setHostRole(d.sql, host.name, "worker", d.now.getTime());
  return { ok: true, nodeName: host.name };
}

/** How many nodes already hold a podCIDR (the controller manager allocates the next /24). */
function joinedHosts(d: KubeadmDeps): number {
  return listHosts(d.sql).filter((h) => h.role !== "none").length;
}

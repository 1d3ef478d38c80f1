// The hosts of a kubeadm-template cluster as the cluster object serves them to its terminal (and
// to any admin credential): `GET /hosts` lists the machines, `POST /hosts/<name>/kubeadm/init` and
// `POST /hosts/<name>/kubeadm/join` run kubeadm's cluster side on one of them. Before `kubeadm
// init`, every Kubernetes API request is answered 503 ServiceUnavailable (nothing serves :6443).
// No upstream file: this is the machines' side of the simulation.
import { json, statusResponse } from "../apiserver/responses";
import { StatusError, badRequest, unauthorized } from "../apiserver/status";
import type { Credential } from "../credentials";
import { awaitingInit, listHosts, notInitializedMessage } from "./hosts";
import { kubeadmInit, type KubeadmDeps } from "./kubeadm-init";
import { kubeadmJoin } from "./kubeadm-join";

export interface HostApiDeps {
  sql: SqlStorage;
  verify(token: string): Promise<Credential | undefined>;
  /** What kubeadm acts with, at the clock's current time. */
  kubeadm(): KubeadmDeps;
}

const bearer = (req: Request) => /^Bearer (.+)$/i.exec(req.headers.get("authorization") ?? "")?.[1] ?? "";

/**
 * Answers /hosts requests and, while the control plane is not initialized, every Kubernetes API
 * request; undefined lets the API server handle the request.
 */
export async function hostsGate(req: Request, path: string, d: HostApiDeps): Promise<Response | undefined> {
  const hostPath = path === "/hosts" || path.startsWith("/hosts/");
  if (!hostPath && !awaitingInit(d.sql)) return undefined;
  const cred = await d.verify(bearer(req));
  if (!cred) return statusResponse(unauthorized());
  if (!hostPath) return statusResponse(new StatusError("ServiceUnavailable", notInitializedMessage(d.sql)));
  if (cred.role !== "admin") return statusResponse(new StatusError("Forbidden", `User "${cred.username}" cannot run commands on the cluster's hosts`));
  if (req.method === "GET" && path === "/hosts") {
    return json({ items: listHosts(d.sql).map((h) => ({ name: h.name, ip: h.shape.internalIP, role: h.role })) });
  }
  const m = /^\/hosts\/([a-z0-9-]+)\/kubeadm\/(init|join)$/.exec(path);
  if (!m || req.method !== "POST") return statusResponse(new StatusError("NotFound", "the server could not find the requested resource"));
  let body: Record<string, unknown>;
  try { body = (await req.json()) as Record<string, unknown>; } catch { return statusResponse(badRequest("the request body is not JSON")); }
  const str = (k: string) => (typeof body[k] === "string" && body[k] ? (body[k] as string) : undefined);
  if (m[2] === "init") {
    return json(await kubeadmInit(d.kubeadm(), {
      host: m[1]!, podNetworkCidr: str("podNetworkCidr"), advertiseAddress: str("advertiseAddress"), kubernetesVersion: str("kubernetesVersion"),
    }));
  }
  const hashes = Array.isArray(body.caCertHashes) ? body.caCertHashes.filter((h): h is string => typeof h === "string") : [];
  return json(await kubeadmJoin(d.kubeadm(), { host: m[1]!, endpoint: str("endpoint") ?? "", token: str("token") ?? "", caCertHashes: hashes, skipCAVerification: body.skipCAVerification === true }));
}

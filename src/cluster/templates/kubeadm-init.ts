// What `kubeadm init` on the control-plane host leaves in a kubeadm-template cluster: the API
// server's namespaces and priority classes, the control-plane node as its kubelet registers it
// (NotReady until a CNI plugin runs, tainted node-role.kubernetes.io/control-plane:NoSchedule and,
// by TaintNodesByCondition, node.kubernetes.io/not-ready:NoSchedule), the static pods' mirror pods,
// the uploaded kubeadm-config and kubelet-config, the bootstrap token and cluster-info, CoreDNS and
// kube-proxy, the controller manager's default service accounts and kube-root-ca.crt, and the
// kubernetes Service. Upstream: cmd/kubeadm/app/cmd/init.go and its phases.
import type { GenericRegistry } from "../apiserver/generic-registry";
import { findResource } from "../apiserver/resources";
import { NETWORK_NOT_READY_MESSAGE } from "../network/state";
import { findHost, setHostRole, listHosts } from "./hosts";
import { DEFAULT_SERVICE_SUBNET, bootstrapTokenSecret, caCertHash, clusterInfoConfigMap, kubeadmConfigMap, kubeletConfigMap, type ClusterSettings } from "./kubeadm-config";
import { bootstrapPolicy, kubeadmRBAC } from "./rbac";
import { TemplateWriter, essentialAddons, kubernetesService, namespaceDefaults, priorityClasses, registerNode, systemNamespaces, type StaticPodsFn } from "./parts";
import type { NodeShape, ReadyCondition } from "./nodes";

export const NOT_READY: ReadyCondition = { status: "False", reason: "KubeletNotReady", message: NETWORK_NOT_READY_MESSAGE };
const TOKEN_TTL_MS = 24 * 3600_000;

export interface KubeadmDeps {
  registry: GenericRegistry;
  sql: SqlStorage;
  now: Date;
  hex(n: number): string;
  /** A uniformly random number in [0, 1) (bootstrap tokens). */
  random(): number;
  staticPods?: StaticPodsFn;
}

export interface InitRequest {
  host: string;
  podNetworkCidr?: string;
  advertiseAddress?: string;
  kubernetesVersion?: string;
}

/** What the terminal's kubeadm prints from: the outcome of init on the host. */
export type InitResult =
  | { ok: true; nodeName: string; ip: string; version: string; token: string; caHash: string; podSubnet?: string }
  | { ok: false; preflight: string[] };

export function randomToken(random: () => number): string {
  const abc = "0123456789abcdefghijklmnopqrstuvwxyz";
  const pick = (n: number) => Array.from({ length: n }, () => abc[Math.floor(random() * abc.length)]).join("");
  return `${pick(6)}.${pick(16)}`;
}

/** The first /24 of the pod network for the n-th node (the controller manager's node IPAM, mask 24). */
export function nodePodCIDR(podSubnet: string | undefined, index: number): string | undefined {
  const m = podSubnet?.match(/^(\d+)\.(\d+)\.\d+\.\d+\/(\d+)$/);
  if (!m || Number(m[3]) > 24) return undefined;
  const base = Number(m[1]) * 256 + Number(m[2]);
  const n = base * 256 + index;
  return `${Math.floor(n / 65536)}.${Math.floor(n / 256) % 256}.${n % 256}.0/24`;
}

/** Preflight's fatal errors on a host kubeadm already set up (ports in use, files present). */
export function preflightErrors(role: "control-plane" | "worker", init: boolean): string[] {
  if (init && role === "control-plane") {
    return ["Port-6443]: Port 6443 is in use", "Port-10259]: Port 10259 is in use", "Port-10257]: Port 10257 is in use",
      ...["kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd"].map((c) => `FileAvailable--etc-kubernetes-manifests-${c}.yaml]: /etc/kubernetes/manifests/${c}.yaml already exists`),
      "Port-10250]: Port 10250 is in use", "Port-2379]: Port 2379 is in use", "Port-2380]: Port 2380 is in use", "DirAvailable--var-lib-etcd]: /var/lib/etcd is not empty"];
  }
  return [...(init ? [] : ["FileAvailable--etc-kubernetes-kubelet.conf]: /etc/kubernetes/kubelet.conf already exists"]), "Port-10250]: Port 10250 is in use", "FileAvailable--etc-kubernetes-pki-ca.crt]: /etc/kubernetes/pki/ca.crt already exists"];
}

/** The role of a machine that is a node of a "ready" cluster (no host records). */
export function nodeRole(d: KubeadmDeps, name: string): "control-plane" | "worker" | undefined {
  const node = d.registry.find(findResource("", "v1", "nodes")!, undefined, name);
  if (!node) return undefined;
  return node.metadata.labels?.["node-role.kubernetes.io/control-plane"] !== undefined ? "control-plane" : "worker";
}

export async function kubeadmInit(d: KubeadmDeps, req: InitRequest): Promise<InitResult> {
  const host = findHost(d.sql, req.host);
  if (!host) return { ok: false, preflight: preflightErrors(nodeRole(d, req.host) ?? "worker", true) };
  if (host.role !== "none") return { ok: false, preflight: preflightErrors(host.role, true) };
  if (listHosts(d.sql).some((h) => h.role === "control-plane")) return { ok: false, preflight: ["Port-10250]: Port 10250 is in use"] };
  const settings: ClusterSettings = {
    version: req.kubernetesVersion ?? "v1.32.4",
    podSubnet: req.podNetworkCidr,
    serviceSubnet: DEFAULT_SERVICE_SUBNET,
    advertiseAddress: req.advertiseAddress ?? host.shape.internalIP,
  };
  const shape: NodeShape = { ...host.shape, controlPlane: true, podCIDR: nodePodCIDR(settings.podSubnet, 0) };
  const token = randomToken(d.random);
  const w = new TemplateWriter(d.registry, d.now, d.hex);
  systemNamespaces(w);
  priorityClasses(w);
  bootstrapPolicy(w);
  kubernetesService(w, settings.advertiseAddress);
  registerNode(w, shape, { ready: NOT_READY, staticPods: d.staticPods, podSubnet: settings.podSubnet });
  w.create("", "configmaps", "kube-system", kubeadmConfigMap(settings), "kubeadm");
  w.create("", "configmaps", "kube-system", kubeletConfigMap(), "kubeadm");
  w.create("", "secrets", "kube-system", bootstrapTokenSecret(token, new Date(d.now.getTime() + TOKEN_TTL_MS)), "kubeadm");
  w.create("", "configmaps", "kube-public", clusterInfoConfigMap(`${settings.advertiseAddress}:6443`), "kubeadm");
  essentialAddons(w, settings.podSubnet ?? "");
  kubeadmRBAC(w);
  namespaceDefaults(w);
  setHostRole(d.sql, host.name, "control-plane", d.now.getTime());
  return { ok: true, nodeName: host.name, ip: settings.advertiseAddress, version: settings.version, token, caHash: await caCertHash(), ...(settings.podSubnet ? { podSubnet: settings.podSubnet } : {}) };
}

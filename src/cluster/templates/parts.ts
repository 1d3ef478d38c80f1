// The pieces a cluster's bootstrap is made of, shared by the "ready" template (bootstrap.ts) and
// `kubeadm init`/`join` (kubeadm-init.ts, kubeadm-join.ts): the system namespaces and priority
// classes the API server creates, the default service accounts and kube-root-ca.crt of the
// controller manager, the kubernetes Service, a node as its kubelet registers it (with its Lease
// and, on a control plane, the static pods' mirror pods) and kubeadm's CoreDNS and kube-proxy
// addons. Every object goes through the API server's registry, so defaults and validation apply.
// Upstream: pkg/controlplane/controller (kubernetes Service, system namespaces),
// pkg/kubelet/kubelet_node_status.go (registerWithAPIServer), cmd/kubeadm/app/phases/addons.
import type { GenericRegistry } from "../apiserver/generic-registry";
import { findResource } from "../apiserver/resources";
import type { KObject } from "../apiserver/registry/types";
import type { UserInfo } from "../apiserver/admission/types";
import { NODE_DEFAULTS, nodeObject, type NodeShape, type ReadyCondition } from "./nodes";
import { coreDNS, kubeProxy, PRIORITY_CLASSES } from "./kube-system";
import { CLUSTER_CA_PEM } from "./ca";

export const SYSTEM_NAMESPACES = ["default", "kube-node-lease", "kube-public", "kube-system"];
const SYSTEM_USER: UserInfo = { username: "system:apiserver", groups: ["system:masters"] };
const ROOT_CA_DESCRIPTION = "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.";

export type StaticPodsFn = (node: string, now: Date, o: { ip: string; nodeUid: string; version: string; podSubnet?: string }) => KObject[];

/** Writes objects through the registry as the named field manager (system:masters). */
export class TemplateWriter {
  constructor(readonly registry: GenericRegistry, readonly now: Date, readonly hex: (n: number) => string) {}

  create(group: string, resource: string, ns: string | undefined, obj: KObject, manager = "kube-apiserver"): KObject {
    return this.registry.create(ri(group, resource), ns, obj, { user: SYSTEM_USER, fieldManager: manager });
  }

  update(group: string, resource: string, ns: string | undefined, obj: KObject, manager: string, subresource?: string): KObject {
    return this.registry.update(ri(group, resource), ns, obj.metadata.name, obj, { user: SYSTEM_USER, fieldManager: manager, ...(subresource ? { subresource } : {}) });
  }

  get stamp(): string { return this.now.toISOString().replace(/\.\d{3}Z$/, "Z"); }
}

const ri = (group: string, resource: string) => findResource(group, "v1", resource)!;

export function systemNamespaces(w: TemplateWriter): void {
  for (const name of SYSTEM_NAMESPACES) {
    w.create("", "namespaces", undefined, { metadata: { name, labels: { "kubernetes.io/metadata.name": name } } });
  }
}

export function priorityClasses(w: TemplateWriter): void {
  for (const pc of PRIORITY_CLASSES) w.create("scheduling.k8s.io", "priorityclasses", undefined, pc);
}

/** The controller manager's default ServiceAccount and kube-root-ca.crt in each system namespace. */
export function namespaceDefaults(w: TemplateWriter): void {
  for (const ns of SYSTEM_NAMESPACES) {
    w.create("", "serviceaccounts", ns, { metadata: { name: "default" } }, "kube-controller-manager");
    w.create("", "configmaps", ns, { metadata: { name: "kube-root-ca.crt", annotations: { "kubernetes.io/description": ROOT_CA_DESCRIPTION } }, data: { "ca.crt": CLUSTER_CA_PEM } }, "kube-controller-manager");
  }
}

/** The kubernetes Service in default, its Endpoints and EndpointSlice on the API server's address. */
export function kubernetesService(w: TemplateWriter, apiServerIP: string): void {
  w.create("", "services", "default", {
    metadata: { name: "kubernetes", labels: { component: "apiserver", provider: "kubernetes" } },
    spec: { clusterIP: "10.96.0.1", clusterIPs: ["10.96.0.1"], type: "ClusterIP", sessionAffinity: "None", ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }] },
  });
  w.create("", "endpoints", "default", {
    metadata: { name: "kubernetes", labels: { "endpointslice.kubernetes.io/skip-mirror": "true" } },
    subsets: [{ addresses: [{ ip: apiServerIP }], ports: [{ name: "https", port: 6443, protocol: "TCP" }] }],
  });
  w.create("discovery.k8s.io", "endpointslices", "default", {
    metadata: { name: "kubernetes", labels: { "kubernetes.io/service-name": "kubernetes" } },
    addressType: "IPv4",
    endpoints: [{ addresses: [apiServerIP], conditions: { ready: true } }],
    ports: [{ name: "https", port: 6443, protocol: "TCP" }],
  });
}

export interface RegisterOptions {
  ready?: ReadyCondition;
  /** Lift the not-ready taint TaintNodesByCondition put on the new node (the ready template's history). */
  liftNotReadyTaint?: boolean;
  staticPods?: StaticPodsFn;
  podSubnet?: string;
}

/** A node as its kubelet registers it: the Node, its status, its Lease; a control plane's mirror pods. */
export function registerNode(w: TemplateWriter, shape: NodeShape, o: RegisterOptions = {}): KObject {
  const node = nodeObject(shape, uuidFromHex(w.hex(32)), w.hex(32), w.stamp, o.ready) as KObject;
  const created = w.create("", "nodes", undefined, { ...node, status: undefined } as KObject, "kubelet");
  const withStatus = w.update("", "nodes", undefined, { ...created, status: node.status }, "kubelet", "status");
  if (o.liftNotReadyTaint) {
    const taints = (withStatus.spec?.taints ?? []).filter((t: KObject) => t.key !== "node.kubernetes.io/not-ready");
    w.update("", "nodes", undefined, { ...withStatus, spec: { ...withStatus.spec, taints: taints.length ? taints : undefined } }, "kube-controller-manager");
  }
  w.create("coordination.k8s.io", "leases", "kube-node-lease", {
    metadata: { name: shape.name, ownerReferences: [{ apiVersion: "v1", kind: "Node", name: shape.name, uid: created.metadata.uid }] },
    spec: { holderIdentity: shape.name, leaseDurationSeconds: 40, renewTime: w.now.toISOString().replace("Z", "000Z") },
  }, "kubelet");
  if (shape.controlPlane && o.staticPods) {
    for (const pod of o.staticPods(shape.name, w.now, { ip: shape.internalIP, nodeUid: created.metadata.uid, version: NODE_DEFAULTS.kubeletVersion, podSubnet: o.podSubnet })) {
      w.create("", "pods", "kube-system", pod, "kubelet");
    }
  }
  return created;
}

/** kubeadm's essential addons: CoreDNS (Deployment, kube-dns Service, Corefile) and kube-proxy. */
export function essentialAddons(w: TemplateWriter, clusterCIDR = "10.244.0.0/16"): void {
  for (const sa of ["coredns", "kube-proxy"]) w.create("", "serviceaccounts", "kube-system", { metadata: { name: sa } }, "kubeadm");
  const dns = coreDNS();
  w.create("", "configmaps", "kube-system", dns.configMap, "kubeadm");
  w.create("", "services", "kube-system", dns.service, "kubeadm");
  w.create("apps", "deployments", "kube-system", dns.deployment, "kubeadm");
  const proxy = kubeProxy(NODE_DEFAULTS.kubeletVersion, clusterCIDR);
  w.create("", "configmaps", "kube-system", proxy.configMap, "kubeadm");
  w.create("apps", "daemonsets", "kube-system", proxy.daemonSet, "kubeadm");
}

export function uuidFromHex(h: string): string {
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

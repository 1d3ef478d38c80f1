// What a new cluster holds before anyone touches it: what `kubeadm init` and the first
// minutes of the control plane leave behind (namespaces, default service accounts,
// kube-root-ca.crt, the kubernetes Service and its endpoints, nodes and their leases).
// Every object goes through the API server's registry, so defaults and validation apply.
import type { GenericRegistry } from "../apiserver/generic-registry";
import { findResource } from "../apiserver/resources";
import type { KObject } from "../apiserver/registry/types";
import type { UserInfo } from "../apiserver/admission/types";
import { NODE_DEFAULTS, nodeObject, nodeShapes, type NodeRequest } from "./nodes";
import { coreDNS, kubeProxy, PRIORITY_CLASSES } from "./kube-system";
import { CLUSTER_CA_PEM } from "./ca";

export const SYSTEM_NAMESPACES = ["default", "kube-node-lease", "kube-public", "kube-system"];
const SYSTEM_USER: UserInfo = { username: "system:apiserver", groups: ["system:masters"] };

const ri = (group: string, resource: string) => findResource(group, "v1", resource)!;

export interface BootstrapOptions {
  nodes?: NodeRequest;
  hex: (n: number) => string;
  /** The control-plane node's static pods (kubeadm's manifests), created as the kubelet's mirror pods. */
  staticPods?: (node: string, now: Date, o: { ip: string; nodeUid: string; version: string }) => KObject[];
}

export function bootstrapCluster(registry: GenericRegistry, now: Date, opts: BootstrapOptions): void {
  const create = (group: string, resource: string, ns: string | undefined, obj: KObject, manager = "kube-apiserver") =>
    registry.create(ri(group, resource), ns, obj, { user: SYSTEM_USER, fieldManager: manager });
  const setStatus = (group: string, resource: string, ns: string | undefined, obj: KObject, manager: string) =>
    registry.update(ri(group, resource), ns, obj.metadata.name, obj, { user: SYSTEM_USER, fieldManager: manager, subresource: "status" });

  for (const name of SYSTEM_NAMESPACES) {
    create("", "namespaces", undefined, { metadata: { name, labels: { "kubernetes.io/metadata.name": name } } });
  }
  for (const pc of PRIORITY_CLASSES) create("scheduling.k8s.io", "priorityclasses", undefined, pc);
  for (const ns of SYSTEM_NAMESPACES) {
    create("", "serviceaccounts", ns, { metadata: { name: "default" } }, "kube-controller-manager");
    create("", "configmaps", ns, {
      metadata: { name: "kube-root-ca.crt", annotations: { "kubernetes.io/description": "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters." } },
      data: { "ca.crt": CLUSTER_CA_PEM },
    }, "kube-controller-manager");
  }
  const shapes = nodeShapes(opts.nodes);
  const cp = shapes[0];
  create("", "services", "default", {
    metadata: { name: "kubernetes", labels: { component: "apiserver", provider: "kubernetes" } },
    spec: {
      clusterIP: "10.96.0.1", clusterIPs: ["10.96.0.1"], type: "ClusterIP", sessionAffinity: "None",
      ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
    },
  });
  create("", "endpoints", "default", {
    metadata: { name: "kubernetes", labels: { "endpointslice.kubernetes.io/skip-mirror": "true" } },
    subsets: [{ addresses: [{ ip: cp.internalIP }], ports: [{ name: "https", port: 6443, protocol: "TCP" }] }],
  });
  create("discovery.k8s.io", "endpointslices", "default", {
    metadata: { name: "kubernetes", labels: { "kubernetes.io/service-name": "kubernetes" } },
    addressType: "IPv4",
    endpoints: [{ addresses: [cp.internalIP], conditions: { ready: true } }],
    ports: [{ name: "https", port: 6443, protocol: "TCP" }],
  });

  const stamp = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  for (const shape of shapes) {
    const node = nodeObject(shape, uuidFromHex(opts.hex(32)), opts.hex(32), stamp) as KObject;
    const created = create("", "nodes", undefined, { ...node, status: undefined } as KObject, "kubelet");
    const ready = setStatus("", "nodes", undefined, { ...created, status: node.status }, "kubelet");
    // The node lifecycle controller lifts the not-ready taint TaintNodesByCondition put on the
    // new node once its kubelet reports Ready, as it did within seconds of `kubeadm join`.
    const taints = (ready.spec?.taints ?? []).filter((t: KObject) => t.key !== "node.kubernetes.io/not-ready");
    registry.update(ri("", "nodes"), undefined, ready.metadata.name, { ...ready, spec: { ...ready.spec, taints: taints.length ? taints : undefined } },
      { user: SYSTEM_USER, fieldManager: "kube-controller-manager" });
    create("coordination.k8s.io", "leases", "kube-node-lease", {
      metadata: { name: shape.name, ownerReferences: [{ apiVersion: "v1", kind: "Node", name: shape.name, uid: created.metadata.uid }] },
      spec: { holderIdentity: shape.name, leaseDurationSeconds: 40, renewTime: now.toISOString().replace("Z", "000Z") },
    }, "kubelet");
    if (shape.controlPlane && opts.staticPods) {
      for (const pod of opts.staticPods(shape.name, now, { ip: shape.internalIP, nodeUid: created.metadata.uid, version: NODE_DEFAULTS.kubeletVersion })) {
        create("", "pods", "kube-system", pod, "kubelet");
      }
    }
  }
  for (const sa of ["coredns", "kube-proxy"]) create("", "serviceaccounts", "kube-system", { metadata: { name: sa } }, "kubeadm");
  const dns = coreDNS();
  create("", "configmaps", "kube-system", dns.configMap, "kubeadm");
  create("", "services", "kube-system", dns.service, "kubeadm");
  create("apps", "deployments", "kube-system", dns.deployment, "kubeadm");
  const proxy = kubeProxy(NODE_DEFAULTS.kubeletVersion);
  create("", "configmaps", "kube-system", proxy.configMap, "kubeadm");
  create("apps", "daemonsets", "kube-system", proxy.daemonSet, "kubeadm");
}

function uuidFromHex(h: string): string {
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

// The RBAC objects of a new cluster: the API server's bootstrap policy (rbac-policy.ts) and what
// `kubeadm init` adds (cmd/kubeadm/app/phases/bootstraptoken/{node,clusterinfo}, uploadconfig,
// kubelet, addons/proxy and addons/dns, and the kubeadm:cluster-admins binding of
// phases/kubeconfig), created through the registry like every template object. They are data:
// Podlab authorizes requests by the cluster token, not by these bindings.
import type { KObject } from "../apiserver/registry/types";
import type { TemplateWriter } from "./parts";
import { bootstrapClusterRoleBindings, bootstrapClusterRoles, rbacRefs, type Subject } from "./rbac-policy";

const { group, roleRef, rule, RBAC } = rbacRefs;
const NODE_TOKEN_GROUP = "system:bootstrappers:kubeadm:default-node-token";
const sa = (namespace: string, name: string): Subject => ({ kind: "ServiceAccount", name, namespace });

/** What the API server's RBAC post-start hook writes into an empty cluster. */
export function bootstrapPolicy(w: TemplateWriter): void {
  for (const role of bootstrapClusterRoles()) w.create(RBAC, "clusterroles", undefined, role);
  for (const binding of bootstrapClusterRoleBindings()) w.create(RBAC, "clusterrolebindings", undefined, binding);
}

const crb = (name: string, role: string, subjects: Subject[]) => ({ metadata: { name }, roleRef: roleRef("ClusterRole", role), subjects });
const rb = (name: string, role: string, subjects: Subject[]) => ({ metadata: { name }, roleRef: roleRef("Role", role), subjects });
const configMapReader = (name: string, configMap: string) => ({ metadata: { name }, rules: [rule([""], ["configmaps"], ["get"], [configMap])] });

/** The ClusterRoles, Roles and bindings kubeadm init creates, as kubeadm does (field manager "kubeadm"). */
export function kubeadmRBAC(w: TemplateWriter): void {
  const cluster = (res: string, obj: KObject) => w.create(RBAC, res, undefined, obj, "kubeadm");
  const ns = (namespace: string, res: string, obj: KObject) => w.create(RBAC, res, namespace, obj, "kubeadm");
  cluster("clusterrolebindings", crb("kubeadm:cluster-admins", "cluster-admin", [group("kubeadm:cluster-admins")]));
  ns("kube-system", "roles", configMapReader("kubeadm:nodes-kubeadm-config", "kubeadm-config"));
  ns("kube-system", "rolebindings", rb("kubeadm:nodes-kubeadm-config", "kubeadm:nodes-kubeadm-config", [group(NODE_TOKEN_GROUP), group("system:nodes")]));
  ns("kube-system", "roles", configMapReader("kubeadm:kubelet-config", "kubelet-config"));
  ns("kube-system", "rolebindings", rb("kubeadm:kubelet-config", "kubeadm:kubelet-config", [group("system:nodes"), group(NODE_TOKEN_GROUP)]));
  cluster("clusterroles", { metadata: { name: "kubeadm:get-nodes" }, rules: [rule([""], ["nodes"], ["get"])] });
  cluster("clusterrolebindings", crb("kubeadm:get-nodes", "kubeadm:get-nodes", [group(NODE_TOKEN_GROUP)]));
  cluster("clusterrolebindings", crb("kubeadm:kubelet-bootstrap", "system:node-bootstrapper", [group(NODE_TOKEN_GROUP)]));
  cluster("clusterrolebindings", crb("kubeadm:node-autoapprove-bootstrap", "system:certificates.k8s.io:certificatesigningrequests:nodeclient", [group(NODE_TOKEN_GROUP)]));
  cluster("clusterrolebindings", crb("kubeadm:node-autoapprove-certificate-rotation", "system:certificates.k8s.io:certificatesigningrequests:selfnodeclient", [group("system:nodes")]));
  ns("kube-public", "roles", configMapReader("kubeadm:bootstrap-signer-clusterinfo", "cluster-info"));
  ns("kube-public", "rolebindings", rb("kubeadm:bootstrap-signer-clusterinfo", "kubeadm:bootstrap-signer-clusterinfo", [{ kind: "User", apiGroup: RBAC, name: "system:anonymous" }]));
  // Addons: CoreDNS reads services and endpoints; kube-proxy reads its ConfigMap and proxies.
  cluster("clusterroles", {
    metadata: { name: "system:coredns" },
    rules: [rule([""], ["endpoints", "services", "pods", "namespaces"], ["list", "watch"]), rule(["discovery.k8s.io"], ["endpointslices"], ["list", "watch"])],
  });
  cluster("clusterrolebindings", crb("system:coredns", "system:coredns", [sa("kube-system", "coredns")]));
  cluster("clusterrolebindings", crb("kubeadm:node-proxier", "system:node-proxier", [sa("kube-system", "kube-proxy")]));
  ns("kube-system", "roles", configMapReader("kube-proxy", "kube-proxy"));
  ns("kube-system", "rolebindings", rb("kube-proxy", "kube-proxy", [group(NODE_TOKEN_GROUP)]));
}

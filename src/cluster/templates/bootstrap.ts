// The "ready" template: what a new cluster holds before anyone touches it, i.e. what `kubeadm
// init`, `kubeadm join` on every worker, a CNI plugin and the first minutes of the control plane
// leave behind (namespaces, RBAC bootstrap policy and kubeadm's bindings, default service accounts,
// kube-root-ca.crt, the kubernetes Service and its endpoints, Ready nodes and their leases, static
// pods, CoreDNS and kube-proxy).
// Built from the shared pieces in parts.ts.
import type { GenericRegistry } from "../apiserver/generic-registry";
import { nodeShapes, type NodeRequest } from "./nodes";
import { bootstrapPolicy, kubeadmRBAC } from "./rbac";
import { TemplateWriter, essentialAddons, kubernetesService, namespaceDefaults, priorityClasses, registerNode, systemNamespaces, type StaticPodsFn } from "./parts";

export { SYSTEM_NAMESPACES } from "./parts";

export interface BootstrapOptions {
  nodes?: NodeRequest;
  hex: (n: number) => string;
  /** The control-plane node's static pods (kubeadm's manifests), created as the kubelet's mirror pods. */
  staticPods?: StaticPodsFn;
}

export function bootstrapCluster(registry: GenericRegistry, now: Date, opts: BootstrapOptions): void {
  const w = new TemplateWriter(registry, now, opts.hex);
  systemNamespaces(w);
  priorityClasses(w);
  bootstrapPolicy(w);
  namespaceDefaults(w);
  const shapes = nodeShapes(opts.nodes);
  kubernetesService(w, shapes[0]!.internalIP);
  // The node lifecycle controller lifted the not-ready taint once each kubelet reported Ready,
  // within seconds of its `kubeadm join`.
  for (const shape of shapes) registerNode(w, shape, { liftNotReadyTaint: true, staticPods: opts.staticPods });
  essentialAddons(w);
  kubeadmRBAC(w);
}

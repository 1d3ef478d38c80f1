// The kubelet's public face for the cluster object: the engine component that runs every
// node's pods, the node proxy the API server uses for logs/exec/attach, the static control-plane
// pods for bootstrap, and the node lifecycle controller (src/cluster/controllers/node-lifecycle.ts).
import type { Component } from "../engine/component";
import { kubeletComponent, type KubeletOptions } from "./component";

export { kubeletComponent, type KubeletOptions } from "./component";
export { createNodeProxy, type NodeProxyDeps } from "./node-proxy";
export { staticPods, type StaticPodOptions } from "./static-pods";
export { nodeLifecycleController, nodeLifecycleComponent, markNodeNotReady, markNodeReady } from "../controllers/node-lifecycle";

/** Every node's kubelet as engine components (one component serves all nodes, present and future). */
export function kubeletComponents(opts: KubeletOptions): Component[] {
  return [kubeletComponent(opts)];
}

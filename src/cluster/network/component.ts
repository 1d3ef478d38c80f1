// The kubelet's network readiness on each node as an engine component: while no CNI plugin runs
// on a node of a kubeadm-made cluster, the node's kubelet reports Ready=False (KubeletNotReady,
// "container runtime network not ready: ... cni plugin not initialized"); once the plugin's agent
// container runs there, the network is ready for good, the kubelet reports Ready=True
// (KubeletReady) with a NodeReady event, and the node lifecycle controller lifts the not-ready
// taint. Upstream: pkg/kubelet/nodestatus/setters.go ReadyCondition, kubelet.go updateRuntimeUp.
import type { Component, ComponentContext } from "../engine/component";
import { ApiClient } from "../engine/client";
import type { KObject } from "../apiserver/registry/types";
import { EventRecorder, apiEventWriter } from "../events/recorder";
import { rfc3339 } from "../apiserver/object-meta";
import { pluginOf } from "./plugins";
import { NETWORK_NOT_READY_MESSAGE, cniRequired, markNetworkReady, networkedNodes, networkReady } from "./state";

const nodes = ApiClient.resource("", "nodes");
const pods = ApiClient.resource("", "pods");
export const NETWORK_COMPONENT = "network-readiness";

export function networkComponent(sql: SqlStorage): Component {
  return {
    name: NETWORK_COMPONENT,
    watches: [
      { resource: pods, keys: (o) => (o.spec?.nodeName && pluginOf(o) && cniRequired(sql) ? [o.spec.nodeName] : []) },
      { resource: nodes, keys: (o) => (cniRequired(sql) ? [o.metadata.name] : []) },
    ],
    sync(name: string, ctx: ComponentContext) {
      const node = ctx.api.get(nodes, undefined, name);
      if (!node || !cniRequired(sql)) return;
      if (!networkReady(sql, name)) {
        for (const p of ctx.api.list(pods).filter((p) => p.spec?.nodeName === name && !p.metadata.deletionTimestamp)) {
          const plugin = pluginOf(p);
          const main = plugin?.container(p);
          const running = ((p.status?.containerStatuses ?? []) as KObject[]).some((s) => s.name === main?.name && s.state?.running);
          if (!plugin || !running) continue;
          markNetworkReady(sql, name, plugin.name, plugin.podCIDR(node, networkedNodes(sql)), ctx.now().getTime());
          break;
        }
      }
      reportReady(node, networkReady(sql, name), ctx);
    },
  };
}

/** The kubelet's node status: the Ready condition as the runtime's network allows. */
function reportReady(node: KObject, ready: boolean, ctx: ComponentContext): void {
  const want = ready
    ? { status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" }
    : { status: "False", reason: "KubeletNotReady", message: NETWORK_NOT_READY_MESSAGE };
  const conditions = (node.status?.conditions ?? []) as KObject[];
  const have = conditions.find((c) => c.type === "Ready");
  if (have && have.status === want.status && have.reason === want.reason && have.message === want.message) return;
  // A kubelet that stopped (failure injection) does not post anything.
  if (have && have.status === "Unknown") return;
  const stamp = rfc3339(ctx.now());
  const next = { type: "Ready", ...want, lastHeartbeatTime: stamp, lastTransitionTime: have && have.status === want.status ? have.lastTransitionTime : stamp };
  const others = conditions.filter((c) => c.type !== "Ready");
  ctx.api.update(nodes, { ...node, status: { ...node.status, conditions: [...others, next] } }, "status");
  if (ready && have?.status !== "True") {
    const recorder = new EventRecorder(apiEventWriter(ctx.api), ctx.now, { component: "kubelet", host: node.metadata.name }, ctx.random);
    recorder.event({ kind: "Node", apiVersion: "v1", metadata: { name: node.metadata.name, uid: node.metadata.uid } }, "Normal", "NodeReady", `Node ${node.metadata.name} status is now: NodeReady`);
  }
}

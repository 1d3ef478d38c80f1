// A new cluster's starting point by template: "ready" (bootstrap.ts: a running kubeadm cluster
// with its CNI) or "kubeadm" (hosts.ts: the machines only; `kubeadm init` and `join` in the
// terminal make the cluster, kubeadm-init.ts / kubeadm-join.ts, and a CNI plugin makes its nodes
// Ready, src/cluster/network/). The cluster object calls `initTemplate` once and `hostsGate`
// (host-api.ts) in front of its API server.
import type { GenericRegistry } from "../apiserver/generic-registry";
import { requireCni } from "../network/state";
import { bootstrapCluster } from "./bootstrap";
import { createHosts } from "./hosts";
import type { NodeRequest } from "./nodes";
import type { StaticPodsFn } from "./parts";

export { hostsGate, type HostApiDeps } from "./host-api";
export { awaitingInit, listHosts, type HostRecord } from "./hosts";
export type { KubeadmDeps } from "./kubeadm-init";

export interface TemplateOptions {
  registry: GenericRegistry;
  sql: SqlStorage;
  nodes?: NodeRequest;
  hex(n: number): string;
  staticPods?: StaticPodsFn;
}

export function initTemplate(template: "ready" | "kubeadm", now: Date, o: TemplateOptions): void {
  if (template === "kubeadm") {
    createHosts(o.sql, o.nodes);
    requireCni(o.sql);
    return;
  }
  bootstrapCluster(o.registry, now, { nodes: o.nodes, hex: o.hex, staticPods: o.staticPods });
}

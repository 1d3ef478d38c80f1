// Service defaults (pkg/apis/core/v1/defaults.go SetDefaults_Service) and the IP family fields the
// service REST storage fills on create for a single-stack IPv4 cluster (pkg/registry/core/service/storage/alloc.go initIPFamilyFields).
import type { Json } from "../../validation/common";

export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

const externallyAccessible = (spec: Json) =>
  spec.type === "LoadBalancer" || spec.type === "NodePort" || (spec.type === "ClusterIP" && (spec.externalIPs ?? []).length > 0);

export function defaultService(svc: Json): void {
  const spec = (svc.spec ??= {});
  if (!spec.sessionAffinity) spec.sessionAffinity = "None";
  if (spec.sessionAffinity === "None") delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === "ClientIP" && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds == null) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS } };
  }
  if (!spec.type) spec.type = "ClusterIP";
  for (const p of (spec.ports ?? []) as Json[]) {
    if (!p.protocol) p.protocol = "TCP";
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === "") p.targetPort = p.port;
  }
  if (externallyAccessible(spec) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = "Cluster";
  if (!spec.internalTrafficPolicy && ["NodePort", "LoadBalancer", "ClusterIP"].includes(spec.type)) spec.internalTrafficPolicy = "Cluster";
  if (spec.type === "LoadBalancer") spec.allocateLoadBalancerNodePorts ??= true;
}

/** ipFamilyPolicy/ipFamilies on create: SingleStack IPv4, except headless without selector (RequireDualStack); none for ExternalName. */
export function initIPFamilyFields(svc: Json): void {
  const spec = svc.spec ?? {};
  if (spec.type === "ExternalName") return;
  const headlessNoSelector = spec.clusterIP === "None" && Object.keys(spec.selector ?? {}).length === 0;
  spec.ipFamilyPolicy ??= headlessNoSelector ? "RequireDualStack" : "SingleStack";
  if (!(spec.ipFamilies ?? []).length) spec.ipFamilies = ["IPv4"];
  if (spec.clusterIP === "None") spec.clusterIPs = ["None"];
  else if (spec.clusterIP && !(spec.clusterIPs ?? []).length) spec.clusterIPs = [spec.clusterIP];
}

/** Whether the service needs a cluster IP allocated (the lead's allocator fills spec.clusterIP and clusterIPs). */
export const needsClusterIP = (svc: Json) => svc.spec?.type !== "ExternalName" && svc.spec?.clusterIP !== "None" && !svc.spec?.clusterIP;

/** Whether ports of this service get node ports (NodePort, and LoadBalancer unless allocation is off). */
export const needsNodePorts = (svc: Json) =>
  svc.spec?.type === "NodePort" || (svc.spec?.type === "LoadBalancer" && svc.spec?.allocateLoadBalancerNodePorts !== false);

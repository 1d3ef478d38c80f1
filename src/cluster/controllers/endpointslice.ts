// The EndpointSlice controller (pkg/controller/endpointslice/endpointslice_controller.go,
// staging/src/k8s.io/endpointslice/reconciler.go): for each Service with a selector, slices
// `<service>-<5 chars>` (one per distinct port list, a placeholder when empty) labelled
// kubernetes.io/service-name and endpointslice.kubernetes.io/managed-by, owned by the Service,
// listing every pod with an IP with its ready / serving / terminating conditions.
import type { Component, ComponentContext } from "../engine/component";
import type { KObject } from "../apiserver/registry/types";
import { R, isPodReady, newControllerRef, sameJson, type Json } from "./util";
import {
  hasSelector, podEndpointPorts, podReference, selectedPods, servicePodsController, shouldPodBeInEndpoints, triggerTime,
} from "./service-pods";

export const ENDPOINTSLICE_CONTROLLER = "endpointslice-controller";
export const MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
export const MANAGED_BY_VALUE = "endpointslice-controller.k8s.io";
export const SERVICE_NAME = "kubernetes.io/service-name";
const TRIGGER_TIME = "endpoints.kubernetes.io/last-change-trigger-time";
const HEADLESS = "service.kubernetes.io/headless";

function desiredSlices(ctx: ComponentContext, svc: KObject, pods: KObject[]): Map<string, { ports: Json[] | null; endpoints: Json[] }> {
  const zones = new Map(ctx.api.list(R.nodes).map((n) => [n.metadata.name, n.metadata.labels?.["topology.kubernetes.io/zone"]]));
  const out = new Map<string, { ports: Json[] | null; endpoints: Json[] }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = podEndpointPorts(pod, svc);
    if (!ports) continue;
    const terminating = !!pod.metadata.deletionTimestamp;
    const ready = isPodReady(pod);
    const ep: Json = {
      addresses: [pod.status.podIP],
      conditions: { ready: svc.spec.publishNotReadyAddresses ? true : ready && !terminating, serving: ready, terminating },
    };
    if (pod.spec?.hostname && pod.spec?.subdomain === svc.metadata.name) ep.hostname = pod.spec.hostname;
    ep.targetRef = podReference(pod);
    if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
    const zone = zones.get(pod.spec?.nodeName);
    if (zone) ep.zone = zone;
    const k = JSON.stringify(ports);
    const g = out.get(k) ?? { ports, endpoints: [] };
    out.set(k, g);
    g.endpoints.push(ep);
  }
  if (out.size === 0) out.set("null", { ports: null, endpoints: null as never });
  return out;
}

function sliceLabels(svc: KObject): Record<string, string> {
  const labels: Record<string, string> = { ...svc.metadata.labels, [SERVICE_NAME]: svc.metadata.name, [MANAGED_BY]: MANAGED_BY_VALUE };
  delete labels[HEADLESS];
  if (svc.spec.clusterIP === "None") labels[HEADLESS] = "";
  return labels;
}

function syncService(ctx: ComponentContext, ns: string, svc: KObject | string): void {
  const name = typeof svc === "string" ? svc : svc.metadata.name;
  const existing = ctx.api.list(R.endpointslices, ns)
    .filter((s) => s.metadata.labels?.[SERVICE_NAME] === name && s.metadata.labels?.[MANAGED_BY] === MANAGED_BY_VALUE);
  // A deleted Service's slices go with it through their owner reference (garbage collector).
  if (typeof svc === "string" || !hasSelector(svc) || svc.metadata.deletionTimestamp) return;
  const pods = selectedPods(ctx, svc);
  const labels = sliceLabels(svc);
  const unused = [...existing].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  for (const [k, want] of desiredSlices(ctx, svc, pods)) {
    const i = unused.findIndex((s) => JSON.stringify(s.ports ?? null) === k) ;
    const slice = i >= 0 ? unused.splice(i, 1)[0] : unused.shift();
    const body: Json = {
      apiVersion: "discovery.k8s.io/v1", kind: "EndpointSlice",
      metadata: {
        ...(slice?.metadata ?? { generateName: `${svc.metadata.name}-`, ownerReferences: [newControllerRef(svc, "v1", "Service")] }),
        labels, annotations: { ...slice?.metadata.annotations, [TRIGGER_TIME]: triggerTime(svc, pods) },
      },
      addressType: "IPv4", endpoints: want.endpoints, ports: want.ports,
    };
    if (slice && sameJson(slice.endpoints ?? null, want.endpoints ?? null) && sameJson(slice.ports ?? null, want.ports) && sameJson(slice.metadata.labels, labels)) continue;
    if (slice) ctx.api.update(R.endpointslices, body);
    else ctx.api.create(R.endpointslices, ns, body);
  }
  for (const s of unused) ctx.api.delete(R.endpointslices, ns, s.metadata.name);
}

export const endpointSliceController: Component = servicePodsController(ENDPOINTSLICE_CONTROLLER, syncService);

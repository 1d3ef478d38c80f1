// The endpoints controller (pkg/controller/endpoint/endpoints_controller.go syncService): for each
// Service with a selector, an Endpoints object of the same name with the ready pods' addresses,
// not-ready ones under notReadyAddresses (all ready with publishNotReadyAddresses), ports resolved
// per pod (named target ports looked up in the pod), labels copied from the Service.
import type { Component, ComponentContext } from "../engine/component";
import type { KObject } from "../apiserver/registry/types";
import { isStatusError } from "../apiserver/status";
import { R, isPodReady, sameJson, type Json } from "./util";
import {
  hasSelector, podEndpointPorts, podReference, selectedPods, servicePodsController, shouldPodBeInEndpoints, triggerTime,
} from "./service-pods";

export const ENDPOINT_CONTROLLER = "endpoint-controller";
const TRIGGER_TIME = "endpoints.kubernetes.io/last-change-trigger-time";
const HEADLESS = "service.kubernetes.io/headless";

const ipKey = (ip: string) => ip.split(".").map((x) => x.padStart(3, "0")).join(".");

/** The subsets: addresses grouped by identical port lists, sorted by IP (RepackSubsets). */
function buildSubsets(svc: KObject, pods: KObject[]): Json[] {
  const groups = new Map<string, { ports: Json[]; addresses: Json[]; notReadyAddresses: Json[] }>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, !!svc.spec.publishNotReadyAddresses)) continue;
    const ports = podEndpointPorts(pod, svc);
    if (!ports) continue;
    const addr: Json = { ip: pod.status.podIP };
    if (pod.spec?.nodeName) addr.nodeName = pod.spec.nodeName;
    if (pod.spec?.hostname && pod.spec?.subdomain === svc.metadata.name) addr.hostname = pod.spec.hostname;
    addr.targetRef = podReference(pod);
    const epPorts = ports.map(({ name, ...rest }) => (name ? { name, ...rest } : rest));
    const k = JSON.stringify(epPorts);
    const g = groups.get(k) ?? { ports: epPorts, addresses: [], notReadyAddresses: [] };
    groups.set(k, g);
    (isPodReady(pod) || svc.spec.publishNotReadyAddresses ? g.addresses : g.notReadyAddresses).push(addr);
  }
  return [...groups.values()].map((g) => {
    const byIp = (a: Json, b: Json) => (ipKey(a.ip) < ipKey(b.ip) ? -1 : 1);
    const s: Json = {};
    if (g.addresses.length) s.addresses = g.addresses.sort(byIp);
    if (g.notReadyAddresses.length) s.notReadyAddresses = g.notReadyAddresses.sort(byIp);
    if (g.ports.length) s.ports = g.ports;
    return s;
  });
}

function endpointLabels(svc: KObject): Record<string, string> {
  const labels: Record<string, string> = { ...svc.metadata.labels };
  delete labels[HEADLESS];
  if (svc.spec.clusterIP === "None") labels[HEADLESS] = "";
  return labels;
}

function syncService(ctx: ComponentContext, ns: string, svcOrName: KObject | string): void {
  if (typeof svcOrName === "string") {
    // The Service is gone: so is its Endpoints object.
    try { ctx.api.delete(R.endpoints, ns, svcOrName); } catch (e) { if (!isStatusError(e) || e.code !== 404) throw e; }
    return;
  }
  const svc = svcOrName;
  if (!hasSelector(svc) || svc.metadata.deletionTimestamp) return;
  const pods = selectedPods(ctx, svc);
  const subsets = buildSubsets(svc, pods);
  const labels = endpointLabels(svc);
  const current = ctx.api.get(R.endpoints, ns, svc.metadata.name);
  if (current && sameJson(current.subsets ?? [], subsets) && sameJson(current.metadata.labels ?? {}, labels)) return;
  const annotations = { ...current?.metadata.annotations, [TRIGGER_TIME]: triggerTime(svc, pods) };
  const meta = { ...current?.metadata, name: svc.metadata.name, namespace: ns, labels, annotations };
  const body: KObject = { apiVersion: "v1", kind: "Endpoints", metadata: meta };
  if (subsets.length) body.subsets = subsets;
  if (current) ctx.api.update(R.endpoints, body);
  else ctx.api.create(R.endpoints, ns, body);
}

export const endpointsController: Component = servicePodsController(ENDPOINT_CONTROLLER, syncService);

// What the endpoints and endpointslice controllers share (pkg/api/v1/pod/util.go FindPort;
// staging/src/k8s.io/endpointslice/util ShouldPodBeInEndpoints): the pods a Service selects,
// which of them belong in its endpoints, and a service port's target port on one pod.
import type { KObject } from "../apiserver/registry/types";
import type { Component, ComponentContext } from "../engine/component";
import { R, nsKey, splitKey, type Json } from "./util";

/** Services with a selector are the controllers' (a Service without one is managed by hand). */
export const hasSelector = (svc: KObject) => Object.keys(svc.spec?.selector ?? {}).length > 0;

export function selectedPods(ctx: ComponentContext, svc: KObject): KObject[] {
  const sel = svc.spec.selector as Record<string, string>;
  return ctx.api.list(R.pods, svc.metadata.namespace)
    .filter((p) => Object.entries(sel).every(([k, v]) => p.metadata.labels?.[k] === v))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}

/** ShouldPodBeInEndpoints: has an IP, not finished, and (unless included) not terminating. */
export function shouldPodBeInEndpoints(pod: KObject, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === "Failed" || phase === "Succeeded") return false;
  if (!pod.status?.podIP) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** FindPort: a named target port is looked up among the containers' ports (sidecars included). */
export function findPort(pod: KObject, svcPort: Json): number | undefined {
  const target = svcPort.targetPort ?? svcPort.port;
  if (typeof target === "number") return target;
  if (/^\d+$/.test(String(target))) return Number(target);
  const protocol = svcPort.protocol ?? "TCP";
  const sidecars = ((pod.spec?.initContainers ?? []) as Json[]).filter((c) => c.restartPolicy === "Always");
  for (const c of [...((pod.spec?.containers ?? []) as Json[]), ...sidecars]) {
    for (const p of (c.ports ?? []) as Json[]) {
      if (p.name === target && (p.protocol ?? "TCP") === protocol) return p.containerPort;
    }
  }
  return undefined;
}

/** The endpoint ports of a pod for the service's ports; undefined when a target port cannot be found. */
export function podEndpointPorts(pod: KObject, svc: KObject): Json[] | undefined {
  const out: Json[] = [];
  for (const sp of (svc.spec.ports ?? []) as Json[]) {
    const port = findPort(pod, sp);
    if (port === undefined) return undefined;
    const ep: Json = { name: sp.name ?? "", port, protocol: sp.protocol ?? "TCP" };
    if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
    out.push(ep);
  }
  return out;
}

export const podReference = (pod: KObject) => ({ kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid });

/** Watch keys: a pod's change syncs every Service of its namespace (`<ns>/*`); a Service syncs itself. */
export const podServiceKeys = (pod: KObject) => [`${pod.metadata.namespace}/*`];

/** The Services a key names: one, or all of a namespace for `<ns>/*`. */
export function servicesForKey(ctx: ComponentContext, ns: string, name: string): (KObject | string)[] {
  if (name !== "*") return [ctx.api.get(R.services, ns, name) ?? name];
  return ctx.api.list(R.services, ns).filter(hasSelector);
}

/** getPodTriggerTime / service creation: the latest change that affects the endpoints. */
export function triggerTime(svc: KObject, pods: KObject[]): string {
  let t = svc.metadata.creationTimestamp as string;
  for (const p of pods) {
    const ready = ((p.status?.conditions ?? []) as Json[]).find((c) => c.type === "Ready")?.lastTransitionTime ?? p.metadata.creationTimestamp;
    if (ready && Date.parse(ready) > Date.parse(t)) t = ready;
  }
  return t;
}

/**
 * A controller that keeps something per Service in step with the Service's pods (endpoints,
 * endpoint slices): any change to a Service or pod of a namespace resyncs that namespace's Services.
 */
export function servicePodsController(name: string, syncService: (ctx: ComponentContext, ns: string, svc: KObject | string) => void): Component {
  return {
    name,
    watches: [
      { resource: R.services, keys: (o) => [nsKey(o)] },
      { resource: R.pods, keys: podServiceKeys },
    ],
    sync(key, ctx) {
      const [ns, svcName] = splitKey(key);
      for (const svc of servicesForKey(ctx, ns, svcName)) syncService(ctx, ns, svc);
    },
  };
}

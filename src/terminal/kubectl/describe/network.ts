// ServiceDescriber (endpoints from the service's EndpointSlices, formatEndpointSlices),
// EndpointsDescriber and EndpointSliceDescriber (discovery.k8s.io/v1) of describe.go.
import { formatLabels } from "../../../cluster/apiserver/printers/format";
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString, type Writer } from "./prefix-writer";
import { goInt, str, type Json } from "./go-format";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from "./common";

function meta(w: Writer, obj: Json): void {
  w.write(LEVEL_0, `Name:\t${str(obj.metadata?.name)}\n`);
  w.write(LEVEL_0, `Namespace:\t${str(obj.metadata?.namespace)}\n`);
  printLabelsMultiline(w, "Labels", obj.metadata?.labels);
  printAnnotationsMultiline(w, "Annotations", obj.metadata?.annotations);
}

const joinHostPort = (host: string, port: number) => (host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`);

/** formatEndpointSlices: ready endpoints as ip:port for the named port, at most 3 and "+ N more...". */
export function formatEndpointSlices(slices: Json[], portName: string | undefined): string {
  if (slices.length === 0) return "<none>";
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const endpoints = (slice.endpoints ?? []) as Json[];
    const ports = (slice.ports ?? []) as Json[];
    const ready = (e: Json) => e.conditions?.ready === undefined || e.conditions?.ready === null || e.conditions.ready === true;
    if (ports.length === 0) {
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(str(e.addresses?.[0]));
        count++;
      }
      continue;
    }
    for (const port of ports) {
      if (portName !== undefined && str(port.name) !== portName) continue;
      for (const e of endpoints) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(joinHostPort(str(e.addresses?.[0]), goIntNum(port.port)));
        count++;
      }
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - max} more...` : ret;
}

const goIntNum = (v: unknown): number => (typeof v === "number" ? v : 0);

function ingressString(ingress: Json[]): string {
  return ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ""}` : str(i.hostname))).join(", ");
}

export function describeService(svc: Json, slices: Json[], events: Json[] | undefined, now: Date): Promise<string> {
  const spec = svc.spec ?? {};
  return tabbedString((w) => {
    meta(w, svc);
    w.write(LEVEL_0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(LEVEL_0, `Type:\t${str(spec.type)}\n`);
    if (spec.ipFamilyPolicy) w.write(LEVEL_0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    const families = (spec.ipFamilies ?? []) as string[];
    w.write(LEVEL_0, `IP Families:\t${families.length > 0 ? families.join(",") : "<none>"}\n`);
    w.write(LEVEL_0, `IP:\t${str(spec.clusterIP)}\n`);
    const ips = (spec.clusterIPs ?? []) as string[];
    w.write(LEVEL_0, `IPs:\t${ips.length > 0 ? ips.join(",") : "<none>"}\n`);
    if (Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0) w.write(LEVEL_0, `External IPs:\t${spec.externalIPs.join(",")}\n`);
    if (spec.loadBalancerIP) w.write(LEVEL_0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(LEVEL_0, `External Name:\t${spec.externalName}\n`);
    const ingress = (svc.status?.loadBalancer?.ingress ?? []) as Json[];
    if (ingress.length > 0) w.write(LEVEL_0, `LoadBalancer Ingress:\t${ingressString(ingress)}\n`);
    for (const sp of (spec.ports ?? []) as Json[]) {
      const name = str(sp.name) || "<unset>";
      const proto = str(sp.protocol);
      w.write(LEVEL_0, `Port:\t${name}\t${goInt(sp.port)}/${proto}\n`);
      w.write(LEVEL_0, `TargetPort:\t${typeof sp.targetPort === "number" ? sp.targetPort : str(sp.targetPort)}/${proto}\n`);
      if (typeof sp.nodePort === "number" && sp.nodePort !== 0) w.write(LEVEL_0, `NodePort:\t${name}\t${sp.nodePort}/${proto}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, str(sp.name))}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${str(spec.sessionAffinity)}\n`);
    if (spec.externalTrafficPolicy) w.write(LEVEL_0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy) w.write(LEVEL_0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (typeof spec.healthCheckNodePort === "number" && spec.healthCheckNodePort !== 0) {
      w.write(LEVEL_0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    }
    if (Array.isArray(spec.loadBalancerSourceRanges) && spec.loadBalancerSourceRanges.length > 0) {
      w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(",")}\n`);
    }
    if (events) describeEvents(events, w, now);
  });
}

export function describeEndpoints(ep: Json, events: Json[] | undefined, now: Date): Promise<string> {
  return tabbedString((w) => {
    meta(w, ep);
    w.write(LEVEL_0, "Subsets:\n");
    for (const subset of (ep.subsets ?? []) as Json[]) {
      const ips = (list: Json[] | undefined) => (list ?? []).map((a) => str(a.ip)).join(",") || "<none>";
      w.write(LEVEL_1, `Addresses:\t${ips(subset.addresses)}\n`);
      w.write(LEVEL_1, `NotReadyAddresses:\t${ips(subset.notReadyAddresses)}\n`);
      const ports = (subset.ports ?? []) as Json[];
      if (ports.length > 0) {
        w.write(LEVEL_1, "Ports:\n");
        w.write(LEVEL_2, "Name\tPort\tProtocol\n");
        w.write(LEVEL_2, "----\t----\t--------\n");
        for (const p of ports) w.write(LEVEL_2, `${str(p.name) || "<unset>"}\t${goInt(p.port)}\t${str(p.protocol)}\n`);
      }
      w.write(LEVEL_0, "\n");
    }
    if (events) describeEvents(events, w, now);
  });
}

export function describeEndpointSlice(eps: Json, events: Json[] | undefined, now: Date): Promise<string> {
  return tabbedString((w) => {
    meta(w, eps);
    w.write(LEVEL_0, `AddressType:\t${str(eps.addressType)}\n`);
    const ports = (eps.ports ?? []) as Json[];
    if (ports.length === 0) w.write(LEVEL_0, "Ports: <unset>\n");
    else {
      w.write(LEVEL_0, "Ports:\n");
      w.write(LEVEL_1, "Name\tPort\tProtocol\n");
      w.write(LEVEL_1, "----\t----\t--------\n");
      for (const p of ports) {
        const num = typeof p.port === "number" ? String(p.port) : "<unset>";
        w.write(LEVEL_1, `${str(p.name) || "<unset>"}\t${num}\t${str(p.protocol)}\n`);
      }
    }
    const endpoints = (eps.endpoints ?? []) as Json[];
    if (endpoints.length === 0) w.write(LEVEL_0, "Endpoints: <none>\n");
    else {
      w.write(LEVEL_0, "Endpoints:\n");
      for (const e of endpoints) {
        w.write(LEVEL_1, `- Addresses:\t${((e.addresses ?? []) as string[]).join(", ") || "<none>"}\n`);
        w.write(LEVEL_2, "Conditions:\n");
        const ready = e.conditions?.ready;
        w.write(LEVEL_3, `Ready:\t${typeof ready === "boolean" ? String(ready) : "<unset>"}\n`);
        w.write(LEVEL_2, `Hostname:\t${typeof e.hostname === "string" ? e.hostname : "<unset>"}\n`);
        if (e.targetRef) w.write(LEVEL_2, `TargetRef:\t${str(e.targetRef.kind)}/${str(e.targetRef.name)}\n`);
        w.write(LEVEL_2, `NodeName:\t${typeof e.nodeName === "string" ? e.nodeName : "<unset>"}\n`);
        w.write(LEVEL_2, `Zone:\t${typeof e.zone === "string" ? e.zone : "<unset>"}\n`);
      }
    }
    if (events) describeEvents(events, w, now);
  });
}

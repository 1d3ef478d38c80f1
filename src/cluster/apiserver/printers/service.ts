// Service printer: the columns and printService of pkg/printers/internalversion/printers.go:
// TYPE, CLUSTER-IP, EXTERNAL-IP (<none>, <pending> for a LoadBalancer without ingress, the
// externalName), PORT(S) as 80/TCP or 80:30080/TCP, and the wide SELECTOR.
import type { KObject } from "../registry/types";
import { coreV1 } from "./descriptions";
import { ageColumn, column, nameColumn } from "./columns";
import { age, formatLabels, int } from "./format";
import type { Printer } from "./types";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const columns = [
  nameColumn(),
  column("Type", "string", coreV1.ServiceSpec.type),
  column("Cluster-IP", "string", coreV1.ServiceSpec.clusterIP),
  column("External-IP", "string", coreV1.ServiceSpec.externalIPs),
  column("Port(s)", "string", coreV1.ServiceSpec.ports),
  ageColumn(),
  column("Selector", "string", coreV1.ServiceSpec.selector, { priority: 1 }),
];

/** loadBalancerStatusStringer (wide: the server always prints wide, so never clipped). */
function loadBalancerIPs(svc: Json): string {
  const result = new Set<string>();
  for (const ing of svc.status?.loadBalancer?.ingress ?? []) {
    if (ing.ip) result.add(ing.ip);
    else if (ing.hostname) result.add(ing.hostname);
  }
  return [...result].sort().join(",");
}

/** getServiceExternalIP. */
export function serviceExternalIP(svc: Json): string {
  const externalIPs: string[] = svc.spec?.externalIPs ?? [];
  switch (svc.spec?.type) {
    case "ClusterIP":
    case "NodePort":
      return externalIPs.length > 0 ? externalIPs.join(",") : "<none>";
    case "LoadBalancer": {
      const lbIPs = loadBalancerIPs(svc);
      if (externalIPs.length > 0) return [...(lbIPs ? lbIPs.split(",") : []), ...externalIPs].join(",");
      return lbIPs || "<pending>";
    }
    case "ExternalName":
      return svc.spec.externalName ?? "";
  }
  return "<unknown>";
}

/** makePortString: "port/protocol" or "port:nodePort/protocol", comma-joined. */
export function makePortString(ports: Json[] | undefined): string {
  return (ports ?? []).map((p) => (int(p.nodePort) > 0
    ? `${int(p.port)}:${p.nodePort}/${p.protocol ?? ""}` : `${int(p.port)}/${p.protocol ?? ""}`)).join(",");
}

function serviceCells(svc: KObject, now: Date): unknown[] {
  const spec: Json = svc.spec ?? {};
  // v1 -> internal conversion: spec.clusterIP is authoritative over clusterIPs[0].
  const clusterIP = spec.clusterIP || spec.clusterIPs?.[0] || "<none>";
  return [
    svc.metadata.name, spec.type ?? "", clusterIP, serviceExternalIP(svc), makePortString(spec.ports) || "<none>",
    age(svc, now), formatLabels(spec.selector),
  ];
}

export const servicePrinter: Printer = { columns, cells: serviceCells };

// Services (pkg/apis/core/validation ValidateService, ValidateServiceUpdate,
// validateUpgradeDowngradeClusterIPs). Node ports outside 30000-32767 are refused with the
// allocator's message (pkg/registry/core/service/portallocator).
import { duplicate, forbiddenField, invalidValue, notSupported, required, type FieldError } from "../field-errors";
import { child, GoValue, index, type Json } from "./common";
import { isValidPortNum, nameIsDNS1035Label } from "./names";
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from "./objectmeta";
import { validatePortNumOrName } from "./probes";

const TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
const PROTOCOLS = ["SCTP", "TCP", "UDP"];
export const NODE_PORT_RANGE = { base: 30000, size: 2768 };

const isHeadless = (svc: Json) => svc.spec?.clusterIP === "None";

export function nodePortRangeError(port: number): string {
  return `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.base}-${NODE_PORT_RANGE.base + NODE_PORT_RANGE.size - 1}`;
}

function validatePort(port: Json, requireName: boolean, names: Set<string>, path: string, type: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !port.name) errs.push(required(child(path, "name")));
  else if (port.name) {
    if (names.has(port.name)) errs.push(duplicate(child(path, "name"), port.name));
    names.add(port.name);
  }
  isValidPortNum(port.port).forEach((m) => errs.push(invalidValue(child(path, "port"), port.port, m)));
  if (!port.protocol) errs.push(required(child(path, "protocol")));
  else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(child(path, "protocol"), port.protocol, PROTOCOLS));
  if (port.targetPort !== undefined && port.targetPort !== 0) errs.push(...validatePortNumOrName(port.targetPort, child(path, "targetPort")));
  if (port.nodePort) {
    if (type === "ClusterIP" || type === "ExternalName") errs.push(forbiddenField(child(path, "nodePort"), `may not be used when \`type\` is '${type}'`));
    else if (port.nodePort < NODE_PORT_RANGE.base || port.nodePort >= NODE_PORT_RANGE.base + NODE_PORT_RANGE.size) {
      errs.push(invalidValue(child(path, "nodePort"), port.nodePort, nodePortRangeError(port.nodePort)));
    }
  }
  return errs;
}

export function validateService(svc: Json): FieldError[] {
  const errs = validateObjectMeta(svc.metadata, true, nameIsDNS1035Label);
  const spec = svc.spec ?? {};
  const type = spec.type ?? "ClusterIP";
  if (!TYPES.includes(type)) errs.push(notSupported("spec.type", type, TYPES));
  const ports: Json[] = spec.ports ?? [];
  if (ports.length === 0 && !isHeadless(svc) && type !== "ExternalName") errs.push(required("spec.ports"));
  const names = new Set<string>();
  ports.forEach((p, i) => errs.push(...validatePort(p, ports.length > 1, names, index("spec.ports", i), type)));
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const k = `${p.port}/${p.protocol}`;
    if (seen.has(k)) errs.push(duplicate(index("spec.ports", i), { port: p.port, protocol: p.protocol }));
    seen.add(k);
  });
  if (type === "ExternalName") {
    if (!spec.externalName) errs.push(required("spec.externalName"));
  }
  if (spec.selector) errs.push(...validateLabels(spec.selector, "spec.selector"));
  if (spec.sessionAffinity && !["ClientIP", "None"].includes(spec.sessionAffinity)) {
    errs.push(notSupported("spec.sessionAffinity", spec.sessionAffinity, ["ClientIP", "None"]));
  }
  if (spec.externalTrafficPolicy && !["Cluster", "Local"].includes(spec.externalTrafficPolicy)) {
    errs.push(notSupported("spec.externalTrafficPolicy", spec.externalTrafficPolicy, ["Cluster", "Local"]));
  }
  if (spec.internalTrafficPolicy && !["Cluster", "Local"].includes(spec.internalTrafficPolicy)) {
    errs.push(notSupported("spec.internalTrafficPolicy", spec.internalTrafficPolicy, ["Cluster", "Local"]));
  }
  return errs;
}

export function validateServiceUpdate(svc: Json, old: Json): FieldError[] {
  const errs = validateObjectMetaUpdate(svc.metadata, old.metadata);
  const type = svc.spec?.type ?? "ClusterIP";
  const oldType = old.spec?.type ?? "ClusterIP";
  if (type !== "ExternalName" && oldType !== "ExternalName") {
    const next: string[] = svc.spec?.clusterIPs ?? (svc.spec?.clusterIP ? [svc.spec.clusterIP] : []);
    const prev: string[] = old.spec?.clusterIPs ?? (old.spec?.clusterIP ? [old.spec.clusterIP] : []);
    if (prev.length > 0 && next.length > 0 && prev[0] !== next[0]) {
      errs.push(invalidValue(index("spec.clusterIPs", 0), new GoValue(`[]string{${next.map((ip) => JSON.stringify(ip)).join(", ")}}`), "may not change once set"));
    }
  }
  return errs.concat(validateService(svc).filter((e) => !e.field.startsWith("metadata.")));
}

// Cluster IP and node port allocation for Services, as the service REST storage does on create
// (pkg/registry/core/service/storage/alloc.go, ipallocator, portallocator): a free address of
// the service CIDR 10.96.0.0/12 (kubeadm's default) and free ports of 30000-32767, in use
// meaning held by another Service. Requested values are checked for conflicts.
import type { ObjectReader } from "../admission/types";
import type { KObject } from "./types";
import { needsClusterIP, needsNodePorts } from "./defaults/service";
import { invalid } from "../status";

const CIDR_BASE = (10 << 24) | (96 << 16); // 10.96.0.0
const CIDR_SIZE = 1 << 20; // /12
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

const ipString = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join(".");

/** A deterministic walk through the range, starting at a point derived from the service's uid. */
function startOffset(seed: string, size: number): number {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return h % size;
}

export function allocateService(svc: KObject, reader: ObjectReader): void {
  const others = reader.list("", "services").filter((s) => s.metadata.uid !== svc.metadata.uid);
  const usedIPs = new Set(others.flatMap((s) => (s.spec?.clusterIPs ?? [s.spec?.clusterIP]).filter(Boolean)));
  const usedPorts = new Set(others.flatMap((s) => (s.spec?.ports ?? []).map((p: KObject) => p.nodePort).filter(Boolean)));
  const name = svc.metadata.name;
  const ip = svc.spec?.clusterIP;
  if (ip && ip !== "None" && usedIPs.has(ip)) {
    throw invalid("Service", "", name, [{ type: "FieldValueInvalid", field: "spec.clusterIPs", badValue: [ip], detail: "failed to allocate IP " + ip + ": provided IP is already allocated" }]);
  }
  if (needsClusterIP(svc)) {
    const start = startOffset(svc.metadata.uid ?? name, CIDR_SIZE - 2);
    for (let i = 0; i < CIDR_SIZE - 2; i++) {
      const candidate = ipString(CIDR_BASE + 1 + ((start + i) % (CIDR_SIZE - 2)));
      if (!usedIPs.has(candidate) && candidate !== "10.96.0.10") {
        svc.spec.clusterIP = candidate;
        svc.spec.clusterIPs = [candidate];
        break;
      }
    }
  } else if (ip && !svc.spec.clusterIPs) {
    svc.spec.clusterIPs = [ip];
  }
  if (!needsNodePorts(svc)) return;
  const range = NODE_PORT_MAX - NODE_PORT_MIN + 1;
  let cursor = startOffset(`${svc.metadata.uid ?? name}/ports`, range);
  (svc.spec.ports ?? []).forEach((p: KObject, i: number) => {
    if (p.nodePort) {
      if (usedPorts.has(p.nodePort)) {
        throw invalid("Service", "", name, [{ type: "FieldValueInvalid", field: `spec.ports[${i}].nodePort`, badValue: p.nodePort, detail: "provided port is already allocated" }]);
      }
      usedPorts.add(p.nodePort);
      return;
    }
    for (let k = 0; k < range; k++, cursor++) {
      const port = NODE_PORT_MIN + (cursor % range);
      if (!usedPorts.has(port)) { p.nodePort = port; usedPorts.add(port); break; }
    }
  });
}

// EndpointSlice printer: the columns, printEndpointSlice, formatDiscoveryPorts,
// formatDiscoveryEndpoints and listWithMoreString of pkg/printers/internalversion/printers.go
// (ADDRESSTYPE, PORTS, ENDPOINTS: up to three, then " + N more...", "<unset>" when empty).
import type { KObject } from "../registry/types";
import { discoveryV1beta1 } from "./descriptions";
import { ageColumn, column, nameColumn } from "./columns";
import { age } from "./format";
import type { Printer } from "./types";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const slice = discoveryV1beta1.EndpointSlice;
const columns = [
  nameColumn(),
  column("AddressType", "string", slice.addressType),
  column("Ports", "string", slice.ports),
  column("Endpoints", "string", slice.endpoints),
  ageColumn(),
];

const MAX = 3;

function listWithMoreString(list: string[], more: boolean, count: number): string {
  const ret = list.join(",");
  if (more) return `${ret} + ${count - MAX} more...`;
  return ret || "<unset>";
}

/** Collect up to MAX items, counting all of them. */
function collect(items: string[]): string {
  const list: string[] = [];
  let more = false;
  for (const item of items) {
    if (list.length < MAX) list.push(item);
    else if (list.length === MAX) more = true;
  }
  return listWithMoreString(list, more, items.length);
}

export function formatDiscoveryPorts(ports: Json[] | undefined | null): string {
  return collect((ports ?? []).map((p) => (p.port != null ? String(p.port) : p.name != null ? String(p.name) : "*")));
}

export function formatDiscoveryEndpoints(endpoints: Json[] | undefined | null): string {
  return collect((endpoints ?? []).flatMap((e) => (e.addresses ?? []) as string[]));
}

export const endpointSlicePrinter: Printer = {
  columns,
  cells: (s: KObject, now: Date) => [
    s.metadata.name, s.addressType ?? "", formatDiscoveryPorts(s.ports), formatDiscoveryEndpoints(s.endpoints), age(s, now),
  ],
};

// Endpoints printer: the columns, printEndpoints and formatEndpoints of
// pkg/printers/internalversion/printers.go: up to three "ip:port" (or bare ip for headless
// subsets without ports), then " + N more...", "<none>" for no subsets.
import type { KObject } from "../registry/types";
import { coreV1 } from "./descriptions";
import { ageColumn, column, nameColumn } from "./columns";
import { age } from "./format";
import type { Printer } from "./types";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const columns = [nameColumn(), column("Endpoints", "string", coreV1.Endpoints.subsets), ageColumn()];

/** net.JoinHostPort: IPv6 hosts are bracketed. */
export const joinHostPort = (host: string, port: number) => (host.includes(":") ? `[${host}]:${port}` : `${host}:${port}`);

export function formatEndpoints(ep: Json): string {
  const subsets: Json[] = ep.subsets ?? [];
  if (subsets.length === 0) return "<none>";
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses: Json[] = ss.addresses ?? [];
    const ports: Json[] = ss.ports ?? [];
    if (ports.length === 0) {
      // Headless services may have no ports.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) { more = true; break; }
        list.push(a.ip);
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) { more = true; break; }
        list.push(joinHostPort(a.ip, port.port ?? 0));
      }
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - max} more...` : ret;
}

export const endpointsPrinter: Printer = {
  columns,
  cells: (ep: KObject, now: Date) => [ep.metadata.name, formatEndpoints(ep), age(ep, now)],
};

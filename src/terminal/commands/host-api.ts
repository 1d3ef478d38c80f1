// What the host's programs read from the cluster: JSON from the API server through the session's
// transport (so a share link's limits apply), and the time formats they print with.
import type { KubeTransport } from "../types";

export interface KubeList<T> { items: T[] }
export interface PodLike {
  metadata: { name: string; namespace: string; uid: string; creationTimestamp: string; deletionTimestamp?: string };
  spec: { nodeName?: string };
  status?: {
    phase?: string;
    conditions?: { type: string; status: string }[];
    containerStatuses?: { name: string; containerID?: string; image: string; imageID?: string; restartCount: number; state?: Record<string, { startedAt?: string }> }[];
  };
}

/** GET a path as JSON; a Status answer becomes kubectl-style error text. */
export async function getJson<T>(t: KubeTransport, path: string): Promise<T> {
  const res = await t.request("GET", path, { headers: { accept: "application/json" } });
  const body = (await res.json()) as T & { kind?: string; message?: string; reason?: string };
  if (!res.ok) throw new HostApiError(`${body.message ?? res.statusText}`, res.status);
  return body;
}

export class HostApiError extends Error {
  constructor(message: string, readonly status: number) { super(message); }
}

/** go-units HumanDuration, as crictl prints CREATED ("2 weeks" + " ago"). */
export function humanDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 1) return "Less than a second";
  if (s === 1) return "1 second";
  if (s < 60) return `${s} seconds`;
  const m = Math.floor(s / 60);
  if (m === 1) return "About a minute";
  if (m < 60) return `${m} minutes`;
  const h = Math.round(s / 3600);
  if (h === 1) return "About an hour";
  if (h < 48) return `${h} hours`;
  if (h < 24 * 7 * 2) return `${Math.floor(h / 24)} days`;
  if (h < 24 * 30 * 2) return `${Math.floor(h / 24 / 7)} weeks`;
  if (h < 24 * 365 * 2) return `${Math.floor(h / 24 / 30)} months`;
  return `${Math.floor(h / 24 / 365)} years`;
}

/** systemd's format_timestamp_relative ("16s ago", "2min 36s ago", "1h 5min ago", "3 days ago"). */
export function systemdRelative(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const MIN = 60, HOUR = 3600, DAY = 86400, WEEK = 7 * DAY, MONTH = 2629800, YEAR = 31557600;
  const f = (a: number, b: number) => [Math.floor(a), Math.floor(b)];
  if (s >= YEAR) { const [y, mo] = f(s / YEAR, (s % YEAR) / MONTH); return `${y} years ${mo} months ago`; }
  if (s >= MONTH) { const [mo, d] = f(s / MONTH, (s % MONTH) / DAY); return `${mo} months ${d} days ago`; }
  if (s >= WEEK) { const [w, d] = f(s / WEEK, (s % WEEK) / DAY); return `${w} weeks ${d} days ago`; }
  if (s >= 2 * DAY) return `${Math.floor(s / DAY)} days ago`;
  if (s >= 25 * HOUR) return `1 day ${Math.floor((s - DAY) / HOUR)}h ago`;
  if (s >= 6 * HOUR) return `${Math.floor(s / HOUR)}h ago`;
  if (s >= HOUR) return `${Math.floor(s / HOUR)}h ${Math.floor((s % HOUR) / MIN)}min ago`;
  if (s >= 5 * MIN) return `${Math.floor(s / MIN)}min ago`;
  if (s >= MIN) return `${Math.floor(s / MIN)}min ${s % MIN}s ago`;
  return `${s}s ago`;
}

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
/** systemd's timestamp: "Wed 2025-02-05 17:53:35 UTC". */
export function systemdTime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${d.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** A stable hex id (container, sandbox, image ids are 64 hex digits; crictl shows 13). */
export async function hexId(seed: string): Promise<string> {
  const h = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(seed));
  return Array.from(new Uint8Array(h), (b) => b.toString(16).padStart(2, "0")).join("");
}

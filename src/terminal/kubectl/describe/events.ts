// `kubectl events` (pkg/cmd/events/events.go and event_printer.go, v0.32): events listed with
// limit=500 (for one object: involvedObject kind, apiVersion and name), filtered by --types,
// sorted by series last observation / lastTimestamp / eventTime, printed as LAST SEEN, TYPE,
// REASON, OBJECT ("Kind/name"), MESSAGE through a tabwriter with padding 3.
import type { KObject } from "../../../cluster/apiserver/registry/types";
import type { KubeTransport } from "../../types";
import { eventInterval } from "../../../cluster/apiserver/printers/event-interval";
import { asCoreEvent } from "../../../cluster/apiserver/printers/event";
import { tabwrite } from "./tabwriter";
import { escapeTerminal } from "./prefix-writer";
import { str, type Json } from "./go-format";
import { collectionPath, listAll } from "./fetch";
import { ApiError } from "./fetch";

export interface EventsTableOptions { now: Date; allNamespaces?: boolean; noHeaders?: boolean; }

/** SortableEvents' eventTime: series.lastObservedTime, else lastTimestamp, else eventTime. */
function sortTime(e: Json): number {
  const raw = e.series ? e.series.lastObservedTime : e.lastTimestamp ? e.lastTimestamp : e.eventTime;
  const t = raw ? Date.parse(raw) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
}

/** The table `kubectl events` prints for these events (sorted here as kubectl sorts them). */
export function eventsTable(events: Json[], opts: EventsTableOptions): string {
  const list = events.map((e) => asCoreEvent(e)).sort((a, b) => { const x = sortTime(a), y = sortTime(b); return x < y ? -1 : x > y ? 1 : 0; });
  let out = "";
  if (!opts.noHeaders) out += `${opts.allNamespaces ? "NAMESPACE\t" : ""}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`;
  for (const e of list) {
    if (opts.allNamespaces) out += `${str(e.metadata?.namespace)}\t`;
    out += `${eventInterval(e as KObject, opts.now)}\t${escapeTerminal(str(e.type))}\t${escapeTerminal(str(e.reason))}\t` +
      `${escapeTerminal(str(e.involvedObject?.kind))}/${escapeTerminal(str(e.involvedObject?.name))}\t${escapeTerminal(str(e.message).trim())}\n`;
  }
  return tabwrite(out, 3);
}

export interface KubectlEventsOptions {
  now: Date;
  namespace: string;
  allNamespaces?: boolean;
  /** --for: the object's kind, group/version ("v1", "apps/v1") and name. */
  for?: { kind: string; apiVersion: string; name: string };
  /** --types (case-insensitive). */
  types?: string[];
  noHeaders?: boolean;
}

/** Runs `kubectl events`: stdout and stderr as kubectl writes them ("No events found in default namespace."). */
export async function kubectlEvents(t: KubeTransport, o: KubectlEventsOptions): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const query: Record<string, string> = {};
  if (o.for) {
    query.fieldSelector = `involvedObject.kind=${o.for.kind},involvedObject.apiVersion=${o.for.apiVersion},involvedObject.name=${o.for.name}`;
  }
  let events: Json[];
  try {
    events = await listAll(t, collectionPath("", "v1", "events", o.allNamespaces ? undefined : o.namespace), query);
  } catch (e) {
    if (e instanceof ApiError) return { stdout: "", stderr: `${e.text}\n`, exitCode: 1 };
    throw e;
  }
  const types = (o.types ?? []).map((x) => x.toLowerCase());
  const kept = events.filter((e) => types.length === 0 || types.includes(str(e.type).toLowerCase()));
  if (kept.length === 0) {
    return { stdout: "", stderr: o.allNamespaces ? "No events found.\n" : `No events found in ${o.namespace} namespace.\n`, exitCode: 0 };
  }
  return { stdout: eventsTable(kept, { now: o.now, allNamespaces: o.allNamespaces, noHeaders: o.noHeaders }), stderr: "", exitCode: 0 };
}

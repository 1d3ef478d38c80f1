// Event printer: the columns and printEvent of pkg/printers/internalversion/printers.go, for
// core/v1 Events and events.k8s.io/v1 Events (converted as pkg/apis/events/v1/conversion.go does:
// regarding -> involvedObject, note -> message, deprecated* -> source/firstTimestamp/
// lastTimestamp/count). LAST SEEN is the age of lastTimestamp (or of the series' last
// observation); OBJECT is "<kind lowercased>/<name>".
import type { KObject } from "../registry/types";
import { coreV1, metaV1 } from "./descriptions";
import { column } from "./columns";
import { translateMicroTimestampSince, translateTimestampSince, parseTime } from "./duration";
import { int } from "./format";
import type { Printer } from "./types";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const columns = [
  column("Last Seen", "string", coreV1.Event.lastTimestamp),
  column("Type", "string", coreV1.Event.type),
  column("Reason", "string", coreV1.Event.reason),
  column("Object", "string", coreV1.Event.involvedObject),
  column("Subobject", "string", coreV1.ObjectReference.fieldPath, { priority: 1 }),
  column("Source", "string", coreV1.Event.source, { priority: 1 }),
  column("Message", "string", coreV1.Event.message),
  column("First Seen", "string", coreV1.Event.firstTimestamp, { priority: 1 }),
  column("Count", "string", coreV1.Event.count, { priority: 1 }),
  column("Name", "string", metaV1.ObjectMeta.name, { priority: 1, format: "name" }),
];

/** An event in the core/v1 shape, whichever API group it was read through. */
export function asCoreEvent(ev: Json): Json {
  const eventsV1 = typeof ev.apiVersion === "string" ? ev.apiVersion.startsWith("events.k8s.io/")
    : "regarding" in ev || "note" in ev;
  if (!eventsV1) return ev;
  return {
    ...ev,
    involvedObject: ev.regarding ?? {},
    message: ev.note ?? "",
    source: ev.deprecatedSource ?? {},
    firstTimestamp: ev.deprecatedFirstTimestamp,
    lastTimestamp: ev.deprecatedLastTimestamp,
    count: ev.deprecatedCount ?? 0,
  };
}

/** formatEventSource: "component, host", using reportingController/Instance for empty fields. */
export function formatEventSource(ev: Json): string {
  const component = ev.source?.component || ev.reportingController || "";
  const instance = ev.source?.host || ev.reportingInstance || "";
  return instance ? `${component}, ${instance}` : component;
}

function eventCells(obj: KObject, now: Date): unknown[] {
  const ev = asCoreEvent(obj);
  const firstSeen = parseTime(ev.firstTimestamp) === undefined
    ? translateMicroTimestampSince(ev.eventTime, now) : translateTimestampSince(ev.firstTimestamp, now);
  let lastSeen = parseTime(ev.lastTimestamp) === undefined ? firstSeen : translateTimestampSince(ev.lastTimestamp, now);
  let count = int(ev.count);
  if (ev.series) {
    lastSeen = translateMicroTimestampSince(ev.series.lastObservedTime, now);
    count = int(ev.series.count);
  } else if (count === 0) {
    count = 1; // singleton events have no count in the new API
  }
  const io: Json = ev.involvedObject ?? {};
  const kind = String(io.kind ?? "").toLowerCase();
  const target = io.name ? `${kind}/${io.name}` : kind;
  return [
    lastSeen, ev.type ?? "", ev.reason ?? "", target, io.fieldPath ?? "", formatEventSource(ev),
    String(ev.message ?? "").trim(), firstSeen, count, ev.metadata?.name ?? "",
  ];
}

export const eventPrinter: Printer = { columns, cells: eventCells };

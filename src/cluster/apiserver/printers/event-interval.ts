// The client-side age of an event as `kubectl describe` and `kubectl events` print it
// ("30m (x4 over 32m)"): DescribeEvents in staging/src/k8s.io/kubectl/pkg/describe/describe.go and
// getInterval in pkg/cmd/events/event_printer.go (v0.32.0). Not part of the server's Table (whose
// LAST SEEN is only the age); kept here so the terminal's kubectl shares it.
import type { KObject } from "../registry/types";
import { asCoreEvent } from "./event";
import { parseMicroTime, translateMicroTimestampSince, translateTimestampSince } from "./duration";
import { int } from "./format";

export function eventInterval(obj: KObject, now: Date): string {
  const ev = asCoreEvent(obj);
  const firstSeen = parseMicroTime(ev.eventTime) === undefined
    ? translateTimestampSince(ev.firstTimestamp, now) : translateMicroTimestampSince(ev.eventTime, now);
  if (ev.series) {
    return `${translateMicroTimestampSince(ev.series.lastObservedTime, now)} (x${int(ev.series.count)} over ${firstSeen})`;
  }
  if (int(ev.count) > 1) return `${translateTimestampSince(ev.lastTimestamp, now)} (x${int(ev.count)} over ${firstSeen})`;
  return firstSeen;
}

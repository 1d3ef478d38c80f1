// events.k8s.io/v1 Events are stored as core/v1 Events (one storage for both groups), and
// converted field by field on the way in and out (pkg/apis/events/v1/conversion.go).
import type { KObject } from "./types";

const RENAMES: [core: string, v1: string][] = [
  ["involvedObject", "regarding"],
  ["message", "note"],
  ["reportingComponent", "reportingController"],
  ["source", "deprecatedSource"],
  ["firstTimestamp", "deprecatedFirstTimestamp"],
  ["lastTimestamp", "deprecatedLastTimestamp"],
  ["count", "deprecatedCount"],
];

function rename(obj: KObject, pairs: [from: string, to: string][]): KObject {
  const out: KObject = { ...obj };
  for (const [from, to] of pairs) {
    if (from in out) {
      const v = out[from];
      delete out[from];
      if (v !== undefined) out[to] = v;
    }
  }
  return out;
}

/** A stored (core) Event as events.k8s.io/v1 shows it. */
export const coreEventToV1 = (obj: KObject): KObject => rename(obj, RENAMES);

/** An events.k8s.io/v1 Event in its stored (core) form. */
export const v1EventToCore = (obj: KObject): KObject => rename(obj, RENAMES.map(([c, v]) => [v, c]));

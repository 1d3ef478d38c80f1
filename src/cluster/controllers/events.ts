// A minimal event recorder for the controllers (client-go tools/record: recorderImpl.makeEvent and
// the EventCorrelator's aggregation of identical events into one with a growing count). Core/v1
// Events named `<object>.<hex unix nanos>`, source and reportingComponent the controller's name.
// Stands in until the shared recorder (src/cluster/events/recorder.ts) exists; same call shape.
import type { ComponentContext } from "../engine/component";
import type { KObject } from "../apiserver/registry/types";
import { ApiClient } from "../engine/client";
import { groupVersion, RESOURCES } from "../apiserver/resources";
import { rfc3339 } from "../apiserver/object-meta";
import { isStatusError } from "../apiserver/status";

const events = ApiClient.resource("", "events");

export interface EventSpec {
  type: "Normal" | "Warning";
  reason: string;
  message: string;
  action?: string;
}

/** ref.GetReference: the involved object as an ObjectReference. */
export function objectReference(obj: KObject): Record<string, string> {
  const ri = obj.apiVersion ? undefined : RESOURCES.find((r) => r.kind === obj.kind && r.group !== "events.k8s.io");
  const ref: Record<string, string> = {
    kind: obj.kind,
    namespace: obj.metadata.namespace,
    name: obj.metadata.name,
    uid: obj.metadata.uid,
    apiVersion: obj.apiVersion ?? (ri ? groupVersion(ri) : ""),
    resourceVersion: obj.metadata.resourceVersion,
  };
  for (const k of Object.keys(ref)) if (!ref[k]) delete ref[k];
  return ref;
}

function hexNanos(ms: number, extra: number): string {
  return (BigInt(ms) * 1_000_000n + BigInt(extra)).toString(16);
}

/** Eventf: records the event, or bumps count and lastTimestamp of an identical one. */
export function recordEvent(ctx: ComponentContext, obj: KObject, ev: EventSpec, component: string): void {
  const ns = obj.metadata.namespace || "default";
  const now = ctx.now();
  const stamp = rfc3339(now);
  const ref = objectReference(obj);
  const same = ctx.api.list(events, ns).find((e) =>
    e.involvedObject?.uid === ref.uid && e.involvedObject?.name === ref.name && e.reason === ev.reason &&
    e.message === ev.message && e.type === ev.type && e.source?.component === component);
  try {
    if (same) {
      ctx.api.update(events, { ...same, count: (same.count ?? 1) + 1, lastTimestamp: stamp });
      return;
    }
    for (let extra = 0; extra < 1000; extra++) {
      const name = `${obj.metadata.name}.${hexNanos(now.getTime(), extra)}`;
      if (ctx.api.get(events, ns, name)) continue;
      ctx.api.create(events, ns, {
        metadata: { name, namespace: ns },
        involvedObject: ref,
        reason: ev.reason,
        message: ev.message,
        source: { component },
        firstTimestamp: stamp,
        lastTimestamp: stamp,
        count: 1,
        type: ev.type,
        eventTime: null,
        reportingComponent: component,
        reportingInstance: "",
      });
      return;
    }
  } catch (e) {
    // Events are best effort, as upstream's recorder drops what it cannot write.
    if (!isStatusError(e)) throw e;
  }
}

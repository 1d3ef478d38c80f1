// The controllers' events: the shared recorder (src/cluster/events/recorder.ts, client-go's
// tools/record style: source.component and reportingComponent the controller's name, repeats
// aggregated into count), called as upstream's controllers call recorder.Eventf.
import type { ComponentContext } from "../engine/component";
import type { KObject } from "../apiserver/registry/types";
import { groupVersion, RESOURCES } from "../apiserver/resources";
import { EventRecorder, apiEventWriter } from "../events/recorder";

export interface EventSpec {
  type: "Normal" | "Warning";
  reason: string;
  message: string;
}

/** Eventf on `obj` as `component` (e.g. deployment-controller). */
export function recordEvent(ctx: ComponentContext, obj: KObject, ev: EventSpec, component: string): void {
  const ri = RESOURCES.find((r) => r.kind === obj.kind && r.group !== "events.k8s.io");
  const target = { ...obj, kind: obj.kind as string, apiVersion: (obj.apiVersion as string | undefined) ?? (ri ? groupVersion(ri) : "v1") };
  new EventRecorder(apiEventWriter(ctx.api), () => ctx.now(), { component }, ctx.random).event(target, ev.type, ev.reason, ev.message);
}

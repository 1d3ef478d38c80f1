// Events of both groups, one storage (pkg/registry/core/event/strategy.go ToSelectableFields):
// field selectors on the involved object, reason, reporting component, source and type.
// events.k8s.io/v1 names the same fields regarding / reportingController / deprecatedSource.
import type { KObject, Strategy } from "./types";
import { str } from "./common";
import { coreEventToV1, v1EventToCore } from "./event-conversion";
import { validateEvent, validateEventUpdate } from "../validation/core-misc";

export function eventFields(ev: KObject): Record<string, string> {
  const inv = ev.involvedObject ?? ev.regarding ?? {};
  const reporting = ev.reportingComponent ?? ev.reportingController;
  const source = (ev.source ?? ev.deprecatedSource)?.component || reporting;
  return {
    "involvedObject.kind": str(inv.kind),
    "involvedObject.namespace": str(inv.namespace),
    "involvedObject.name": str(inv.name),
    "involvedObject.uid": str(inv.uid),
    "involvedObject.apiVersion": str(inv.apiVersion),
    "involvedObject.resourceVersion": str(inv.resourceVersion),
    "involvedObject.fieldPath": str(inv.fieldPath),
    reason: str(ev.reason),
    reportingComponent: str(reporting),
    source: str(source),
    type: str(ev.type),
  };
}

export const eventStrategy: Strategy = {
  validate: (obj) => validateEvent(obj),
  validateUpdate: (obj, old) => validateEventUpdate(obj, old, false),
  fields: eventFields,
};

export const eventsV1Strategy: Strategy = {
  toStorage: v1EventToCore,
  fromStorage: coreEventToV1,
  validate: (obj) => validateEvent(obj),
  validateUpdate: (obj, old) => validateEventUpdate(obj, old, true),
  fields: eventFields,
};

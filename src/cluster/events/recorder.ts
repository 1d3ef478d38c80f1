// The event recorder every simulated component shares: core/v1 Events named
// `<object>.<unix nanoseconds in hex>`, with client-go's EventCorrelator de-duplication (an event
// with the same source, involved object, type, reason and message increments `count` and moves
// `lastTimestamp` instead of creating a new object). Two styles, as upstream writes them in v1.32:
// - "legacy" (k8s.io/client-go/tools/record, used by the kubelet and most controllers):
//   source {component, host}, firstTimestamp/lastTimestamp, count, eventTime null,
//   reportingComponent/reportingInstance copied from the source;
// - "events" (k8s.io/client-go/tools/events, used by kube-scheduler): eventTime (MicroTime),
//   action, reportingController/reportingInstance, no timestamps, repeats counted in `series`.
// Upstream: staging/src/k8s.io/client-go/tools/record/{event.go,events_cache.go}, tools/events.
import type { KObject } from "../apiserver/registry/types";
import { ApiClient } from "../engine/client";
import { rfc3339 } from "../apiserver/object-meta";

const events = ApiClient.resource("", "events");

export interface EventSourceInfo {
  component: string;
  host?: string;
  style?: "legacy" | "events";
  /** events style: reportingInstance (e.g. default-scheduler-controlplane). */
  reportingInstance?: string;
}

export interface EventTarget {
  kind: string;
  apiVersion?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  metadata: { [field: string]: any };
}

export interface RecordOptions {
  /** spec.containers{name} for container events. */
  fieldPath?: string;
  /** events style: the action (Scheduling, Binding, Preempting…). */
  action?: string;
}

export interface EventWriter {
  /** The namespace's events whose names start with `namePrefix` (`<object name>.`). */
  list(ns: string, namePrefix: string): KObject[];
  create(ns: string, obj: KObject): KObject;
  update(obj: KObject): KObject;
}

export function apiEventWriter(api: ApiClient): EventWriter {
  return {
    list: (ns, namePrefix) => api.listNamed(events, ns, namePrefix),
    create: (ns, obj) => api.create(events, ns, obj),
    update: (obj) => api.update(events, obj),
  };
}

let lastNanos = 0n;

/** 6 minutes: the events-style series window (tools/events isomorphic events). */
const SERIES_WINDOW_MS = 6 * 60_000;

export class EventRecorder {
  constructor(
    private readonly writer: EventWriter,
    private readonly now: () => Date,
    private readonly source: EventSourceInfo,
    private readonly random: () => number = Math.random,
  ) {}

  /** Records (or aggregates) an event about `obj`; returns the stored event. */
  event(obj: EventTarget, type: "Normal" | "Warning", reason: string, message: string, opts: RecordOptions = {}): KObject | undefined {
    const ns = obj.metadata.namespace || "default";
    const involved: Record<string, unknown> = {
      kind: obj.kind,
      namespace: obj.metadata.namespace,
      name: obj.metadata.name,
      uid: obj.metadata.uid,
      apiVersion: obj.apiVersion ?? "v1",
      resourceVersion: obj.metadata.resourceVersion,
      fieldPath: opts.fieldPath,
    };
    for (const k of Object.keys(involved)) if (involved[k] === undefined) delete involved[k];
    const now = this.now();
    const style = this.source.style ?? "legacy";
    const prev = this.findSimilar(ns, involved, type, reason, message);
    try {
      if (style === "legacy") return this.legacy(ns, obj, involved, type, reason, message, now, prev);
      return this.newStyle(ns, obj, involved, type, reason, message, now, prev, opts.action);
    } catch {
      // As client-go: an event that cannot be written is dropped, never failing the caller.
      return undefined;
    }
  }

  private legacy(ns: string, obj: EventTarget, involved: Record<string, unknown>, type: string, reason: string, message: string, now: Date, prev?: KObject): KObject {
    const ts = rfc3339(now);
    if (prev) return this.writer.update({ ...prev, count: ((prev.count as number) ?? 1) + 1, lastTimestamp: ts });
    const source: Record<string, string> = { component: this.source.component };
    if (this.source.host) source.host = this.source.host;
    return this.writer.create(ns, {
      apiVersion: "v1", kind: "Event",
      metadata: { name: this.name(obj, now), namespace: ns },
      involvedObject: involved, reason, message, source,
      firstTimestamp: ts, lastTimestamp: ts, count: 1, type,
      eventTime: null,
      reportingComponent: this.source.component,
      reportingInstance: this.source.host ?? "",
    });
  }

  private newStyle(ns: string, obj: EventTarget, involved: Record<string, unknown>, type: string, reason: string, message: string, now: Date, prev: KObject | undefined, action?: string): KObject {
    const micro = now.toISOString().replace(/Z$/, "000Z");
    if (prev && now.getTime() - Date.parse(prev.series?.lastObservedTime ?? prev.eventTime) < SERIES_WINDOW_MS) {
      const count = (prev.series?.count ?? 1) + 1;
      return this.writer.update({ ...prev, count, series: { count, lastObservedTime: micro } });
    }
    return this.writer.create(ns, {
      apiVersion: "v1", kind: "Event",
      metadata: { name: this.name(obj, now), namespace: ns },
      involvedObject: involved, reason, message, source: {},
      firstTimestamp: null, lastTimestamp: null, type,
      eventTime: micro,
      action: action ?? reason,
      reportingComponent: this.source.component,
      reportingInstance: this.source.reportingInstance ?? this.source.component,
    });
  }

  /** The event the correlator would aggregate with (same key as record/events_cache.go getEventKey). */
  private findSimilar(ns: string, involved: Record<string, unknown>, type: string, reason: string, message: string): KObject | undefined {
    const prefix = `${involved.name as string}.`;
    let best: KObject | undefined;
    // Event names start with the object's name, so only that key range is read.
    for (const e of this.writer.list(ns, prefix)) {
      const io = e.involvedObject ?? {};
      if (e.reason !== reason || e.message !== message || e.type !== type) continue;
      if (io.kind !== involved.kind || io.uid !== involved.uid || (io.fieldPath ?? "") !== (involved.fieldPath ?? "")) continue;
      if ((e.reportingComponent ?? e.source?.component) !== this.source.component) continue;
      if ((e.source?.host ?? "") !== (this.source.style === "events" ? "" : this.source.host ?? "")) continue;
      best = e;
    }
    return best;
  }

  /** `<name>.<hex unix nanoseconds>` (record/event.go makeEvent: fmt.Sprintf("%v.%x", name, t.UnixNano())). */
  private name(obj: EventTarget, now: Date): string {
    let nanos = BigInt(now.getTime()) * 1_000_000n + BigInt(Math.floor(this.random() * 1_000)) * 1_000n;
    // UnixNano never repeats or goes back within one process: events sort by name in time order.
    if (nanos <= lastNanos) nanos = lastNanos + 1n;
    lastNanos = nanos;
    return `${obj.metadata.name}.${nanos.toString(16)}`;
  }
}

// The event recorder's correlation: a repeat of the same event about the same object counts up
// one Event; other objects (also ones whose names share a prefix), reasons or messages get their own.
import { describe, expect, it } from "vitest";
import type { KObject } from "../apiserver/registry/types";
import { EventRecorder, type EventWriter } from "./recorder";

function memoryWriter(): EventWriter & { all: KObject[] } {
  const all: KObject[] = [];
  return {
    all,
    list: (ns, prefix) => all.filter((e) => e.metadata.namespace === ns && e.metadata.name.startsWith(prefix)),
    create: (ns, obj) => { const e = { ...obj, metadata: { ...obj.metadata, namespace: ns } } as KObject; all.push(e); return e; },
    update: (obj) => { const i = all.findIndex((e) => e.metadata.name === obj.metadata.name); all[i] = obj; return obj; },
  };
}

const pod = (name: string, uid: string) => ({ kind: "Pod", metadata: { name, namespace: "default", uid } });

describe("event recorder", () => {
  it("counts repeats on one Event and keeps other objects, reasons and messages apart", () => {
    const w = memoryWriter();
    let t = Date.parse("2026-11-26T10:00:00Z");
    const rec = new EventRecorder(w, () => new Date((t += 1000)), { component: "kubelet", host: "node01" }, () => 0.5);
    rec.event(pod("web", "u1"), "Warning", "BackOff", "Back-off restarting failed container c", { fieldPath: "spec.containers{c}" });
    rec.event(pod("web.v2", "u2"), "Warning", "BackOff", "Back-off restarting failed container c", { fieldPath: "spec.containers{c}" });
    rec.event(pod("web", "u1"), "Warning", "BackOff", "Back-off restarting failed container c", { fieldPath: "spec.containers{c}" });
    rec.event(pod("web", "u1"), "Normal", "Pulled", "Container image \"nginx\" already present on machine", { fieldPath: "spec.containers{c}" });
    expect(w.all.map((e) => [e.involvedObject.name, e.reason, e.count])).toEqual([
      ["web", "BackOff", 2], ["web.v2", "BackOff", 1], ["web", "Pulled", 1],
    ]);
    const backOff = w.all[0]!;
    expect(backOff.firstTimestamp).toBe("2026-11-26T10:00:01Z");
    expect(backOff.lastTimestamp).toBe("2026-11-26T10:00:03Z");
    expect(backOff.metadata.name).toMatch(/^web\.[0-9a-f]+$/);
  });
});

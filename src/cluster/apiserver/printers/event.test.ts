// `kubectl get events` rows (server Table) and the "30m (x4 over 32m)" ages of `kubectl describe`
// / `kubectl events` (OUTPUTS.md §2, §3).
import { describe, expect, it } from "vitest";
import type { KObject } from "../registry/types";
import { eventInterval } from "./event-interval";
import { printerFor } from "./index";

const now = new Date("2025-03-01T12:00:00Z");
const ago = (sec: number) => new Date(now.getTime() - sec * 1000).toISOString().replace(/\.000Z$/, "Z");
const micro = (sec: number) => new Date(now.getTime() - sec * 1000).toISOString().replace(/Z$/, "000Z");

function coreEvent(name: string, reason: string, message: string, opts: { pod: string; type?: string; first: number; last: number; count: number; fieldPath?: string; host?: string }): KObject {
  return {
    apiVersion: "v1", kind: "Event",
    metadata: { name, namespace: "default", creationTimestamp: ago(opts.first) },
    involvedObject: { kind: "Pod", namespace: "default", name: opts.pod, uid: "a7002f55", apiVersion: "v1", resourceVersion: "812", ...(opts.fieldPath ? { fieldPath: opts.fieldPath } : {}) },
    reason, message, source: { component: "kubelet", ...(opts.host ? { host: opts.host } : {}) },
    firstTimestamp: ago(opts.first), lastTimestamp: ago(opts.last), count: opts.count, type: opts.type ?? "Normal",
    eventTime: null, reportingComponent: "kubelet", reportingInstance: opts.host ?? "",
  };
}

const pulled = coreEvent("gang-capacity-blocker.18a2b3c4d5e6f708", "Pulled", 'Container image "nvidia/cuda:12.9.0-base-ubuntu24.04" already present on machine',
  { pod: "gang-capacity-blocker", first: 86, last: 86, count: 1, fieldPath: "spec.containers{blocker}", host: "node01" });
const backOff = coreEvent("busybox.18a2b3c4d5e6f709", "BackOff", "Back-off restarting failed container busybox in pod busybox_default(a7002f55-3fbb-40b8-863e-87cfe3e7d1c1)",
  { pod: "busybox", type: "Warning", first: 32 * 60, last: 117, count: 142, fieldPath: "spec.containers{busybox}" });

const printer = printerFor("", "events");

describe("event printer", () => {
  it("has the upstream columns: LAST SEEN TYPE REASON OBJECT MESSAGE, the rest with -o wide", () => {
    expect(printer.columns.filter((c) => c.priority === 0).map((c) => c.name)).toEqual(["Last Seen", "Type", "Reason", "Object", "Message"]);
    expect(printer.columns.map((c) => c.name)).toEqual(["Last Seen", "Type", "Reason", "Object", "Subobject", "Source", "Message", "First Seen", "Count", "Name"]);
    expect(printer.columns[0].description).toBe("The time at which the most recent occurrence of this event was recorded.");
    expect(printer.columns[9].format).toBe("name");
  });

  it("prints a kubelet event as `86s Normal Pulled pod/gang-capacity-blocker ...`", () => {
    expect(printer.cells(pulled, now)).toEqual([
      "86s", "Normal", "Pulled", "pod/gang-capacity-blocker", "spec.containers{blocker}", "kubelet, node01",
      'Container image "nvidia/cuda:12.9.0-base-ubuntu24.04" already present on machine', "86s", 1, "gang-capacity-blocker.18a2b3c4d5e6f708",
    ]);
  });

  it("prints a repeated event's last occurrence and count", () => {
    expect(printer.cells(backOff, now)).toEqual([
      "117s", "Warning", "BackOff", "pod/busybox", "spec.containers{busybox}", "kubelet",
      "Back-off restarting failed container busybox in pod busybox_default(a7002f55-3fbb-40b8-863e-87cfe3e7d1c1)", "32m", 142, "busybox.18a2b3c4d5e6f709",
    ]);
  });

  it("prints <unknown> without timestamps, the first seen when there is no last, and count 1 for singletons", () => {
    const bare: KObject = { apiVersion: "v1", kind: "Event", metadata: { name: "n.1" }, involvedObject: { kind: "Node", name: "node01" }, reason: "Starting", message: " Starting kubelet. ", type: "Normal", source: {} };
    expect(printer.cells(bare, now)).toEqual(["<unknown>", "Normal", "Starting", "node/node01", "", "", "Starting kubelet.", "<unknown>", 1, "n.1"]);
    const onlyEventTime = { ...bare, eventTime: micro(5), reportingController: "default-scheduler", reportingInstance: "default-scheduler-control-plane" };
    expect(printer.cells(onlyEventTime, now).slice(0, 8)).toEqual(["5s", "Normal", "Starting", "node/node01", "", "default-scheduler, default-scheduler-control-plane", "Starting kubelet.", "5s"]);
    const noName = { ...bare, involvedObject: { kind: "ClusterRole" } };
    expect(printer.cells(noName, now)[3]).toBe("clusterrole");
  });

  it("prints events.k8s.io/v1 events through the same columns, with the series' last observation", () => {
    const ev: KObject = {
      apiVersion: "events.k8s.io/v1", kind: "Event",
      metadata: { name: "nginx.18a2", namespace: "default", creationTimestamp: ago(300) },
      eventTime: micro(300), series: { count: 5, lastObservedTime: micro(20) },
      reportingController: "kubelet", reportingInstance: "node01", action: "Pulling", reason: "BackOff",
      regarding: { kind: "Pod", namespace: "default", name: "nginx", fieldPath: "spec.containers{nginx}" },
      note: 'Back-off pulling image "nginx:latestt"', type: "Normal",
    };
    expect(printerFor("events.k8s.io", "events").cells(ev, now)).toEqual([
      "20s", "Normal", "BackOff", "pod/nginx", "spec.containers{nginx}", "kubelet, node01", 'Back-off pulling image "nginx:latestt"', "5m", 5, "nginx.18a2",
    ]);
    expect(eventInterval(ev, now)).toBe("20s (x5 over 5m)");
  });

  it("gives describe's ages: `117s (x142 over 32m)`, or the first seen of a single event", () => {
    expect(eventInterval(backOff, now)).toBe("117s (x142 over 32m)");
    expect(eventInterval(pulled, now)).toBe("86s");
    const repeated = coreEvent("x", "Created", "Created container: busybox", { pod: "busybox", first: 32 * 60, last: 30 * 60, count: 5 });
    expect(eventInterval(repeated, now)).toBe("30m (x5 over 32m)");
  });
});

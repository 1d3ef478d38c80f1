import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { Timers } from "./timers";

function withTimers(fn: (t: Timers) => void) {
  const ns = (env as unknown as { CLUSTER: DurableObjectNamespace }).CLUSTER;
  const stub = ns.get(ns.newUniqueId());
  return runInDurableObject(stub, (_i, state) => fn(new Timers(state.storage.sql)));
}

describe("Timers", () => {
  it("returns due timers in order and the earliest for the alarm", () =>
    withTimers((t) => {
      expect(t.earliest()).toBeUndefined();
      t.schedule("kubelet", "default/a", 3_000, { step: "start" });
      t.schedule("kubelet", "default/b", 1_000);
      t.schedule("lease", "node01", 2_000);
      expect(t.earliest()).toBe(1_000);
      const due = t.due(2_500);
      expect(due.map((x) => `${x.kind}:${x.key}`)).toEqual(["kubelet:default/b", "lease:node01"]);
      for (const x of due) expect(t.ack(x)).toBe(true);
      expect(t.earliest()).toBe(3_000);
      expect(t.due(3_000)[0]!.payload).toEqual({ step: "start" });
    }));

  it("replaces by name, keeps earlier on request, and cancels", () =>
    withTimers((t) => {
      t.schedule("probe", "p1", 5_000);
      t.schedule("probe", "p1", 9_000);
      expect(t.count()).toBe(1);
      expect(t.get("probe", "p1")!.dueAt).toBe(9_000);
      t.schedule("probe", "p1", 12_000, undefined, { keepEarlier: true });
      expect(t.get("probe", "p1")!.dueAt).toBe(9_000);
      expect(t.cancel("probe", "p1")).toBe(true);
      expect(t.cancel("probe", "p1")).toBe(false);
      t.schedule("pod", "ns/a/x", 1);
      t.schedule("pod", "ns/a/y", 1);
      t.schedule("pod", "ns/b/x", 1);
      expect(t.cancelPrefix("pod", "ns/a/")).toBe(2);
      expect(t.count("pod")).toBe(1);
    }));

  it("ack is idempotent and does not remove a timer re-scheduled during processing", () =>
    withTimers((t) => {
      t.schedule("sync", "k", 10);
      const [taken] = t.due(10);
      t.schedule("sync", "k", 50);
      expect(t.ack(taken!)).toBe(false);
      expect(t.earliest()).toBe(50);
      const [again] = t.due(60);
      expect(t.ack(again!)).toBe(true);
      expect(t.ack(again!)).toBe(false);
      expect(t.earliest()).toBeUndefined();
    }));
});

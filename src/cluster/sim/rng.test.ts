import { describe, expect, it } from "vitest";
import { NAME_ALPHABET, Rng } from "./rng";
import { backOffDelay, defaultProfile, fastProfile, getProfile } from "./profiles/index";

describe("Rng", () => {
  it("is deterministic per seed and resumable from its state", () => {
    const a = new Rng("cluster-1");
    const b = new Rng("cluster-1");
    const xs = [a.next(), a.int(100), a.randomString(5)];
    expect([b.next(), b.int(100), b.randomString(5)]).toEqual(xs);
    const c = new Rng(a.state);
    expect(c.randomString(10)).toBe(a.randomString(10));
    expect(new Rng("cluster-2").randomString(5)).not.toBe(new Rng("cluster-1").randomString(5));
  });

  it("draws names from upstream's alphabet", () => {
    const r = new Rng(42);
    const s = r.randomString(2000);
    expect(s).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(new Set(s).size).toBe(NAME_ALPHABET.length);
    expect(r.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("int and pick stay in range", () => {
    const r = new Rng(7);
    for (let i = 0; i < 1000; i++) {
      const v = r.int(3);
      expect(v >= 0 && v < 3).toBe(true);
    }
    expect(["a"]).toContain(r.pick(["a"]));
    expect(() => r.pick([])).toThrow(RangeError);
  });
});

describe("profiles", () => {
  it("default carries upstream defaults and back-off doubles to 5 minutes", () => {
    expect(getProfile("nope")).toBe(defaultProfile);
    expect(getProfile("fast")).toBe(fastProfile);
    const b = defaultProfile.crashLoopBackOff;
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backOffDelay(b, n) / 1000)).toEqual([10, 20, 40, 80, 160, 300, 300]);
    expect(defaultProfile.terminationGracePeriodMs).toBe(30_000);
    expect(defaultProfile.node.leaseDurationMs).toBe(40_000);
    expect(defaultProfile.node.monitorGracePeriodMs).toBe(50_000);
    expect(defaultProfile.probes).toMatchObject({ periodMs: 10_000, timeoutMs: 1_000, failureThreshold: 3 });
  });
});

import { describe, expect, it } from "vitest";
import { VirtualClock } from "./clock";

function fakeReal(start = 1_000_000) {
  let t = start;
  return { now: () => t, add: (ms: number) => { t += ms; } };
}

describe("VirtualClock", () => {
  it("follows real time at speed 1 and scales with speed", () => {
    const real = fakeReal();
    const c = new VirtualClock(real.now, { virtualAtAnchor: 5_000 });
    real.add(1_000);
    expect(c.now()).toBe(6_000);
    c.setSpeed(10);
    real.add(1_000);
    expect(c.now()).toBe(16_000);
  });

  it("pauses, steps and resumes without jumps", () => {
    const real = fakeReal();
    const c = new VirtualClock(real.now, { virtualAtAnchor: 0 });
    c.pause();
    real.add(60_000);
    expect(c.now()).toBe(0);
    c.step(2_500);
    expect(c.now()).toBe(2_500);
    expect(c.realDelayUntil(3_000)).toBe(Infinity);
    c.resume();
    real.add(100);
    expect(c.now()).toBe(2_600);
    expect(c.realDelayUntil(3_000)).toBe(400);
  });

  it("restores from a snapshot", () => {
    const real = fakeReal();
    const c = new VirtualClock(real.now, { virtualAtAnchor: 0, speed: 2 });
    real.add(500);
    const snap = c.snapshot();
    const d = new VirtualClock(real.now, snap);
    real.add(500);
    expect(d.now()).toBe(2_000);
    expect(() => c.step(-1)).toThrow(RangeError);
  });
});

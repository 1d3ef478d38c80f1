import { describe, expect, it } from "vitest";
import { TokenBuckets } from "./token-bucket";

describe("TokenBuckets", () => {
  it("allows the burst, then tells how long to wait, and refills at the rate", () => {
    const b = new TokenBuckets({ ratePerSecond: 2, burst: 3 });
    expect([b.take("k", 0), b.take("k", 0), b.take("k", 0)]).toEqual([0, 0, 0]);
    expect(b.take("k", 0)).toBe(1);
    expect(b.take("k", 500)).toBe(0); // one token back after half a second at 2/s
    expect(b.take("k", 500)).toBe(1);
    expect(b.take("other", 500)).toBe(0);
  });

  it("waits whole seconds at slow rates and never refills past the burst", () => {
    const b = new TokenBuckets({ ratePerSecond: 0.25, burst: 1 });
    expect(b.take("k", 0)).toBe(0);
    expect(b.take("k", 0)).toBe(4);
    expect(b.take("k", 1_000_000)).toBe(0);
    expect(b.take("k", 1_000_000)).toBe(4);
  });

  it("bounds memory by dropping the least recently used keys", () => {
    const b = new TokenBuckets({ ratePerSecond: 1, burst: 1 }, 2);
    b.take("a", 0); b.take("b", 0); b.take("a", 0); b.take("c", 0);
    expect(b.size).toBe(2);
    expect(b.take("b", 0)).toBe(0); // "b" was dropped: a fresh, full bucket
    expect(b.take("c", 0)).toBe(1);
  });
});

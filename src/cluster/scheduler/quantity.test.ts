// Quantity parsing as the scheduler reads requests and allocatable.
import { describe, expect, it } from "vitest";
import { quantityMilliValue, quantityValue } from "./quantity";

describe("quantity", () => {
  it("reads cpu in millicores exactly", () => {
    expect(["0.1", "100m", "2", "1.5", "250m", "1e-1"].map(quantityMilliValue)).toEqual([100, 100, 2000, 1500, 250, 100]);
  });
  it("reads memory in bytes, rounding up", () => {
    expect(quantityValue("3922412Ki")).toBe(3922412 * 1024);
    expect(quantityValue("4Gi")).toBe(4 * 1024 ** 3);
    expect(quantityValue("128M")).toBe(128_000_000);
    expect(quantityValue("1e3")).toBe(1000);
    expect(quantityValue("100m")).toBe(1);
    expect(quantityValue("junk")).toBe(0);
  });
});

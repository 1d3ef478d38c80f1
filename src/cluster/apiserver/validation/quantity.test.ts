import { describe, expect, it } from "vitest";
import { canonicalQuantity, compareQuantity, milliValue, parseQuantity, quantityString, quantityValue, QUANTITY_FORMAT_ERROR, addQuantity } from "./quantity";

describe("Quantity", () => {
  it.each([
    ["100m", "100m"], ["1Gi", "1Gi"], ["2", "2"], ["1e3", "1e3"], ["500Mi", "500Mi"], ["1000m", "1"],
    ["0.5", "500m"], ["1.5Gi", "1536Mi"], ["2000", "2k"], ["1500", "1500"], ["0.5Ki", "512"], ["1024", "1024"],
    ["12e2", "1200"], ["128974848", "128974848"], ["129e6", "129e6"], ["129M", "129M"], ["123Mi", "123Mi"], ["0", "0"], [1, "1"], [0.25, "250m"],
    ["1n", "1n"], ["0.0000000001", "1n"], ["-100m", "-100m"],
  ] as [string | number, string][])("%s prints as %s", (input, out) => {
    expect(canonicalQuantity(input)).toBe(out);
  });

  it("rejects what upstream rejects with its message", () => {
    for (const bad of ["", "abc", "1Gb", "1.2.3x", "--1"]) expect(() => parseQuantity(bad), bad).toThrow();
    expect(() => parseQuantity("abc")).toThrow(QUANTITY_FORMAT_ERROR);
  });

  it("compares across formats and sums", () => {
    expect(compareQuantity(parseQuantity("1"), parseQuantity("1000m"))).toBe(0);
    expect(compareQuantity(parseQuantity("1Gi"), parseQuantity("1G"))).toBe(1);
    expect(compareQuantity(parseQuantity("100m"), parseQuantity("0.2"))).toBe(-1);
    expect(quantityString(addQuantity(parseQuantity("250m"), parseQuantity("750m")))).toBe("1");
    expect(milliValue(parseQuantity("1.5"))).toBe(1500);
    expect(quantityValue(parseQuantity("1Ki"))).toBe(1024);
    expect(quantityValue(parseQuantity("100m"))).toBe(1);
  });
});

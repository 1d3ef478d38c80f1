// Ages as a v1.32 kubectl shows them (apimachinery duration.HumanDuration / ShortHumanDuration).
import { describe, expect, it } from "vitest";
import { humanDuration, shortHumanDuration, translateMicroTimestampSince, translateTimestampSince } from "./duration";

const s = 1000, m = 60 * s, h = 60 * m, d = 24 * h;

describe("humanDuration", () => {
  it("prints the ages seen in real `kubectl get` output", () => {
    expect(humanDuration(107 * s)).toBe("107s");
    expect(humanDuration(7 * m + 15 * s)).toBe("7m15s");
    expect(humanDuration(6 * m + 16 * s)).toBe("6m16s");
    expect(humanDuration(2 * m + 38 * s)).toBe("2m38s");
    expect(humanDuration(99 * m)).toBe("99m");
    expect(humanDuration(4 * h + 27 * m + 59 * s)).toBe("4h27m");
  });

  it("switches units at upstream's boundaries", () => {
    expect(humanDuration(0)).toBe("0s");
    expect(humanDuration(119 * s + 999)).toBe("119s");
    expect(humanDuration(120 * s)).toBe("2m");
    expect(humanDuration(9 * m + 59 * s)).toBe("9m59s");
    expect(humanDuration(10 * m + 30 * s)).toBe("10m");
    expect(humanDuration(179 * m)).toBe("179m");
    expect(humanDuration(3 * h)).toBe("3h");
    expect(humanDuration(7 * h + 59 * m)).toBe("7h59m");
    expect(humanDuration(8 * h + 30 * m)).toBe("8h");
    expect(humanDuration(47 * h)).toBe("47h");
    expect(humanDuration(48 * h)).toBe("2d");
    expect(humanDuration(3 * d + 4 * h)).toBe("3d4h");
    expect(humanDuration(8 * d + 4 * h)).toBe("8d");
    expect(humanDuration(729 * d)).toBe("729d");
    expect(humanDuration(730 * d)).toBe("2y");
    expect(humanDuration(760 * d)).toBe("2y30d");
    expect(humanDuration(8 * 365 * d + 100 * d)).toBe("8y");
  });

  it("tolerates a second of clock skew and rejects more", () => {
    expect(humanDuration(-1500)).toBe("0s");
    expect(humanDuration(-2 * s)).toBe("<invalid>");
  });
});

describe("shortHumanDuration", () => {
  it("keeps one unit", () => {
    expect(shortHumanDuration(59 * s)).toBe("59s");
    expect(shortHumanDuration(60 * s)).toBe("1m");
    expect(shortHumanDuration(59 * m + 59 * s)).toBe("59m");
    expect(shortHumanDuration(23 * h + 59 * m)).toBe("23h");
    expect(shortHumanDuration(364 * d)).toBe("364d");
    expect(shortHumanDuration(400 * d)).toBe("1y");
    expect(shortHumanDuration(-3 * s)).toBe("<invalid>");
  });
});

describe("translateTimestampSince", () => {
  const now = new Date("2025-09-09T15:26:38.400Z");
  it("is <unknown> for a missing or zero time", () => {
    expect(translateTimestampSince(undefined, now)).toBe("<unknown>");
    expect(translateTimestampSince("", now)).toBe("<unknown>");
    expect(translateTimestampSince("0001-01-01T00:00:00Z", now)).toBe("<unknown>");
    expect(translateMicroTimestampSince(null, now)).toBe("<unknown>");
  });

  it("counts whole seconds of a metav1.Time and the micro precision of a MicroTime", () => {
    expect(translateTimestampSince("2025-09-09T15:19:23Z", now)).toBe("7m15s");
    // metav1.Time keeps no fractions: 15:24:38.900 is stored as 15:24:38, two minutes ago.
    expect(translateTimestampSince("2025-09-09T15:24:38.900Z", now)).toBe("2m");
    expect(translateMicroTimestampSince("2025-09-09T15:24:38.900000Z", now)).toBe("119s");
  });
});

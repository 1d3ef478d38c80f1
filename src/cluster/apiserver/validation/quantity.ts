// resource.Quantity: parsing ("100m", "1Gi", "2", "1e3", "500Mi"), the canonical string form the
// API server writes back, comparison and sums. Mirrors k8s.io/apimachinery/pkg/api/resource/quantity.go
// and suffix.go. A value is mantissa × 10^scale (exact, BigInt), kept at nano precision (rounded up).

export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

export interface Quantity {
  mantissa: bigint;
  scale: number;
  format: QuantityFormat;
}

export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const QUANTITY_NUMERIC_ERROR = "unable to parse numeric part of quantity";
export const QUANTITY_SUFFIX_ERROR = "unable to parse quantity's suffix";

export class QuantityParseError extends Error {}

const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const QUANTITY_RE = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const MIN_SCALE = -9;

const pow10 = (n: number) => 10n ** BigInt(n);

function normalize(mantissa: bigint, scale: number): { mantissa: bigint; scale: number } {
  if (scale < MIN_SCALE) {
    const d = pow10(MIN_SCALE - scale);
    let q = mantissa / d;
    if (q * d !== mantissa && mantissa > 0n) q += 1n; // round up, as upstream's AsScale(-9) ceiling
    return { mantissa: q, scale: MIN_SCALE };
  }
  return { mantissa, scale };
}

/** ParseQuantity; JSON numbers are accepted as their decimal text. Throws QuantityParseError with the upstream message. */
export function parseQuantity(input: string | number): Quantity {
  const str = typeof input === "number" ? String(input) : input.trim();
  const m = QUANTITY_RE.exec(str);
  if (!str || !m) throw new QuantityParseError(QUANTITY_FORMAT_ERROR);
  const num = m[1];
  const suffix = m[2];
  const nm = /^([+-]?)([0-9]*)(?:\.([0-9]*))?$/.exec(num);
  if (!nm || (nm[2] === "" && !nm[3])) throw new QuantityParseError(QUANTITY_NUMERIC_ERROR);
  const negative = nm[1] === "-";
  const frac = nm[3] ?? "";
  let mantissa = BigInt((nm[2] || "0") + frac) * (negative ? -1n : 1n);
  let scale = -frac.length;
  let format: QuantityFormat;
  if (suffix in DECIMAL) {
    format = "DecimalSI";
    scale += DECIMAL[suffix];
  } else if (suffix in BINARY) {
    format = "BinarySI";
    mantissa *= 2n ** BigInt(BINARY[suffix]);
  } else if (/^[eE][-+]?[0-9]+$/.test(suffix)) {
    format = "DecimalExponent";
    scale += Number(suffix.slice(1));
  } else {
    throw new QuantityParseError(QUANTITY_SUFFIX_ERROR);
  }
  return { ...normalize(mantissa, scale), format };
}

export function tryParseQuantity(input: unknown): Quantity | undefined {
  if (typeof input !== "string" && typeof input !== "number") return undefined;
  try { return parseQuantity(input); } catch { return undefined; }
}

function atScale(q: Quantity, scale: number): bigint {
  return q.scale >= scale ? q.mantissa * pow10(q.scale - scale) : q.mantissa / pow10(scale - q.scale);
}

export function compareQuantity(a: Quantity, b: Quantity): -1 | 0 | 1 {
  const s = Math.min(a.scale, b.scale);
  const x = atScale(a, s);
  const y = atScale(b, s);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Sum keeps the format of the first operand, as Quantity.Add does. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  const s = Math.min(a.scale, b.scale);
  return { mantissa: atScale(a, s) + atScale(b, s), scale: s, format: a.format };
}

export const zeroQuantity = (format: QuantityFormat = "DecimalSI"): Quantity => ({ mantissa: 0n, scale: 0, format });
export const isZero = (q: Quantity) => q.mantissa === 0n;

/** MilliValue, rounded up. */
export function milliValue(q: Quantity): number {
  return Number(ceilAtScale(q, -3));
}

/** Value, rounded up to an integer. */
export function quantityValue(q: Quantity): number {
  return Number(ceilAtScale(q, 0));
}

function ceilAtScale(q: Quantity, scale: number): bigint {
  if (q.scale >= scale) return q.mantissa * pow10(q.scale - scale);
  const d = pow10(scale - q.scale);
  const t = q.mantissa / d;
  return t * d !== q.mantissa && q.mantissa > 0n ? t + 1n : t;
}

const DECIMAL_SUFFIX: Record<number, string> = Object.fromEntries(Object.entries(DECIMAL).map(([k, v]) => [v, k]));
const BINARY_SUFFIX: Record<number, string> = { 0: "", 1: "Ki", 2: "Mi", 3: "Gi", 4: "Ti", 5: "Pi", 6: "Ei" };

/** Mantissa with no trailing decimal zeros beyond a multiple-of-3 exponent (AsCanonicalBytes). */
function canonicalDecimal(q: Quantity): { n: bigint; exp: number } {
  let n = q.mantissa;
  let exp = q.scale;
  if (n === 0n) return { n: 0n, exp: 0 };
  while (n % 10n === 0n) { n /= 10n; exp += 1; }
  const r = ((exp % 3) + 3) % 3;
  if (r !== 0) { n *= pow10(r); exp -= r; }
  return { n, exp };
}

/** Quantity.String(): the canonical form written back in objects ("1000m" → "1", "1.5Gi" → "1536Mi"). */
export function quantityString(q: Quantity): string {
  let format = q.format;
  if (format === "BinarySI") {
    const small = compareQuantity(q, parseQuantity("-1024")) > 0 && compareQuantity(q, parseQuantity("1024")) < 0;
    const integral = q.scale >= 0 || q.mantissa % pow10(-q.scale) === 0n;
    if (small || !integral) format = "DecimalSI";
  }
  if (format === "BinarySI") {
    let n = atScale(q, 0);
    let exp = 0;
    while (n !== 0n && n % 1024n === 0n && exp < 6) { n /= 1024n; exp += 1; }
    return `${n}${BINARY_SUFFIX[exp]}`;
  }
  const { n, exp } = canonicalDecimal(q);
  if (format === "DecimalExponent") return exp === 0 ? `${n}` : `${n}e${exp}`;
  const suffix = DECIMAL_SUFFIX[exp];
  return suffix !== undefined ? `${n}${suffix}` : `${n}e${exp}`;
}

/** Parse then print canonically; undefined when it does not parse. */
export function canonicalQuantity(input: unknown): string | undefined {
  const q = tryParseQuantity(input);
  return q ? quantityString(q) : undefined;
}

// Resource quantities as the scheduler reads them: Quantity.Value() and Quantity.MilliValue()
// of k8s.io/apimachinery/pkg/api/resource (quantity.go), both rounded up, computed exactly with
// BigInt so "0.1" cpu is 100 millicores and not 101.
// (A shared parser is planned in apiserver/validation/quantity.ts; this one is the scheduler's own
// until then.)

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const FORM = /^([+-]?)(\d*)(?:\.(\d*))?(?:(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])|[eE]([+-]?\d+))?$/;

interface Rational { num: bigint; den: bigint }

function parseRational(s: string): Rational | undefined {
  const m = FORM.exec(String(s).trim());
  if (!m) return undefined;
  const [, sign, whole = "", frac = "", suffix, exp] = m;
  if (whole === "" && frac === "") return undefined;
  let num = BigInt((whole || "0") + frac);
  let den = 10n ** BigInt(frac.length);
  let exp10 = 0;
  if (suffix && suffix in BINARY) num *= 2n ** BigInt(BINARY[suffix]!);
  else if (suffix !== undefined) exp10 = DECIMAL[suffix]!;
  else if (exp !== undefined) exp10 = Number(exp);
  if (exp10 >= 0) num *= 10n ** BigInt(exp10);
  else den *= 10n ** BigInt(-exp10);
  if (sign === "-") num = -num;
  return { num, den };
}

function ceilDiv(num: bigint, den: bigint): bigint {
  const q = num / den;
  return num % den !== 0n && num > 0n ? q + 1n : q;
}

/** Quantity.Value(): the quantity as an integer, rounded up; 0 for an unparsable string. */
export function quantityValue(s: unknown): number {
  const r = s === undefined || s === null ? undefined : parseRational(String(s));
  return r ? Number(ceilDiv(r.num, r.den)) : 0;
}

/** Quantity.MilliValue(): the quantity × 1000, rounded up (cpu in millicores). */
export function quantityMilliValue(s: unknown): number {
  const r = s === undefined || s === null ? undefined : parseRational(String(s));
  return r ? Number(ceilDiv(r.num * 1000n, r.den)) : 0;
}

/** Whether the string is a valid quantity. */
export function isQuantity(s: string): boolean {
  return parseRational(s) !== undefined;
}

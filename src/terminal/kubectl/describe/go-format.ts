// Go formatting that kubectl describe relies on: time.RFC1123Z ("Mon, 02 Jan 2006 15:04:05 -0700",
// in UTC here as the kubectl in Podlab's terminal runs with TZ=UTC), %v of booleans and *bool
// pointers, and small JSON accessors with Go's zero values for absent fields.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad2 = (n: number) => String(n).padStart(2, "0");

/** metav1.Time.Time.Format(time.RFC1123Z); Go's zero time for an absent timestamp. */
export function rfc1123z(ts: string | undefined | null): string {
  const t = ts ? Date.parse(ts) : NaN;
  if (Number.isNaN(t)) return "Mon, 01 Jan 0001 00:00:00 +0000";
  const d = new Date(t);
  return `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

/** %v of a Go bool (false when absent). */
export const goBool = (v: unknown): string => (v === true ? "true" : "false");

/** %v of a *bool: "<nil>" when unset. */
export const goBoolPtr = (v: unknown): string => (v === undefined || v === null ? "<nil>" : goBool(v));

/** printBool: "True"/"False". */
export const printBool = (v: unknown): string => (v === true ? "True" : "False");

/** %v / %d of an integer field (0 when absent). */
export const goInt = (v: unknown): string => (typeof v === "number" ? String(Math.trunc(v)) : "0");

/** A string field ("" when absent). */
export const str = (v: unknown): string => (typeof v === "string" ? v : v === undefined || v === null ? "" : String(v));

/** sort.Strings order. */
export const byBytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** %v of a []string: "[a b c]". */
export const goStringSlice = (v: unknown): string => `[${(Array.isArray(v) ? v : []).join(" ")}]`;

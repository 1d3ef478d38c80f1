// Human-readable ages: HumanDuration and ShortHumanDuration of
// staging/src/k8s.io/apimachinery/pkg/util/duration/duration.go, and the
// translateTimestampSince / translateMicroTimestampSince helpers of
// pkg/printers/internalversion/printers.go. Durations are in milliseconds here (Go: nanoseconds);
// every division truncates toward zero as Go's integer conversions do.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
// Go's zero time.Time (0001-01-01T00:00:00Z), which IsZero() reports as unset.
const ZERO_TIME = Date.parse("0001-01-01T00:00:00Z");

/** HumanDuration: ~2-3 significant figures ("107s", "7m15s", "99m", "4h27m", "3d4h", "2y30d"). */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** ShortHumanDuration: one unit only ("45s", "12m", "5h", "3d", "2y"). */
export function shortHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(ms / HOUR / 24 / 365)}y`;
}

/**
 * A metav1.Time as epoch milliseconds, or undefined for the zero time. metav1.Time serializes
 * with whole seconds, so an object read back from storage never carries fractions: drop them.
 */
export function parseTime(ts: string | undefined | null): number | undefined {
  const t = parseMicroTime(ts);
  return t === undefined ? undefined : Math.floor(t / SECOND) * SECOND;
}

/** A metav1.MicroTime (eventTime, series.lastObservedTime) as epoch milliseconds, or undefined. */
export function parseMicroTime(ts: string | undefined | null): number | undefined {
  if (!ts) return undefined;
  const t = Date.parse(ts);
  if (Number.isNaN(t) || t <= ZERO_TIME) return undefined;
  return t;
}


/** translateTimestampSince: the age of a metav1.Time, "<unknown>" when unset. */
export function translateTimestampSince(ts: string | undefined | null, now: Date): string {
  const t = parseTime(ts);
  return t === undefined ? "<unknown>" : humanDuration(now.getTime() - t);
}

/** translateMicroTimestampSince: the age of a metav1.MicroTime, "<unknown>" when unset. */
export function translateMicroTimestampSince(ts: string | undefined | null, now: Date): string {
  const t = parseMicroTime(ts);
  return t === undefined ? "<unknown>" : humanDuration(now.getTime() - t);
}

// Timing profiles by name. A cluster picks one at creation; components read timings from it.
import { defaultProfile } from "./default";
import { fastProfile } from "./fast";
import type { BackOffTiming, TimingProfile } from "./types";

export type { BackOffTiming, ProbeDefaults, TimingProfile } from "./types";
export { defaultProfile, fastProfile };

export const profiles: Readonly<Record<string, TimingProfile>> = {
  default: defaultProfile,
  fast: fastProfile,
};

/** The profile called `name`, or `default` when the name is unknown or absent. */
export function getProfile(name?: string): TimingProfile {
  return (name !== undefined && profiles[name]) || defaultProfile;
}

/** The delay after `failures` consecutive failures (1 = first): initial × 2^(n-1), capped at max
 *  (k8s.io/client-go/util/flowcontrol Backoff). */
export function backOffDelay(t: BackOffTiming, failures: number): number {
  if (failures <= 0) return 0;
  const d = t.initialMs * 2 ** (failures - 1);
  return Math.min(d, t.maxMs);
}

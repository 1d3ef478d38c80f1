// The `fast` timing profile: the same logic and the same ordering of steps as `default`, with
// every latency shortened so tests and demos complete quickly. Back-off doubling and thresholds
// keep their shapes (10 × shorter); counts such as failure thresholds are unchanged.
import { defaultProfile } from "./default";
import type { TimingProfile } from "./types";

const d = defaultProfile;

export const fastProfile: TimingProfile = {
  name: "fast",
  imagePullBackOff: { initialMs: 1_000, maxMs: 30_000, resetAfterMs: 60_000 },
  crashLoopBackOff: { initialMs: 1_000, maxMs: 30_000, resetAfterMs: 60_000 },
  terminationGracePeriodMs: d.terminationGracePeriodMs,
  probes: { ...d.probes, periodMs: 1_000, timeoutMs: 100 },
  node: {
    leaseDurationMs: 4_000,
    leaseRenewIntervalMs: 1_000,
    statusUpdateFrequencyMs: 1_000,
    statusReportFrequencyMs: 30_000,
    monitorGracePeriodMs: 5_000,
    monitorPeriodMs: 500,
    evictionTolerationMs: 30_000,
  },
  runtime: {
    sandboxCreateMs: 10,
    containerCreateMs: 5,
    containerStartMs: 5,
    pullResolveMs: 10,
    pullBytesPerSecond: 2_000_000_000,
    unpackBytesPerSecond: 4_000_000_000,
    podWorkerPickupMs: 1,
  },
  scheduler: { podInitialBackoffMs: 100, podMaxBackoffMs: 1_000, podMaxInUnschedulableMs: 30_000 },
};

// The `default` timing profile: upstream Kubernetes v1.32 defaults, so what a person sees takes
// as long as on a real cluster. Sources: pkg/kubelet/kubelet.go (backOffPeriod 10s,
// MaxContainerBackOff 300s), pkg/kubelet/apis/config/v1beta1 defaults (lease 40s, status update
// 10s, report 5m), pkg/apis/core/v1 defaults (grace 30s, probe period 10s / timeout 1s /
// failure 3), kube-controller-manager (node monitor grace 50s since v1.32, period 5s),
// DefaultTolerationSeconds 300, kube-scheduler (backoff 1s..10s, unschedulable 5m).
import type { TimingProfile } from "./types";

export const defaultProfile: TimingProfile = {
  name: "default",
  imagePullBackOff: { initialMs: 10_000, maxMs: 300_000, resetAfterMs: 600_000 },
  crashLoopBackOff: { initialMs: 10_000, maxMs: 300_000, resetAfterMs: 600_000 },
  terminationGracePeriodMs: 30_000,
  probes: { periodMs: 10_000, timeoutMs: 1_000, failureThreshold: 3, successThreshold: 1, initialDelayMs: 0 },
  node: {
    leaseDurationMs: 40_000,
    leaseRenewIntervalMs: 10_000,
    statusUpdateFrequencyMs: 10_000,
    statusReportFrequencyMs: 300_000,
    monitorGracePeriodMs: 50_000,
    monitorPeriodMs: 5_000,
    evictionTolerationMs: 300_000,
  },
  runtime: {
    sandboxCreateMs: 600,
    containerCreateMs: 150,
    containerStartMs: 250,
    pullResolveMs: 700,
    // About 25 MB/s: nginx (~72 MB compressed) pulls in about 3.5 s, as in typical transcripts.
    pullBytesPerSecond: 25_000_000,
    unpackBytesPerSecond: 120_000_000,
    podWorkerPickupMs: 50,
  },
  scheduler: { podInitialBackoffMs: 1_000, podMaxBackoffMs: 10_000, podMaxInUnschedulableMs: 300_000 },
};

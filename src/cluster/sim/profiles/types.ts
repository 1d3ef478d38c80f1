// The shape of a timing profile: every delay and rate the simulated cluster uses, as data.
// Mirrors the idea of kwok's stage profiles (kustomize/stage/pod/*) and the upstream defaults
// spread over pkg/kubelet (backoff, probes, lease) and pkg/controller/nodelifecycle.
// All durations are in milliseconds of virtual time.

export interface BackOffTiming {
  initialMs: number;
  maxMs: number;
  /** A back-off entry not touched for this long is reset (kubelet: 2 × max). */
  resetAfterMs: number;
}

export interface ProbeDefaults {
  periodMs: number;
  timeoutMs: number;
  failureThreshold: number;
  successThreshold: number;
  initialDelayMs: number;
}

export interface TimingProfile {
  name: string;
  /** kubelet image pull back-off (pkg/kubelet/kubelet.go backOffPeriod / MaxContainerBackOff). */
  imagePullBackOff: BackOffTiming;
  /** CrashLoopBackOff (pkg/kubelet/kubelet.go containerBackOffPeriod; reset after 10 min running). */
  crashLoopBackOff: BackOffTiming;
  /** Default pod terminationGracePeriodSeconds. */
  terminationGracePeriodMs: number;
  probes: ProbeDefaults;
  node: {
    /** Node lease duration (kubelet nodeLeaseDurationSeconds). */
    leaseDurationMs: number;
    /** Lease renew interval (25 % of the lease duration). */
    leaseRenewIntervalMs: number;
    /** kubelet nodeStatusUpdateFrequency. */
    statusUpdateFrequencyMs: number;
    /** kubelet nodeStatusReportFrequency. */
    statusReportFrequencyMs: number;
    /** kube-controller-manager --node-monitor-grace-period (50 s since v1.32). */
    monitorGracePeriodMs: number;
    /** kube-controller-manager --node-monitor-period. */
    monitorPeriodMs: number;
    /** Default not-ready / unreachable toleration (DefaultTolerationSeconds admission). */
    evictionTolerationMs: number;
  };
  runtime: {
    /** Sandbox (pause container) creation latency. */
    sandboxCreateMs: number;
    /** Container create latency (CreateContainer). */
    containerCreateMs: number;
    /** Container start latency after create (StartContainer). */
    containerStartMs: number;
    /** Time to resolve a reference against a registry before bytes flow (also the not-found latency). */
    pullResolveMs: number;
    /** Registry pull throughput, bytes per second of virtual time. */
    pullBytesPerSecond: number;
    /** Unpack throughput, bytes per second. */
    unpackBytesPerSecond: number;
    /** Scheduler-to-kubelet pickup delay after a pod is bound. */
    podWorkerPickupMs: number;
  };
  scheduler: {
    /** Backoff for unschedulable pods (podInitialBackoffSeconds / podMaxBackoffSeconds). */
    podInitialBackoffMs: number;
    podMaxBackoffMs: number;
    /** podMaxInUnschedulablePodsDuration. */
    podMaxInUnschedulableMs: number;
  };
}

// Per-token rate limiting of a cluster's Kubernetes API, kept in the cluster's own object. Over
// the limit a request gets 429 with a TooManyRequests Status carrying details.retryAfterSeconds
// and a Retry-After header, as the apiserver's max-in-flight and priority-and-fairness filters
// answer (staging/src/k8s.io/apiserver/pkg/server/filters/maxinflight.go); client-go and kubectl
// wait for Retry-After and retry.
import { TokenBuckets, type BucketConfig } from "../lib/token-bucket";
import { sha256Hex } from "../lib/crypto";
import { tooManyRequests, type StatusError } from "./apiserver/status";

/** Generous for kubectl and client libraries (client-go defaults to 5 QPS, burst 10; kubectl to 50/300 with its own limiter). */
export const CLUSTER_RATE_LIMIT: BucketConfig = { ratePerSecond: 50, burst: 200 };

export class ClusterRateLimiter {
  private readonly buckets: TokenBuckets;

  constructor(private readonly config: BucketConfig = CLUSTER_RATE_LIMIT) {
    this.buckets = new TokenBuckets(config);
  }

  /** Takes one request of the token's budget; the Status to answer with when it is spent. */
  async take(token: string | undefined, nowMs: number): Promise<StatusError | undefined> {
    // Keyed by the token's hash so that tokens are not kept in memory; requests without a
    // token share one bucket (they are refused as unauthenticated anyway).
    const key = token ? await sha256Hex(token) : "";
    const wait = this.buckets.take(key, nowMs);
    if (!wait) return undefined;
    const { ratePerSecond, burst } = this.config;
    return tooManyRequests(
      `Too many requests, please try again later: the rate limit of this cluster is ${ratePerSecond} requests per second per token (burst ${burst})`,
      wait,
    );
  }
}

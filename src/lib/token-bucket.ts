// Token-bucket rate limiting, kept in memory by the object that owns the tokens (the account
// object for service calls, the cluster object for Kubernetes API calls): no global store. The
// same algorithm as golang.org/x/time/rate (used by client-go's flowcontrol): a bucket of `burst`
// tokens refilled at `ratePerSecond`; a request takes one token or learns how long to wait.

export interface BucketConfig {
  /** Tokens refilled per second. */
  ratePerSecond: number;
  /** Bucket size: requests allowed at once after an idle period. */
  burst: number;
}

interface Bucket { tokens: number; at: number }

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  /** `maxKeys` bounds memory: when exceeded, the buckets idle longest (refilled anyway) are dropped. */
  constructor(private readonly config: BucketConfig, private readonly maxKeys = 1000) {}

  /** Takes one token for `key` at `nowMs`; 0 when allowed, else the whole seconds to wait (≥ 1). */
  take(key: string, nowMs: number): number {
    const { ratePerSecond, burst } = this.config;
    let b = this.buckets.get(key);
    if (!b) {
      this.evictIfFull();
      b = { tokens: burst, at: nowMs };
    } else {
      b.tokens = Math.min(burst, b.tokens + ((nowMs - b.at) / 1000) * ratePerSecond);
      b.at = nowMs;
      this.buckets.delete(key); // re-inserted below: the Map's order is least recently used first
    }
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / ratePerSecond));
  }

  /** Forgets a key (e.g. a revoked token). */
  forget(key: string): void {
    this.buckets.delete(key);
  }

  get size(): number {
    return this.buckets.size;
  }

  private evictIfFull(): void {
    while (this.buckets.size >= this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest === undefined) return;
      this.buckets.delete(oldest);
    }
  }
}

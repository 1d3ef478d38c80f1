// The service's limits per account: how many clusters, how many nodes a cluster may have, the
// default idle TTL, and the rate limit on service API calls (a token bucket per account token,
// kept in the account's own object).
import type { BucketConfig } from "../lib/token-bucket";
import { DEFAULT_TTL_HOURS } from "../cluster/quotas";

export const ACCOUNT_QUOTAS = {
  /** Clusters an account holds at once (forks included). */
  clusters: 10,
  /** Nodes a cluster may be created with. */
  nodesPerCluster: 10,
};

export const SERVICE_RATE_LIMIT: BucketConfig = { ratePerSecond: 5, burst: 60 };

/** Clusters expire after this many hours without a request unless created with `ttlHours`. */
export const DEFAULT_CLUSTER_TTL_HOURS = DEFAULT_TTL_HOURS;

/** The default node count of a new cluster (templates/nodes.ts: one control plane, two workers). */
export const DEFAULT_NODE_COUNT = 3;

/** Service API request bodies are small JSON documents. */
export const MAX_SERVICE_BODY_BYTES = 64 * 1024;

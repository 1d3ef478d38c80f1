// The Worker's bindings.
import type { ClusterObject } from "../cluster/object";
import type { AccountObject } from "./account-object";

export interface Env {
  CLUSTER: DurableObjectNamespace<ClusterObject>;
  ACCOUNT: DurableObjectNamespace<AccountObject>;
  ASSETS?: Fetcher;
  /**
   * Set (e.g. `--var PODLAB_SERVER_TIMING:on`) to add a `Server-Timing: cluster;dur=<ms>` header
   * to Kubernetes API responses: the time from the Worker handing the request to the cluster to
   * the cluster's response head. Benchmarks read it; it is off by default because Cloudflare's
   * clocks only advance on I/O, so in production it would mostly read 0.
   */
  PODLAB_SERVER_TIMING?: string;
}

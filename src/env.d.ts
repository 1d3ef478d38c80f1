// The bindings seen by tests (`env` from "cloudflare:test" / "cloudflare:workers").
import type { ClusterObject } from "./cluster/object";
import type { AccountObject } from "./service/account-object";

declare global {
  namespace Cloudflare {
    interface Env {
      CLUSTER: DurableObjectNamespace<ClusterObject>;
      ACCOUNT: DurableObjectNamespace<AccountObject>;
      ASSETS?: Fetcher;
    }
  }
}
export {};

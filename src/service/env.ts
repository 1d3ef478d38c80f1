// The Worker's bindings.
import type { ClusterObject } from "../cluster/object";
import type { AccountObject } from "./account-object";

export interface Env {
  CLUSTER: DurableObjectNamespace<ClusterObject>;
  ACCOUNT: DurableObjectNamespace<AccountObject>;
  ASSETS?: Fetcher;
}

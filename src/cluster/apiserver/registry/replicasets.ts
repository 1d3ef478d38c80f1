// ReplicaSets (pkg/registry/apps/replicaset/strategy.go): field selector status.replicas.
import { appsStrategy } from "./workload";
import { defaultReplicaSet } from "./defaults/workloads";

export const replicaSetStrategy = appsStrategy("ReplicaSet", defaultReplicaSet, {
  fields: (obj) => ({ "status.replicas": String(obj.status?.replicas ?? 0) }),
});

// StatefulSets (pkg/registry/apps/statefulset/strategy.go).
import { appsStrategy } from "./workload";
import { defaultStatefulSet } from "./defaults/workloads";

export const statefulSetStrategy = appsStrategy("StatefulSet", defaultStatefulSet);

// DaemonSets (pkg/registry/apps/daemonset/strategy.go).
import { appsStrategy } from "./workload";
import { defaultDaemonSet } from "./defaults/workloads";

export const daemonSetStrategy = appsStrategy("DaemonSet", defaultDaemonSet);

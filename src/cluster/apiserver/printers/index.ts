// Server-side printing, as pkg/printers/internalversion/printers.go registers it: one printer per
// resource, looked up by group and resource; resources without one get the default NAME /
// CREATED AT table (apiserver rest/table.go). Used by the API server's Table answers and by the
// terminal's kubectl.
import { configMapPrinter } from "./configmap";
import { daemonSetPrinter } from "./daemonset";
import { defaultPrinter } from "./default";
import { deploymentPrinter } from "./deployment";
import { endpointsPrinter } from "./endpoints";
import { endpointSlicePrinter } from "./endpointslice";
import { eventPrinter } from "./event";
import { jobPrinter } from "./job";
import { leasePrinter } from "./lease";
import { namespacePrinter } from "./namespace";
import { nodePrinter } from "./node";
import { podPrinter } from "./pod";
import { podDisruptionBudgetPrinter } from "./poddisruptionbudget";
import { priorityClassPrinter } from "./priorityclass";
import { clusterRoleBindingPrinter, clusterRolePrinter, roleBindingPrinter, rolePrinter } from "./rbac";
import { replicaSetPrinter } from "./replicaset";
import { secretPrinter } from "./secret";
import { servicePrinter } from "./service";
import { serviceAccountPrinter } from "./serviceaccount";
import { statefulSetPrinter } from "./statefulset";
import type { Printer } from "./types";

export type { Printer, TableColumnDefinition, TableRowCondition } from "./types";
export { humanDuration, shortHumanDuration, translateTimestampSince, translateMicroTimestampSince } from "./duration";
export { eventInterval } from "./event-interval";
export { defaultPrinter } from "./default";

const PRINTERS: Record<string, Printer> = {
  "/pods": podPrinter,
  "/nodes": nodePrinter,
  "/namespaces": namespacePrinter,
  "/events": eventPrinter,
  "events.k8s.io/events": eventPrinter,
  "/configmaps": configMapPrinter,
  "/secrets": secretPrinter,
  "/serviceaccounts": serviceAccountPrinter,
  "/services": servicePrinter,
  "/endpoints": endpointsPrinter,
  "discovery.k8s.io/endpointslices": endpointSlicePrinter,
  "apps/deployments": deploymentPrinter,
  "apps/replicasets": replicaSetPrinter,
  "apps/daemonsets": daemonSetPrinter,
  "apps/statefulsets": statefulSetPrinter,
  "batch/jobs": jobPrinter,
  "coordination.k8s.io/leases": leasePrinter,
  "scheduling.k8s.io/priorityclasses": priorityClassPrinter,
  "policy/poddisruptionbudgets": podDisruptionBudgetPrinter,
  "rbac.authorization.k8s.io/roles": rolePrinter,
  "rbac.authorization.k8s.io/clusterroles": clusterRolePrinter,
  "rbac.authorization.k8s.io/rolebindings": roleBindingPrinter,
  "rbac.authorization.k8s.io/clusterrolebindings": clusterRoleBindingPrinter,
};

/** The printer of a resource ("" is the core group), or the default NAME / CREATED AT printer. */
export function printerFor(group: string, resource: string): Printer {
  return PRINTERS[`${group}/${resource}`] ?? defaultPrinter;
}

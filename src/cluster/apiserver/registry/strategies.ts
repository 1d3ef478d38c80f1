// The strategy of each served resource, looked up by group and resource; resources without
// particular behaviour get the metadata-only strategy (as upstream's simplest strategies).
import type { Strategy } from "./types";
import { validateObjectMeta, validateObjectMetaUpdate } from "../validation/objectmeta";
import { nameIsDNSSubdomain } from "../validation/names";
import { findResource } from "../resources";
import { podStrategy } from "./pods";
import { nodeStrategy } from "./nodes";
import { namespaceStrategy } from "./namespaces";
import { eventStrategy, eventsV1Strategy } from "./events";
import { configMapStrategy } from "./configmaps";
import { secretStrategy } from "./secrets";
import { serviceAccountStrategy } from "./serviceaccounts";
import { serviceStrategy } from "./services";
import { endpointsStrategy } from "./endpoints";
import { endpointSliceStrategy } from "./endpointslices";
import { deploymentStrategy } from "./deployments";
import { replicaSetStrategy } from "./replicasets";
import { daemonSetStrategy } from "./daemonsets";
import { statefulSetStrategy } from "./statefulsets";
import { jobStrategy } from "./jobs";
import { leaseStrategy } from "./leases";
import { priorityClassStrategy } from "./priorityclasses";
import { customResourceDefinitionStrategy } from "./customresourcedefinitions";
import { podDisruptionBudgetStrategy } from "./poddisruptionbudgets";
import { clusterRoleBindingStrategy, clusterRoleStrategy, roleBindingStrategy, roleStrategy } from "./rbac";

const STRATEGIES: Record<string, Strategy> = {
  "/pods": podStrategy,
  "/nodes": nodeStrategy,
  "/namespaces": namespaceStrategy,
  "/events": eventStrategy,
  "/configmaps": configMapStrategy,
  "/secrets": secretStrategy,
  "/serviceaccounts": serviceAccountStrategy,
  "/services": serviceStrategy,
  "/endpoints": endpointsStrategy,
  "discovery.k8s.io/endpointslices": endpointSliceStrategy,
  "apps/deployments": deploymentStrategy,
  "apps/replicasets": replicaSetStrategy,
  "apps/daemonsets": daemonSetStrategy,
  "apps/statefulsets": statefulSetStrategy,
  "batch/jobs": jobStrategy,
  "coordination.k8s.io/leases": leaseStrategy,
  "events.k8s.io/events": eventsV1Strategy,
  "scheduling.k8s.io/priorityclasses": priorityClassStrategy,
  "apiextensions.k8s.io/customresourcedefinitions": customResourceDefinitionStrategy,
  "policy/poddisruptionbudgets": podDisruptionBudgetStrategy,
  "rbac.authorization.k8s.io/roles": roleStrategy,
  "rbac.authorization.k8s.io/clusterroles": clusterRoleStrategy,
  "rbac.authorization.k8s.io/rolebindings": roleBindingStrategy,
  "rbac.authorization.k8s.io/clusterrolebindings": clusterRoleBindingStrategy,
};

const metadataOnly = (namespaced: boolean): Strategy => ({
  validate: (obj) => validateObjectMeta(obj.metadata, namespaced, nameIsDNSSubdomain),
  validateUpdate: (obj, old) => validateObjectMetaUpdate(obj.metadata, old.metadata),
});
const fallback = { namespaced: metadataOnly(true), cluster: metadataOnly(false) };

export function strategyFor(group: string, resource: string): Strategy {
  const s = STRATEGIES[`${group}/${resource}`];
  if (s) return s;
  const ri = findResource(group, "v1", resource);
  return ri && !ri.namespaced ? fallback.cluster : fallback.namespaced;
}

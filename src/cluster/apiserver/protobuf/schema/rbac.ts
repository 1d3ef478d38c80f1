// Protobuf field numbers and JSON names of rbac.authorization.k8s.io/v1 Role, ClusterRole,
// RoleBinding and ClusterRoleBinding. Mirrors k8s.io/api/rbac/v1/generated.proto (v1.32); flags
// from the Go types (see ../fields.ts): Subject.kind/name and the three RoleRef fields have no omitempty.
import type { Schema } from "../fields";

export const rbac: Schema = {
  PolicyRule: { 1: "verbs:string[]", 2: "apiGroups:string[]", 3: "resources:string[]", 4: "resourceNames:string[]", 5: "nonResourceURLs:string[]" },
  Role: { 1: "metadata:meta.ObjectMeta", 2: "rules:PolicyRule[]" },
  ClusterRole: { 1: "metadata:meta.ObjectMeta", 2: "rules:PolicyRule[]", 3: "aggregationRule:AggregationRule" },
  AggregationRule: { 1: "clusterRoleSelectors:meta.LabelSelector[]" },
  Subject: { 1: "kind:string!", 2: "apiGroup:string", 3: "name:string!", 4: "namespace:string" },
  RoleRef: { 1: "apiGroup:string!", 2: "kind:string!", 3: "name:string!" },
  RoleBinding: { 1: "metadata:meta.ObjectMeta", 2: "subjects:Subject[]", 3: "roleRef:RoleRef" },
  ClusterRoleBinding: { 1: "metadata:meta.ObjectMeta", 2: "subjects:Subject[]", 3: "roleRef:RoleRef" },
};

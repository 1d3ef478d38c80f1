// Field tables of rbac.authorization.k8s.io/v1 (Role, ClusterRole, RoleBinding, ClusterRoleBinding
// and their parts) as the Kubernetes v1.32 API defines them (k8s.io/api v0.32 rbac/v1/types.go):
// every list is `+listType=atomic` (no merge keys, so a strategic merge patch replaces rules and
// subjects whole); Subject and RoleRef are `+structType=atomic`. Data: edit with care.
import { o, s, r, l, req, type TypeTable } from "../dsl.js";

const atomic = { listType: "atomic" } as const;
const strings = () => l(s(), atomic);

export const rbacTypes: TypeTable = {
  "rbac.v1.AggregationRule": o({
    clusterRoleSelectors: l(r("meta.v1.LabelSelector"), atomic),
  }),
  "rbac.v1.ClusterRole": o({
    kind: s(),
    apiVersion: s(),
    metadata: r("meta.v1.ObjectMeta"),
    rules: l(r("rbac.v1.PolicyRule"), atomic),
    aggregationRule: r("rbac.v1.AggregationRule"),
  }),
  "rbac.v1.ClusterRoleBinding": o({
    kind: s(),
    apiVersion: s(),
    metadata: r("meta.v1.ObjectMeta"),
    subjects: l(r("rbac.v1.Subject"), atomic),
    roleRef: req(r("rbac.v1.RoleRef")),
  }),
  "rbac.v1.ClusterRoleBindingList": o({
    kind: s(),
    apiVersion: s(),
    metadata: r("meta.v1.ListMeta"),
    items: req(l(r("rbac.v1.ClusterRoleBinding"))),
  }),
  "rbac.v1.ClusterRoleList": o({
    kind: s(),
    apiVersion: s(),
    metadata: r("meta.v1.ListMeta"),
    items: req(l(r("rbac.v1.ClusterRole"))),
  }),
  "rbac.v1.PolicyRule": o({
    verbs: req(strings()),
    apiGroups: strings(),
    resources: strings(),
    resourceNames: strings(),
    nonResourceURLs: strings(),
  }),
  "rbac.v1.Role": o({
    kind: s(),
    apiVersion: s(),
    metadata: r("meta.v1.ObjectMeta"),
    rules: l(r("rbac.v1.PolicyRule"), atomic),
  }),
  "rbac.v1.RoleBinding": o({
    kind: s(),
    apiVersion: s(),
    metadata: r("meta.v1.ObjectMeta"),
    subjects: l(r("rbac.v1.Subject"), atomic),
    roleRef: req(r("rbac.v1.RoleRef")),
  }),
  "rbac.v1.RoleBindingList": o({
    kind: s(),
    apiVersion: s(),
    metadata: r("meta.v1.ListMeta"),
    items: req(l(r("rbac.v1.RoleBinding"))),
  }),
  "rbac.v1.RoleList": o({
    kind: s(),
    apiVersion: s(),
    metadata: r("meta.v1.ListMeta"),
    items: req(l(r("rbac.v1.Role"))),
  }),
  "rbac.v1.RoleRef": o({
    apiGroup: req(s()),
    kind: req(s()),
    name: req(s()),
  }, { mapType: "atomic" }),
  "rbac.v1.Subject": o({
    kind: req(s()),
    apiGroup: s(),
    name: req(s()),
    namespace: s(),
  }, { mapType: "atomic" }),
};

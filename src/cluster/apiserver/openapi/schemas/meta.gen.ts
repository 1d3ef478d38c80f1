// Field tables of the meta API types (field names, types, required fields, merge keys, list and
// map markers, enums) as the Kubernetes v1.32 API defines them (k8s.io/api v0.32.4). Data: edit with care.
import { o, s, b, i32, i64, f64, bytes, r, l, m, x, req, type TypeTable } from "../dsl.js";

export const metaTypes: TypeTable = {
  "meta.v1.Condition": o({
    type: req(s()),
    status: req(s()),
    observedGeneration: i64(),
    lastTransitionTime: req(r("meta.v1.Time")),
    reason: req(s()),
    message: req(s()),
  }),
  "meta.v1.DeleteOptions": o({
    kind: s(),
    apiVersion: s(),
    gracePeriodSeconds: i64(),
    preconditions: r("meta.v1.Preconditions"),
    orphanDependents: b(),
    propagationPolicy: s(),
    dryRun: l(s(), { listType: "atomic" }),
    ignoreStoreReadErrorWithClusterBreakingPotential: b(),
  }),
  "meta.v1.LabelSelector": o({
    matchLabels: m(s()),
    matchExpressions: l(r("meta.v1.LabelSelectorRequirement"), { listType: "atomic" }),
  }, { mapType: "atomic" }),
  "meta.v1.LabelSelectorRequirement": o({
    key: req(s()),
    operator: req(s()),
    values: l(s(), { listType: "atomic" }),
  }),
  "meta.v1.ListMeta": o({
    selfLink: s(),
    resourceVersion: s(),
    continue: s(),
    remainingItemCount: i64(),
  }),
  "meta.v1.ManagedFieldsEntry": o({
    manager: s(),
    operation: s(),
    apiVersion: s(),
    time: r("meta.v1.Time"),
    fieldsType: s(),
    fieldsV1: r("meta.v1.FieldsV1"),
    subresource: s(),
  }),
  "meta.v1.ObjectMeta": o({
    name: s(),
    generateName: s(),
    namespace: s(),
    selfLink: s(),
    uid: s(),
    resourceVersion: s(),
    generation: i64(),
    creationTimestamp: r("meta.v1.Time"),
    deletionTimestamp: r("meta.v1.Time"),
    deletionGracePeriodSeconds: i64(),
    labels: m(s()),
    annotations: m(s()),
    ownerReferences: l(r("meta.v1.OwnerReference"), { strategy: "merge", mergeKey: "uid", listType: "map", keys: ["uid"] }),
    finalizers: l(s(), { strategy: "merge", listType: "set" }),
    managedFields: l(r("meta.v1.ManagedFieldsEntry"), { listType: "atomic" }),
  }),
  "meta.v1.OwnerReference": o({
    apiVersion: req(s()),
    kind: req(s()),
    name: req(s()),
    uid: req(s()),
    controller: b(),
    blockOwnerDeletion: b(),
  }, { mapType: "atomic" }),
  "meta.v1.Patch": o({

  }),
  "meta.v1.Preconditions": o({
    uid: s(),
    resourceVersion: s(),
  }),
  "meta.v1.Status": o({
    kind: s(),
    apiVersion: s(),
    metadata: r("meta.v1.ListMeta"),
    status: s(),
    message: s(),
    reason: s(),
    details: x(r("meta.v1.StatusDetails"), { listType: "atomic" }),
    code: i32(),
  }),
  "meta.v1.StatusCause": o({
    reason: s(),
    message: s(),
    field: s(),
  }),
  "meta.v1.StatusDetails": o({
    name: s(),
    group: s(),
    kind: s(),
    uid: s(),
    causes: l(r("meta.v1.StatusCause"), { listType: "atomic" }),
    retryAfterSeconds: i32(),
  }),
};

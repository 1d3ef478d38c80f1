// Field tables of apiextensions.k8s.io/v1 (CustomResourceDefinition and its parts) as the
// Kubernetes v1.32 API defines them (k8s.io/apiextensions-apiserver pkg/apis/apiextensions/v1
// types.go). The schema itself (JSONSchemaProps) is described in special.ts as a free object.
// Data: edit with care.
import { o, s, b, i32, bytes, r, l, req, type TypeTable } from "../dsl.js";

const atomic = { listType: "atomic" } as const;

export const apiextensionsTypes: TypeTable = {
  "apiextensions.v1.CustomResourceColumnDefinition": o({
    name: req(s()),
    type: req(s()),
    format: s(),
    description: s(),
    priority: i32(),
    jsonPath: req(s()),
  }),
  "apiextensions.v1.CustomResourceConversion": o({
    strategy: req(s(["None", "Webhook"])),
    webhook: r("apiextensions.v1.WebhookConversion"),
  }),
  "apiextensions.v1.CustomResourceDefinition": o({
    kind: s(),
    apiVersion: s(),
    metadata: r("meta.v1.ObjectMeta"),
    spec: req(r("apiextensions.v1.CustomResourceDefinitionSpec")),
    status: r("apiextensions.v1.CustomResourceDefinitionStatus"),
  }),
  "apiextensions.v1.CustomResourceDefinitionCondition": o({
    type: req(s()),
    status: req(s()),
    lastTransitionTime: r("meta.v1.Time"),
    reason: s(),
    message: s(),
  }),
  "apiextensions.v1.CustomResourceDefinitionList": o({
    kind: s(),
    apiVersion: s(),
    metadata: r("meta.v1.ListMeta"),
    items: req(l(r("apiextensions.v1.CustomResourceDefinition"))),
  }),
  "apiextensions.v1.CustomResourceDefinitionNames": o({
    plural: req(s()),
    singular: s(),
    shortNames: l(s(), atomic),
    kind: req(s()),
    listKind: s(),
    categories: l(s(), atomic),
  }),
  "apiextensions.v1.CustomResourceDefinitionSpec": o({
    group: req(s()),
    names: req(r("apiextensions.v1.CustomResourceDefinitionNames")),
    scope: req(s()),
    versions: req(l(r("apiextensions.v1.CustomResourceDefinitionVersion"), atomic)),
    conversion: r("apiextensions.v1.CustomResourceConversion"),
    preserveUnknownFields: b(),
  }),
  "apiextensions.v1.CustomResourceDefinitionStatus": o({
    conditions: l(r("apiextensions.v1.CustomResourceDefinitionCondition"), { listType: "map", keys: ["type"] }),
    acceptedNames: r("apiextensions.v1.CustomResourceDefinitionNames"),
    storedVersions: l(s(), atomic),
  }),
  "apiextensions.v1.CustomResourceDefinitionVersion": o({
    name: req(s()),
    served: req(b()),
    storage: req(b()),
    deprecated: b(),
    deprecationWarning: s(),
    schema: r("apiextensions.v1.CustomResourceValidation"),
    subresources: r("apiextensions.v1.CustomResourceSubresources"),
    additionalPrinterColumns: l(r("apiextensions.v1.CustomResourceColumnDefinition"), atomic),
    selectableFields: l(r("apiextensions.v1.SelectableField"), atomic),
  }),
  "apiextensions.v1.CustomResourceSubresourceScale": o({
    specReplicasPath: req(s()),
    statusReplicasPath: req(s()),
    labelSelectorPath: s(),
  }),
  "apiextensions.v1.CustomResourceSubresourceStatus": o({}),
  "apiextensions.v1.CustomResourceSubresources": o({
    status: r("apiextensions.v1.CustomResourceSubresourceStatus"),
    scale: r("apiextensions.v1.CustomResourceSubresourceScale"),
  }),
  "apiextensions.v1.CustomResourceValidation": o({
    openAPIV3Schema: r("apiextensions.v1.JSONSchemaProps"),
  }),
  "apiextensions.v1.SelectableField": o({
    jsonPath: req(s()),
  }),
  "apiextensions.v1.ServiceReference": o({
    namespace: req(s()),
    name: req(s()),
    path: s(),
    port: i32(),
  }),
  "apiextensions.v1.WebhookClientConfig": o({
    url: s(),
    service: r("apiextensions.v1.ServiceReference"),
    caBundle: bytes(),
  }),
  "apiextensions.v1.WebhookConversion": o({
    clientConfig: r("apiextensions.v1.WebhookClientConfig"),
    conversionReviewVersions: req(l(s(), atomic)),
  }),
};

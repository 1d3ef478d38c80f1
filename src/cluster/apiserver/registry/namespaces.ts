// Namespaces (pkg/registry/core/namespace/strategy.go and storage.go): Active with the
// "kubernetes" finalizer and the kubernetes.io/metadata.name label on create; deletion marks the
// namespace Terminating and waits for spec.finalizers to empty (the namespace controller's finalize).
import type { Strategy } from "./types";
import { keepSpec, keepStatus, str } from "./common";
import { validateNamespace, validateNamespaceUpdate } from "../validation/core-misc";

export const METADATA_NAME_LABEL = "kubernetes.io/metadata.name";

export const namespaceStrategy: Strategy = {
  hasStatus: true,
  returnDeletedObject: true,
  defaults(obj) {
    if (obj.metadata.name) obj.metadata.labels = { ...(obj.metadata.labels ?? {}), [METADATA_NAME_LABEL]: obj.metadata.name };
    obj.status ??= {};
    if (!obj.status.phase) obj.status.phase = "Active";
  },
  prepareForCreate(obj) {
    obj.status = { phase: "Active" };
    obj.spec ??= {};
    const finalizers: string[] = obj.spec.finalizers ?? [];
    if (!finalizers.includes("kubernetes")) obj.spec.finalizers = [...finalizers, "kubernetes"];
    obj.metadata.labels = { ...(obj.metadata.labels ?? {}), [METADATA_NAME_LABEL]: obj.metadata.name };
  },
  prepareForUpdate(obj, old) {
    // spec.finalizers may change here: the generic registry routes namespaces/finalize through this hook.
    keepStatus(obj, old);
  },
  prepareForStatusUpdate(obj, old) {
    keepSpec(obj, old);
  },
  prepareForDelete(obj) {
    obj.status = { ...(obj.status ?? {}), phase: "Terminating" };
  },
  finalizersPending: (obj) => (obj.spec?.finalizers ?? []).length > 0,
  validate: (obj) => validateNamespace(obj),
  validateUpdate: (obj, old) => validateNamespaceUpdate(obj, old),
  validateStatusUpdate: (obj, old) => validateNamespaceUpdate(obj, old),
  fields: (obj) => ({ "status.phase": str(obj.status?.phase) }),
};

// NamespaceLifecycle (k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go):
// the system namespaces can't be deleted; nothing is created in a namespace that does not exist
// (404) or is terminating (403 with a NamespaceTerminating cause).
import { forbidden, notFound, StatusError } from "../status";
import type { AdmissionPlugin } from "./types";
import { newForbidden } from "./forbidden";

// Upstream registers three (metav1.NamespaceDefault, NamespaceSystem, NamespacePublic); kube-node-lease may be deleted.
export const IMMORTAL_NAMESPACES = ["default", "kube-system", "kube-public"];
const NAMESPACES = { group: "", resource: "namespaces" };

export const namespaceLifecycle: AdmissionPlugin = {
  name: "NamespaceLifecycle",
  admit(a) {
    const isNamespace = a.resource.group === "" && a.resource.resource === "namespaces";
    if (a.operation === "DELETE" && isNamespace && IMMORTAL_NAMESPACES.includes(a.name)) {
      throw forbidden(NAMESPACES, a.name, "this namespace may not be deleted");
    }
    if (isNamespace || !a.namespace) return;
    if (a.operation === "DELETE") return;
    const ns = a.reader.get("", "namespaces", undefined, a.namespace);
    if (!ns) throw notFound(NAMESPACES, a.namespace);
    if (a.operation === "CREATE" && ns.status?.phase === "Terminating") {
      const err = newForbidden(a, `unable to create new content in namespace ${a.namespace} because it is being terminated`);
      throw new StatusError(err.reason, err.message, {
        ...err.details,
        causes: [...(err.details?.causes ?? []), { reason: "NamespaceTerminating", message: `namespace ${a.namespace} is being terminated`, field: "metadata.namespace" }],
      });
    }
  },
};

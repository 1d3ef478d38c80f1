// admission.NewForbidden (k8s.io/apiserver/pkg/admission/errors.go): a 403 naming the resource and
// the object; before name generation the object's generateName stands in, "Unknown" without either.
import { forbidden, type StatusError } from "../status";
import type { AdmissionAttributes } from "./types";

export function newForbidden(a: AdmissionAttributes, why: string): StatusError {
  let name = a.name;
  if (!name) {
    name = "Unknown";
    const m = a.object?.metadata;
    if (m?.name) name = m.name;
    else if (m?.generateName) name = m.generateName;
  }
  return forbidden({ group: a.resource.group, resource: a.resource.resource }, name, why);
}

/** Pods, main resource only: the object most plugins act on. */
export const isPodCreate = (a: AdmissionAttributes) =>
  a.operation === "CREATE" && !a.subresource && a.resource.group === "" && a.resource.resource === "pods" && !!a.object;

// Leases, PriorityClasses, PodDisruptionBudgets and EndpointSlices
// (pkg/apis/coordination/validation, pkg/apis/scheduling/validation, pkg/apis/policy/validation,
// pkg/apis/discovery/validation).
import { forbiddenField, invalidValue, notSupported, required, type FieldError } from "../field-errors";
import { child, index, type Json } from "./common";
import { validateIntOrPercent } from "./intstr";
import { isValidPortNum, nameIsDNSSubdomain } from "./names";
import { validateObjectMeta, validateObjectMetaUpdate } from "./objectmeta";
import { validateLabelSelector } from "./selector";

export function validateLease(lease: Json): FieldError[] {
  const errs = validateObjectMeta(lease.metadata, true, nameIsDNSSubdomain);
  const spec = lease.spec ?? {};
  if (spec.leaseDurationSeconds != null && spec.leaseDurationSeconds <= 0) {
    errs.push(invalidValue("spec.leaseDurationSeconds", spec.leaseDurationSeconds, "must be greater than 0"));
  }
  if (spec.leaseTransitions != null && spec.leaseTransitions < 0) {
    errs.push(invalidValue("spec.leaseTransitions", spec.leaseTransitions, "must be greater than or equal to 0"));
  }
  return errs;
}

export const validateLeaseUpdate = (lease: Json, old: Json) =>
  validateObjectMetaUpdate(lease.metadata, old.metadata).concat(validateLease(lease).filter((e) => !e.field.startsWith("metadata.")));

export const SYSTEM_PRIORITY_CLASSES: Record<string, number> = { "system-node-critical": 2000001000, "system-cluster-critical": 2000000000 };
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;
const PREEMPTION_POLICIES = ["Never", "PreemptLowerPriority"];

export function validatePriorityClass(pc: Json): FieldError[] {
  const errs = validateObjectMeta(pc.metadata, false, nameIsDNSSubdomain);
  const name: string = pc.metadata?.name ?? "";
  if (name.startsWith("system-")) {
    const known = SYSTEM_PRIORITY_CLASSES[name];
    const why = known === undefined ? `${name} is not a known system priority class`
      : pc.value !== known ? `value of ${name} PriorityClass must be ${known}`
      : pc.globalDefault ? `globalDefault of ${name} PriorityClass must be false` : "";
    if (why) errs.push(forbiddenField("metadata.name", `priority class names with 'system-' prefix are reserved for system use only. error: ${why}`));
  } else if ((pc.value ?? 0) > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push(forbiddenField("value", `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
  }
  if (pc.preemptionPolicy != null && !PREEMPTION_POLICIES.includes(pc.preemptionPolicy)) {
    errs.push(notSupported("preemptionPolicy", pc.preemptionPolicy, PREEMPTION_POLICIES));
  }
  return errs;
}

export function validatePriorityClassUpdate(pc: Json, old: Json): FieldError[] {
  const errs = validateObjectMetaUpdate(pc.metadata, old.metadata);
  if (pc.value !== old.value) errs.push(forbiddenField("value", "may not be changed in an update."));
  if (pc.preemptionPolicy !== old.preemptionPolicy) errs.push(invalidValue("preemptionPolicy", pc.preemptionPolicy ?? null, "field is immutable"));
  return errs;
}

function validatePdbSpec(spec: Json): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.minAvailable != null && spec.maxUnavailable != null) {
    errs.push(invalidValue("spec", spec, "minAvailable and maxUnavailable cannot be both set"));
  }
  for (const f of ["minAvailable", "maxUnavailable"]) {
    errs.push(...validateIntOrPercent(spec[f], child("spec", f)));
    if (typeof spec[f] === "string" && parseInt(spec[f], 10) > 100) errs.push(invalidValue(child("spec", f), spec[f], "must not be greater than 100%"));
  }
  errs.push(...validateLabelSelector(spec.selector, "spec.selector"));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (policy != null && !["AlwaysAllow", "IfHealthyBudget"].includes(policy)) {
    errs.push(notSupported("spec.unhealthyPodEvictionPolicy", policy, ["AlwaysAllow", "IfHealthyBudget"]));
  }
  return errs;
}

export const validatePodDisruptionBudget = (pdb: Json) =>
  validateObjectMeta(pdb.metadata, true, nameIsDNSSubdomain).concat(validatePdbSpec(pdb.spec ?? {}));
export const validatePodDisruptionBudgetUpdate = (pdb: Json, old: Json) =>
  validateObjectMetaUpdate(pdb.metadata, old.metadata).concat(validatePdbSpec(pdb.spec ?? {}));

const ADDRESS_TYPES = ["FQDN", "IPv4", "IPv6"];

export function validateEndpointSlice(es: Json): FieldError[] {
  const errs = validateObjectMeta(es.metadata, true, nameIsDNSSubdomain);
  if (!es.addressType) errs.push(required("addressType"));
  else if (!ADDRESS_TYPES.includes(es.addressType)) errs.push(notSupported("addressType", es.addressType, ADDRESS_TYPES));
  ((es.endpoints ?? []) as Json[]).forEach((ep, i) => {
    const p = index("endpoints", i);
    const n = (ep.addresses ?? []).length;
    if (n === 0) errs.push(required(child(p, "addresses"), "must contain at least 1 address"));
    else if (n > 100) errs.push({ type: "FieldValueTooMany", field: child(p, "addresses"), detail: "must have at most 100 items" });
  });
  ((es.ports ?? []) as Json[]).forEach((port, i) => {
    if (port.port != null) isValidPortNum(port.port).forEach((m) => errs.push(invalidValue(child(index("ports", i), "port"), port.port, m)));
  });
  return errs;
}

export function validateEndpointSliceUpdate(es: Json, old: Json): FieldError[] {
  const errs = validateObjectMetaUpdate(es.metadata, old.metadata);
  if (es.addressType !== old.addressType) errs.push(invalidValue("addressType", es.addressType ?? "", "field is immutable"));
  return errs.concat(validateEndpointSlice(es).filter((e) => !e.field.startsWith("metadata.")));
}

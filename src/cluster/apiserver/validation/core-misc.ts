// Namespaces, Nodes, Events, ServiceAccounts and Endpoints (pkg/apis/core/validation
// ValidateNamespace*, ValidateNode*, ValidateEventCreate, ValidateServiceAccount, ValidateEndpoints).
import { invalidValue, notSupported, required, type FieldError } from "../field-errors";
import { child, index, validateImmutableField, type Json } from "./common";
import { isQualifiedName, isValidLabelValue, isValidPortNum, nameIsDNSSubdomain, validateNamespaceName } from "./names";
import { validateObjectMeta, validateObjectMetaUpdate } from "./objectmeta";
import { TAINT_EFFECTS } from "./pod";

function validateFinalizerNames(list: string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (list ?? []).forEach((f, i) => {
    isQualifiedName(f).forEach((m) => errs.push(invalidValue(index(path, i), f, m)));
    if (!f.includes("/") && f !== "kubernetes") errs.push(invalidValue(index(path, i), f, "name is neither a standard finalizer name nor is it fully qualified"));
  });
  return errs;
}

export function validateNamespace(ns: Json): FieldError[] {
  const errs = validateObjectMeta(ns.metadata, false, validateNamespaceName);
  return errs.concat(validateFinalizerNames(ns.spec?.finalizers, "spec.finalizers"));
}

export function validateNamespaceUpdate(ns: Json, old: Json): FieldError[] {
  return validateObjectMetaUpdate(ns.metadata, old.metadata).concat(validateFinalizerNames(ns.spec?.finalizers, "spec.finalizers"));
}

function validateTaints(taints: Json[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (taints ?? []).forEach((t, i) => {
    const p = index(path, i);
    isQualifiedName(t.key ?? "").forEach((m) => errs.push(invalidValue(child(p, "key"), t.key ?? "", m)));
    if (t.value) isValidLabelValue(t.value).forEach((m) => errs.push(invalidValue(child(p, "value"), t.value, m)));
    if (!t.effect) errs.push(required(child(p, "effect")));
    else if (!TAINT_EFFECTS.includes(t.effect)) errs.push(notSupported(child(p, "effect"), t.effect, TAINT_EFFECTS));
    const k = `${t.key}:${t.effect}`;
    if (seen.has(k)) errs.push(invalidValue(p, t, "taints must be unique by key and effect pair"));
    seen.add(k);
  });
  return errs;
}

export function validateNode(node: Json): FieldError[] {
  return validateObjectMeta(node.metadata, false, nameIsDNSSubdomain).concat(validateTaints(node.spec?.taints, "spec.taints"));
}

export function validateNodeUpdate(node: Json, old: Json): FieldError[] {
  const errs = validateObjectMetaUpdate(node.metadata, old.metadata).concat(validateTaints(node.spec?.taints, "spec.taints"));
  if (old.spec?.podCIDR && node.spec?.podCIDR !== old.spec.podCIDR) errs.push(invalidValue("spec.podCIDR", node.spec?.podCIDR ?? "", "node updates may not change podCIDR except from \"\" to valid"));
  if (old.spec?.providerID && node.spec?.providerID !== old.spec.providerID) errs.push(invalidValue("spec.providerID", node.spec?.providerID ?? "", "node updates may not change providerID except from \"\" to valid"));
  return errs;
}

/** Legacy (core/v1) events: the involved object's namespace agrees with the event's. */
export function validateEvent(ev: Json): FieldError[] {
  const errs = validateObjectMeta(ev.metadata, true, nameIsDNSSubdomain);
  const ns = ev.metadata?.namespace ?? "";
  const inv = ev.involvedObject ?? ev.regarding ?? {};
  const invPath = ev.regarding ? "regarding.namespace" : "involvedObject.namespace";
  if (!inv.namespace) {
    if (ns && ns !== "default") errs.push(invalidValue(invPath, inv.namespace ?? "", "does not match event.namespace"));
  } else if (ns !== inv.namespace) {
    errs.push(invalidValue(invPath, inv.namespace, "does not match event.namespace"));
  }
  if (ev.type && !["Normal", "Warning"].includes(ev.type) && ev.regarding) errs.push(notSupported("type", ev.type, ["Normal", "Warning"]));
  return errs;
}

/** core/v1 requests get the relaxed legacy rule (metadata only); events.k8s.io/v1 keeps the identity fields fixed. */
export function validateEventUpdate(ev: Json, old: Json, strict: boolean): FieldError[] {
  const errs = validateObjectMetaUpdate(ev.metadata, old.metadata);
  if (!strict) return errs;
  for (const f of ["regarding", "reason", "reportingController", "reportingInstance", "action", "eventTime"]) {
    if (old[f] !== undefined) errs.push(...validateImmutableField(ev[f], old[f], f));
  }
  return errs;
}

export function validateServiceAccount(sa: Json): FieldError[] {
  return validateObjectMeta(sa.metadata, true, nameIsDNSSubdomain);
}

export function validateEndpoints(ep: Json): FieldError[] {
  const errs = validateObjectMeta(ep.metadata, true, nameIsDNSSubdomain);
  ((ep.subsets ?? []) as Json[]).forEach((ss, i) => {
    const p = index("subsets", i);
    for (const f of ["addresses", "notReadyAddresses"]) {
      ((ss[f] ?? []) as Json[]).forEach((a, j) => { if (!a.ip) errs.push(required(child(index(child(p, f), j), "ip"))); });
    }
    ((ss.ports ?? []) as Json[]).forEach((port, j) => {
      isValidPortNum(port.port).forEach((m) => errs.push(invalidValue(child(index(child(p, "ports"), j), "port"), port.port, m)));
    });
  });
  return errs;
}

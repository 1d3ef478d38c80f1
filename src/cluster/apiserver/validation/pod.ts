// Pod and PodSpec validation on create (pkg/apis/core/validation ValidatePodCreate,
// ValidatePodSpec, validateTolerations, ValidatePodTemplateSpec).
import { forbiddenField, invalidValue, notSupported, required, duplicate, type FieldError } from "../field-errors";
import { child, index, type Json } from "./common";
import { validateContainers, validateInitContainers } from "./container";
import { inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidLabelValue, nameIsDNSSubdomain } from "./names";
import { validateAnnotations, validateLabels, validateObjectMeta } from "./objectmeta";
import { validateVolumes } from "./volumes";

export const RESTART_POLICIES = ["Always", "Never", "OnFailure"];
const DNS_POLICIES = ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"];
export const TAINT_EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];
const MAX_INT32 = 2147483647;

export function validateTolerations(tolerations: Json[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = index(path, i);
    if (t.key) isQualifiedName(t.key).forEach((m) => errs.push(invalidValue(child(p, "key"), t.key, m)));
    if (!t.key && t.operator !== "Exists") {
      errs.push(invalidValue(child(p, "operator"), t.operator ?? "", "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
    }
    if (t.tolerationSeconds != null && t.effect !== "NoExecute") {
      errs.push(invalidValue(child(p, "effect"), t.effect ?? "", "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    switch (t.operator ?? "") {
      case "Equal": case "":
        isValidLabelValue(t.value ?? "").forEach((m) => errs.push(invalidValue(child(p, "operator"), t.value ?? "", m)));
        break;
      case "Exists":
        if (t.value) errs.push(invalidValue(child(p, "operator"), t, "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        errs.push(notSupported(child(p, "operator"), t.operator, ["Equal", "Exists"]));
    }
    if (t.effect && !TAINT_EFFECTS.includes(t.effect)) errs.push(notSupported(child(p, "effect"), t.effect, TAINT_EFFECTS));
  });
  return errs;
}

function validateSchedulingGates(gates: Json[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (gates ?? []).forEach((g, i) => {
    isQualifiedName(g.name ?? "").forEach((m) => errs.push(invalidValue(index(path, i), g.name ?? "", m)));
    if (seen.has(g.name)) errs.push(duplicate(index(path, i), g.name));
    seen.add(g.name);
  });
  return errs;
}

function dnsLabelField(v: unknown, path: string): FieldError[] {
  return typeof v === "string" && v ? isDNS1123Label(v).map((m) => invalidValue(path, v, m)) : [];
}

function subdomainField(v: unknown, path: string): FieldError[] {
  return typeof v === "string" && v ? isDNS1123Subdomain(v).map((m) => invalidValue(path, v, m)) : [];
}

export function validatePodSpec(spec: Json, path: string): FieldError[] {
  if (!spec) return [required(path)];
  const { errs: volErrs, names } = validateVolumes(spec.volumes, child(path, "volumes"));
  const errs = [...volErrs];
  errs.push(...validateContainers(spec.containers, names, child(path, "containers")));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, names, child(path, "initContainers")));
  if (!spec.restartPolicy) errs.push(required(child(path, "restartPolicy")));
  else if (!RESTART_POLICIES.includes(spec.restartPolicy)) errs.push(notSupported(child(path, "restartPolicy"), spec.restartPolicy, RESTART_POLICIES));
  if (!spec.dnsPolicy) errs.push(required(child(path, "dnsPolicy")));
  else if (!DNS_POLICIES.includes(spec.dnsPolicy)) errs.push(notSupported(child(path, "dnsPolicy"), spec.dnsPolicy, DNS_POLICIES));
  else if (spec.dnsPolicy === "None" && !spec.dnsConfig) errs.push(required(child(path, "dnsConfig"), "must provide `dnsConfig` when `dnsPolicy` is None"));
  errs.push(...validateLabels(spec.nodeSelector, child(path, "nodeSelector")));
  errs.push(...subdomainField(spec.serviceAccountName, child(path, "serviceAccountName")));
  errs.push(...subdomainField(spec.nodeName, child(path, "nodeName")));
  errs.push(...subdomainField(spec.priorityClassName, child(path, "priorityClassName")));
  errs.push(...dnsLabelField(spec.hostname, child(path, "hostname")));
  errs.push(...dnsLabelField(spec.subdomain, child(path, "subdomain")));
  const ads = spec.activeDeadlineSeconds;
  if (typeof ads === "number" && (ads < 1 || ads > MAX_INT32)) {
    errs.push(invalidValue(child(path, "activeDeadlineSeconds"), ads, inclusiveRangeError(1, MAX_INT32)));
  }
  errs.push(...validateTolerations(spec.tolerations, child(path, "tolerations")));
  errs.push(...validateSchedulingGates(spec.schedulingGates, child(path, "schedulingGates")));
  if (spec.hostNetwork) {
    (spec.containers ?? []).forEach((c: Json, ci: number) => (c.ports ?? []).forEach((port: Json, pi: number) => {
      if (port.hostPort && port.hostPort !== port.containerPort) {
        errs.push(invalidValue(child(index(child(index(child(path, "containers"), ci), "ports"), pi), "hostPort"), port.hostPort, "must match `containerPort` when `hostNetwork` is true"));
      }
    }));
  }
  return errs;
}

/** ValidatePodCreate. */
export function validatePod(pod: Json): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain);
  errs.push(...validatePodSpec(pod.spec, "spec"));
  if ((pod.spec?.ephemeralContainers ?? []).length > 0) errs.push(forbiddenField("spec.ephemeralContainers", "cannot be set on create"));
  if (pod.spec?.nodeName && (pod.spec?.schedulingGates ?? []).length > 0) {
    errs.push(forbiddenField("spec.nodeName", "cannot be set until all schedulingGates have been cleared"));
  }
  return errs;
}

/** ValidatePodTemplateSpec (workload templates): labels, annotations and the spec. */
export function validatePodTemplateSpec(tmpl: Json, path: string): FieldError[] {
  if (!tmpl) return [required(path)];
  const errs = validateLabels(tmpl.metadata?.labels, child(path, "metadata", "labels"));
  errs.push(...validateAnnotations(tmpl.metadata?.annotations, child(path, "metadata", "annotations")));
  errs.push(...validatePodSpec(tmpl.spec, child(path, "spec")));
  return errs;
}

// Deployments, ReplicaSets, DaemonSets and StatefulSets (pkg/apis/apps/validation/validation.go):
// selector required, non-empty and matching the template labels, restartPolicy Always, replicas ≥ 0,
// strategies, and the apps/v1 immutable selector.
import { forbiddenField, invalidValue, notSupported, required, type FieldError } from "../field-errors";
import { child, goMap, goSelector, validateImmutableField, validateNonnegativeField, type Json } from "./common";
import { isValidPercent, validateIntOrPercent } from "./intstr";
import { nameIsDNSLabel, nameIsDNSSubdomain, type NameFn } from "./names";
import { validateObjectMeta, validateObjectMetaUpdate } from "./objectmeta";
import { validatePodTemplateSpec } from "./pod";
import { isEmptySelector, labelSelectorMatches, validateLabelSelector } from "./selector";

export type AppsKind = "Deployment" | "ReplicaSet" | "DaemonSet" | "StatefulSet";

/** Selector and template checks shared by the four workloads (ValidatePodTemplateSpecForReplicaSet and friends). */
function validateSelectorAndTemplate(spec: Json, kind: AppsKind): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec.selector) errs.push(required("spec.selector"));
  else {
    errs.push(...validateLabelSelector(spec.selector, "spec.selector"));
    if (isEmptySelector(spec.selector)) errs.push(invalidValue("spec.selector", goSelector(spec.selector), `empty selector is invalid for ${kind.toLowerCase()}`));
  }
  const tmpl = spec.template;
  if (!tmpl) return errs.concat(required("spec.template"));
  if (spec.selector && !isEmptySelector(spec.selector) && !labelSelectorMatches(spec.selector, tmpl.metadata?.labels)) {
    errs.push(invalidValue("spec.template.metadata.labels", goMap(tmpl.metadata?.labels), "`selector` does not match template `labels`"));
  }
  errs.push(...validatePodTemplateSpec(tmpl, "spec.template"));
  const rp = tmpl.spec?.restartPolicy;
  if (rp && rp !== "Always") errs.push(notSupported("spec.template.spec.restartPolicy", rp, ["Always"]));
  if (tmpl.spec?.activeDeadlineSeconds != null) {
    errs.push(forbiddenField("spec.template.spec.activeDeadlineSeconds", `activeDeadlineSeconds in ${kind === "Deployment" || kind === "ReplicaSet" ? "ReplicaSet" : kind} is not Supported`));
  }
  return errs;
}

function validateRollingUpdate(ru: Json, path: string, maxSurgeAllowed: boolean): FieldError[] {
  if (!ru) return [];
  const errs = [...validateIntOrPercent(ru.maxUnavailable, child(path, "maxUnavailable")), ...validateIntOrPercent(ru.maxSurge, child(path, "maxSurge"))];
  const isZero = (v: unknown) => v === undefined || v === 0 || v === "0%";
  if (maxSurgeAllowed && isZero(ru.maxUnavailable) && isZero(ru.maxSurge)) {
    errs.push(invalidValue(child(path, "maxUnavailable"), ru.maxUnavailable ?? 0, "may not be 0 when `maxSurge` is 0"));
  }
  if (typeof ru.maxUnavailable === "string" && isValidPercent(ru.maxUnavailable) && parseInt(ru.maxUnavailable, 10) > 100) {
    errs.push(invalidValue(child(path, "maxUnavailable"), ru.maxUnavailable, "must not be greater than 100%"));
  }
  return errs;
}

function validateSpec(obj: Json, kind: AppsKind): FieldError[] {
  const spec = obj.spec ?? {};
  const errs: FieldError[] = [];
  if (kind !== "DaemonSet") errs.push(...validateNonnegativeField(spec.replicas, "spec.replicas"));
  errs.push(...validateNonnegativeField(spec.minReadySeconds, "spec.minReadySeconds"));
  errs.push(...validateNonnegativeField(spec.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  errs.push(...validateSelectorAndTemplate(spec, kind));
  if (kind === "Deployment") {
    const st = spec.strategy ?? {};
    if (!["Recreate", "RollingUpdate"].includes(st.type)) errs.push(notSupported("spec.strategy.type", st.type ?? "", ["Recreate", "RollingUpdate"]));
    else if (st.type === "Recreate" && st.rollingUpdate) errs.push(forbiddenField("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'"));
    else errs.push(...validateRollingUpdate(st.rollingUpdate, "spec.strategy.rollingUpdate", true));
    if (spec.progressDeadlineSeconds != null) {
      errs.push(...validateNonnegativeField(spec.progressDeadlineSeconds, "spec.progressDeadlineSeconds"));
      if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
        errs.push(invalidValue("spec.progressDeadlineSeconds", spec.progressDeadlineSeconds, "must be greater than minReadySeconds"));
      }
    }
  }
  if (kind === "DaemonSet") {
    const us = spec.updateStrategy ?? {};
    if (!["OnDelete", "RollingUpdate"].includes(us.type)) errs.push(notSupported("spec.updateStrategy.type", us.type ?? "", ["OnDelete", "RollingUpdate"]));
    else errs.push(...validateRollingUpdate(us.rollingUpdate, "spec.updateStrategy.rollingUpdate", true));
  }
  if (kind === "StatefulSet") {
    if (spec.podManagementPolicy && !["OrderedReady", "Parallel"].includes(spec.podManagementPolicy)) {
      errs.push(notSupported("spec.podManagementPolicy", spec.podManagementPolicy, ["OrderedReady", "Parallel"]));
    }
    const us = spec.updateStrategy ?? {};
    if (!["OnDelete", "RollingUpdate"].includes(us.type)) errs.push(notSupported("spec.updateStrategy.type", us.type ?? "", ["OnDelete", "RollingUpdate"]));
    errs.push(...validateNonnegativeField(us.rollingUpdate?.partition, "spec.updateStrategy.rollingUpdate.partition"));
  }
  return errs;
}

// StatefulSet names become pod hostnames (name-N), hence DNS labels (ValidateStatefulSetName).
const NAME_FN: Record<AppsKind, NameFn> = { Deployment: nameIsDNSSubdomain, ReplicaSet: nameIsDNSSubdomain, DaemonSet: nameIsDNSSubdomain, StatefulSet: nameIsDNSLabel };

export function validateAppsObject(obj: Json, kind: AppsKind): FieldError[] {
  return validateObjectMeta(obj.metadata, true, NAME_FN[kind]).concat(validateSpec(obj, kind));
}

const STS_UPDATABLE = ["replicas", "ordinals", "template", "updateStrategy", "persistentVolumeClaimRetentionPolicy", "minReadySeconds"];

export function validateAppsObjectUpdate(obj: Json, old: Json, kind: AppsKind): FieldError[] {
  const errs = validateObjectMetaUpdate(obj.metadata, old.metadata);
  errs.push(...validateSpec(obj, kind));
  errs.push(...validateImmutableField(obj.spec?.selector, old.spec?.selector, "spec.selector", goSelector(obj.spec?.selector)));
  if (kind === "StatefulSet") {
    const strip = (s: Json) => Object.fromEntries(Object.entries(s ?? {}).filter(([k]) => !STS_UPDATABLE.includes(k)));
    if (JSON.stringify(sortKeys(strip(obj.spec))) !== JSON.stringify(sortKeys(strip(old.spec)))) {
      errs.push(forbiddenField("spec", "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"));
    }
  }
  return errs;
}

function sortKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])]));
  return v;
}

/** Status updates: counts are non-negative. */
export function validateAppsStatusUpdate(obj: Json, old: Json): FieldError[] {
  const errs = validateObjectMetaUpdate(obj.metadata, old.metadata);
  for (const f of ["replicas", "readyReplicas", "availableReplicas", "updatedReplicas", "unavailableReplicas", "fullyLabeledReplicas", "currentReplicas", "observedGeneration", "currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled", "numberReady", "numberAvailable", "numberUnavailable", "updatedNumberScheduled"]) {
    errs.push(...validateNonnegativeField(obj.status?.[f], child("status", f)));
  }
  return errs;
}

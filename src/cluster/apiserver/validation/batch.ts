// Jobs (pkg/apis/batch/validation/validation.go ValidateJob, validateJobSpec, validateGeneratedSelector,
// ValidateJobSpecUpdate): restartPolicy OnFailure/Never, selector matching the template, counts,
// and the fields fixed after creation.
import { invalidValue, notSupported, required, type FieldError } from "../field-errors";
import { child, goMap, goSelector, key, validateImmutableField, validateNonnegativeField, type Json } from "./common";
import { isValidLabelValue, nameIsDNSSubdomain } from "./names";
import { validateObjectMeta, validateObjectMetaUpdate } from "./objectmeta";
import { validatePodTemplateSpec } from "./pod";
import { labelSelectorMatches, validateLabelSelector } from "./selector";

export const JOB_LABELS = {
  legacyJobName: "job-name", jobName: "batch.kubernetes.io/job-name",
  legacyControllerUid: "controller-uid", controllerUid: "batch.kubernetes.io/controller-uid",
};

function validateGeneratedSelector(job: Json): FieldError[] {
  const spec = job.spec ?? {};
  if (spec.manualSelector === true || !spec.template?.metadata?.labels || !spec.selector) return [];
  const uid = job.metadata.uid ?? "";
  const labels = spec.template.metadata.labels;
  const errs: FieldError[] = [];
  const labelsPath = "spec.template.metadata.labels";
  for (const l of [JOB_LABELS.legacyControllerUid, JOB_LABELS.controllerUid]) {
    if (labels[l] !== uid) errs.push(invalidValue(key(labelsPath, l), labels[l] ?? "", `must be '${uid}'`));
  }
  for (const l of [JOB_LABELS.legacyJobName, JOB_LABELS.jobName]) {
    if (labels[l] !== job.metadata.name) errs.push(invalidValue(key(labelsPath, l), labels[l] ?? "", `must be '${job.metadata.name}'`));
  }
  if (spec.selector.matchLabels?.[JOB_LABELS.controllerUid] !== uid) {
    errs.push(invalidValue(key("spec.selector.matchLabels", JOB_LABELS.controllerUid), spec.selector.matchLabels?.[JOB_LABELS.controllerUid] ?? "", `must be '${uid}'`));
  }
  return errs;
}

function validateJobSpec(spec: Json): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ["parallelism", "completions", "backoffLimit", "ttlSecondsAfterFinished"]) errs.push(...validateNonnegativeField(spec[f], child("spec", f)));
  if (spec.activeDeadlineSeconds != null && spec.activeDeadlineSeconds <= 0) {
    errs.push(invalidValue("spec.activeDeadlineSeconds", spec.activeDeadlineSeconds, "must be greater than 0"));
  }
  const mode = spec.completionMode ?? "NonIndexed";
  if (!["NonIndexed", "Indexed"].includes(mode)) errs.push(notSupported("spec.completionMode", mode, ["NonIndexed", "Indexed"]));
  if (mode === "Indexed" && spec.completions == null) errs.push(required("spec.completions", "when completion mode is Indexed"));
  if (!spec.selector) errs.push(required("spec.selector"));
  else {
    errs.push(...validateLabelSelector(spec.selector, "spec.selector"));
    if (!labelSelectorMatches(spec.selector, spec.template?.metadata?.labels)) {
      errs.push(invalidValue("spec.template.metadata.labels", goMap(spec.template?.metadata?.labels), "`selector` does not match template `labels`"));
    }
  }
  errs.push(...validatePodTemplateSpec(spec.template, "spec.template"));
  const rp = spec.template?.spec?.restartPolicy;
  if (rp !== "OnFailure" && rp !== "Never") errs.push(notSupported("spec.template.spec.restartPolicy", rp ?? "", ["OnFailure", "Never"]));
  return errs;
}

export function validateJob(job: Json): FieldError[] {
  const errs = validateObjectMeta(job.metadata, true, nameIsDNSSubdomain);
  if (job.spec?.manualSelector !== true && job.metadata?.name) {
    for (const m of isValidLabelValue(job.metadata.name)) errs.push(invalidValue("metadata.name", job.metadata.name, m));
  }
  errs.push(...validateGeneratedSelector(job));
  return errs.concat(validateJobSpec(job.spec ?? {}));
}

export function validateJobUpdate(job: Json, old: Json): FieldError[] {
  const errs = validateObjectMetaUpdate(job.metadata, old.metadata);
  errs.push(...validateJobSpec(job.spec ?? {}));
  const spec = job.spec ?? {};
  const oldSpec = old.spec ?? {};
  errs.push(...validateImmutableField(spec.selector, oldSpec.selector, "spec.selector", goSelector(spec.selector)));
  errs.push(...validateImmutableField(spec.completions, oldSpec.completions, "spec.completions"));
  errs.push(...validateImmutableField(spec.completionMode, oldSpec.completionMode, "spec.completionMode"));
  errs.push(...validateImmutableField(spec.podFailurePolicy, oldSpec.podFailurePolicy, "spec.podFailurePolicy"));
  errs.push(...validateImmutableField(spec.template, oldSpec.template, "spec.template"));
  return errs;
}

export function validateJobStatusUpdate(job: Json, old: Json): FieldError[] {
  const errs = validateObjectMetaUpdate(job.metadata, old.metadata);
  for (const f of ["active", "succeeded", "failed", "ready", "terminating"]) errs.push(...validateNonnegativeField(job.status?.[f], child("status", f)));
  return errs;
}

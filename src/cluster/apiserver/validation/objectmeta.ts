// ObjectMeta validation on create and update, with the exact upstream messages
// (apimachinery/pkg/api/validation/objectmeta.go, apis/meta/v1/validation ValidateLabels,
// and pkg/apis/core/validation ValidateObjectMeta's kube finalizer names).
import { forbiddenField, invalidValue, required, tooLong, type FieldError } from "../field-errors";
import { child, index, validateImmutableField, validateNonnegativeField, type Json } from "./common";
import { isQualifiedName, isValidLabelValue, validateNamespaceName, type NameFn } from "./names";

export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
const STANDARD_FINALIZERS = ["kubernetes", "orphan", "foregroundDeletion"];

export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const msg of isQualifiedName(k)) errs.push(invalidValue(path, k, msg));
    for (const msg of isValidLabelValue(String(v))) errs.push(invalidValue(path, v, msg));
  }
  return errs;
}

export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalidValue(path, k, msg));
    size += utf8Length(k) + utf8Length(String(v ?? ""));
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

function validateOwnerReferences(refs: Json[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = "";
  for (const ref of refs ?? []) {
    const apiVersion: string = ref.apiVersion ?? "";
    const version = apiVersion.includes("/") ? apiVersion.split("/")[1] : apiVersion;
    if (!version) errs.push(invalidValue(child(path, "apiVersion"), apiVersion, "version must not be empty"));
    if (!ref.kind) errs.push(invalidValue(child(path, "kind"), ref.kind ?? "", "must not be empty"));
    if (!ref.name) errs.push(invalidValue(child(path, "name"), ref.name ?? "", "must not be empty"));
    if (!ref.uid) errs.push(invalidValue(child(path, "uid"), ref.uid ?? "", "must not be empty"));
    if (apiVersion === "v1" && ref.kind === "Event") errs.push(invalidValue(path, ref, "/v1, Kind=Event is disallowed from being an owner"));
    if (ref.controller === true) {
      const cur = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(invalidValue(path, refs, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`));
      } else {
        firstController = cur;
      }
    }
  }
  return errs;
}

function validateFinalizers(finalizers: string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (finalizers ?? []).forEach((f, i) => {
    for (const msg of isQualifiedName(f)) errs.push(invalidValue(path, f, msg));
    if (!f.includes("/") && !STANDARD_FINALIZERS.includes(f)) {
      errs.push(invalidValue(index(path, i), f, "name is neither a standard finalizer name nor is it fully qualified"));
    }
  });
  const list = finalizers ?? [];
  if (list.includes("orphan") && list.includes("foregroundDeletion")) {
    errs.push(invalidValue(path, list, "finalizer orphan and foregroundDeletion cannot be both set"));
  }
  return errs;
}

function validateCommon(meta: Json, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (namespaced) {
    if (!meta.namespace) errs.push(required(child(path, "namespace")));
    else for (const msg of validateNamespaceName(meta.namespace, false)) errs.push(invalidValue(child(path, "namespace"), meta.namespace, msg));
  } else if (meta.namespace) {
    errs.push(forbiddenField(child(path, "namespace"), "not allowed on this type"));
  }
  errs.push(...validateNonnegativeField(meta.generation, child(path, "generation")));
  errs.push(...validateLabels(meta.labels, child(path, "labels")));
  errs.push(...validateAnnotations(meta.annotations, child(path, "annotations")));
  errs.push(...validateOwnerReferences(meta.ownerReferences, child(path, "ownerReferences")));
  errs.push(...validateFinalizers(meta.finalizers, child(path, "finalizers")));
  return errs;
}

/** ValidateObjectMeta: name (or generateName) by the resource's name rule, namespace, labels, annotations, owners, finalizers. */
export function validateObjectMeta(meta: Json, namespaced: boolean, nameFn: NameFn, path = "metadata"): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.generateName) {
    for (const msg of nameFn(meta.generateName, true)) errs.push(invalidValue(child(path, "generateName"), meta.generateName, msg));
  }
  if (!meta.name) errs.push(required(child(path, "name"), "name or generateName is required"));
  else for (const msg of nameFn(meta.name, false)) errs.push(invalidValue(child(path, "name"), meta.name, msg));
  return errs.concat(validateCommon(meta, namespaced, path));
}

/** ValidateObjectMetaUpdate: immutable identity fields, no new finalizers while deleting, then the same syntax checks. */
export function validateObjectMetaUpdate(meta: Json, old: Json, path = "metadata"): FieldError[] {
  const errs: FieldError[] = [];
  if (old.deletionTimestamp) {
    const extra = (meta.finalizers ?? []).filter((f: string) => !(old.finalizers ?? []).includes(f));
    if (extra.length) {
      errs.push(forbiddenField(child(path, "finalizers"), `no new finalizers can be added if the object is being deleted, found new finalizers []string{${[...new Set(extra as string[])].sort().map((f) => JSON.stringify(f)).join(", ")}}`));
    }
  }
  // resourceVersion: the generic registry takes unconditional updates (AllowUnconditionalUpdate) before this.
  if ((meta.generation ?? 0) < (old.generation ?? 0)) errs.push(invalidValue(child(path, "generation"), meta.generation ?? 0, "must not be decremented"));
  for (const f of ["name", "namespace", "uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds"]) {
    errs.push(...validateImmutableField(meta[f] ?? "", old[f] ?? "", child(path, f)));
  }
  errs.push(...validateLabels(meta.labels, child(path, "labels")));
  errs.push(...validateAnnotations(meta.annotations, child(path, "annotations")));
  errs.push(...validateOwnerReferences(meta.ownerReferences, child(path, "ownerReferences")));
  errs.push(...validateFinalizers(meta.finalizers, child(path, "finalizers")));
  return errs;
}

// Pieces shared by the per-resource strategies: status and generation handling of
// PrepareForCreate/PrepareForUpdate (as the workload strategies in pkg/registry/apps/* do) and
// field-selector values (generic.AddObjectMetaFieldsSet is added by the caller).
import type { KObject, Strategy } from "./types";
import { deepEqual } from "../validation/common";

/** PrepareForCreate of a workload: empty status, generation 1. */
export function resetStatusAndGeneration(obj: KObject): void {
  obj.status = {};
  obj.metadata.generation = 1;
}

/** PrepareForUpdate of a resource with a status subresource: status is the stored one. */
export function keepStatus(obj: KObject, old: KObject): void {
  if (old.status === undefined) delete obj.status;
  else obj.status = structuredClone(old.status);
}

/** PrepareForStatusUpdate: the spec is the stored one. */
export function keepSpec(obj: KObject, old: KObject): void {
  if (old.spec === undefined) delete obj.spec;
  else obj.spec = structuredClone(old.spec);
}

/** metadata.generation: bumped when the spec (or, for deployments, annotations) changed, else the stored one. */
export function bumpGenerationOnSpecChange(obj: KObject, old: KObject, alsoAnnotations = false): void {
  const changed = !deepEqual(obj.spec, old.spec) || (alsoAnnotations && !deepEqual(obj.metadata.annotations ?? {}, old.metadata.annotations ?? {}));
  obj.metadata.generation = (old.metadata.generation ?? 0) + (changed ? 1 : 0);
}

/**
 * The update hooks of a resource with a status subresource and generation tracking: the main
 * resource keeps the stored status and bumps generation on spec change; status updates keep the
 * stored spec and generation.
 */
export function statusSplitUpdates(alsoAnnotations = false): Pick<Strategy, "prepareForUpdate" | "prepareForStatusUpdate"> {
  return {
    prepareForUpdate(obj, old) {
      keepStatus(obj, old);
      bumpGenerationOnSpecChange(obj, old, alsoAnnotations);
    },
    prepareForStatusUpdate(obj, old) {
      keepSpec(obj, old);
      obj.metadata.generation = old.metadata.generation;
    },
  };
}

export const str = (v: unknown): string => (v === undefined || v === null ? "" : String(v));

// Request-body patches for PATCH: one entry point choosing the algorithm by Content-Type, as
// kube-apiserver's PatchResource (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go).
import { StatusError } from "../status";
import { applyServerSide } from "./apply";
import { applyJsonPatch } from "./json-patch";
import { applyMergePatch } from "./merge-patch";
import { isObject, type JsonObject, type PatchMetaLookup } from "./patch-meta";
import { applyStrategicMergePatch } from "./strategic-merge";

export { applyJsonPatch, decodeJsonPatch, decodePointer } from "./json-patch";
export { applyMergePatch } from "./merge-patch";
export { applyStrategicMergePatch } from "./strategic-merge";
export { applyServerSide, decodeApplyConfiguration } from "./apply";
export {
  updateManagedFields, decodeManagedFields, encodeManagedFields, type ManagedFieldsEntry, type UpdateManagedFieldsOptions,
} from "./managed-fields";
export { toFieldSet, compareValues } from "./fieldset-walk";
export { toFieldsV1, fromFieldsV1, pathString } from "./fieldset";
export type { PatchMeta, PatchMetaLookup } from "./patch-meta";

export const PATCH_TYPES = [
  "application/json-patch+json",
  "application/merge-patch+json",
  "application/strategic-merge-patch+json",
  "application/apply-patch+yaml",
] as const;

export interface ApplyPatchOptions {
  fieldManager?: string;
  force?: boolean;
  now?: Date;
  subresource?: string;
  /** The strategy's reset fields for server-side apply (default: status, or spec for /status). */
  resetFields?: string[][];
}

/** negotiation.NewUnsupportedMediaTypeError(patchTypes). */
export const unsupportedPatchType = (contentType: string) =>
  new StatusError("UnsupportedMediaType",
    `the body of the request was in an unknown format - accepted media types include: ${PATCH_TYPES.join(", ")}`,
    { causes: [{ reason: "UnexpectedServerResponse", message: contentType }] });

/**
 * Apply a PATCH body to `original` (undefined when the object does not exist: only server-side
 * apply creates). Returns the patched object; throws StatusError with upstream wording.
 */
export function applyPatch(contentType: string, original: object | undefined, patchBody: Uint8Array | string,
  lookup: PatchMetaLookup, opts: ApplyPatchOptions = {}): object {
  const mediaType = contentType.split(";")[0].trim().toLowerCase();
  const body = typeof patchBody === "string" ? patchBody : new TextDecoder().decode(patchBody);
  const current = original as JsonObject | undefined;
  switch (mediaType) {
    case "application/json-patch+json":
    case "application/merge-patch+json":
    case "application/strategic-merge-patch+json": {
      if (!current) throw new StatusError("NotFound", "the server could not find the requested resource");
      if (mediaType === "application/merge-patch+json") return applyMergePatch(current, body);
      if (mediaType === "application/strategic-merge-patch+json") return applyStrategicMergePatch(current, body, lookup);
      const out = applyJsonPatch(current, body);
      if (!isObject(out)) throw new StatusError("Invalid", "the server rejected our request due to an error in our request", {});
      return out;
    }
    case "application/apply-patch+yaml":
      return applyServerSide(current, body, lookup, {
        fieldManager: opts.fieldManager ?? "", force: opts.force, now: opts.now ?? new Date(),
        subresource: opts.subresource, resetFields: opts.resetFields,
      });
    default:
      throw unsupportedPatchType(contentType);
  }
}

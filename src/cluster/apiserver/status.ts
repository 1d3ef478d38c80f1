// Errors as data: metav1.Status, the StatusReason → HTTP code table and one StatusError type.
// Mirrors k8s.io/apimachinery/pkg/api/errors/errors.go (messages use the upstream wording).
import type { FieldError } from "./field-errors";
import { aggregateFieldErrors, fieldErrorCause } from "./field-errors";

export type StatusReason =
  | "BadRequest" | "Unauthorized" | "Forbidden" | "NotFound" | "AlreadyExists" | "Conflict"
  | "Gone" | "Invalid" | "Expired" | "MethodNotAllowed" | "NotAcceptable" | "RequestEntityTooLarge"
  | "UnsupportedMediaType" | "TooManyRequests" | "InternalError" | "Timeout" | "ServiceUnavailable";

export const REASON_CODES: Record<StatusReason, number> = {
  BadRequest: 400, Unauthorized: 401, Forbidden: 403, NotFound: 404, MethodNotAllowed: 405,
  NotAcceptable: 406, AlreadyExists: 409, Conflict: 409, Gone: 410, Expired: 410,
  RequestEntityTooLarge: 413, UnsupportedMediaType: 415, Invalid: 422, TooManyRequests: 429,
  InternalError: 500, ServiceUnavailable: 503, Timeout: 504,
};

export interface StatusCause { reason?: string; message?: string; field?: string }
export interface StatusDetails {
  name?: string; group?: string; kind?: string; uid?: string;
  causes?: StatusCause[]; retryAfterSeconds?: number;
}

/** A group + resource, as upstream's schema.GroupResource ("pods", "deployments.apps"). */
export interface GroupResource { group: string; resource: string }
export const grString = (gr: GroupResource) => (gr.group ? `${gr.resource}.${gr.group}` : gr.resource);

export class StatusError extends Error {
  constructor(
    readonly reason: StatusReason,
    message: string,
    readonly details?: StatusDetails,
    readonly code: number = REASON_CODES[reason],
  ) {
    super(message);
  }

  toStatus(): Record<string, unknown> {
    const s: Record<string, unknown> = {
      kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure",
      message: this.message, reason: this.reason,
    };
    if (this.details) s.details = this.details;
    s.code = this.code;
    return s;
  }
}

export const isStatusError = (e: unknown): e is StatusError => e instanceof StatusError;

export const successStatus = (details?: StatusDetails) => ({
  kind: "Status", apiVersion: "v1", metadata: {}, status: "Success", ...(details ? { details } : {}),
});

export function notFound(gr: GroupResource, name: string): StatusError {
  return new StatusError("NotFound", `${grString(gr)} "${name}" not found`,
    { name, group: gr.group || undefined, kind: gr.resource });
}

export function alreadyExists(gr: GroupResource, name: string): StatusError {
  return new StatusError("AlreadyExists", `${grString(gr)} "${name}" already exists`,
    { name, group: gr.group || undefined, kind: gr.resource });
}

export const OPTIMISTIC_LOCK_MESSAGE =
  "the object has been modified; please apply your changes to the latest version and try again";

export function conflict(gr: GroupResource, name: string, why: string = OPTIMISTIC_LOCK_MESSAGE): StatusError {
  return new StatusError("Conflict", `Operation cannot be fulfilled on ${grString(gr)} "${name}": ${why}`,
    { name, group: gr.group || undefined, kind: gr.resource });
}

/** 422: `Pod "x" is invalid: spec.containers[0].image: Required value`. */
export function invalid(kind: string, group: string, name: string, errs: FieldError[]): StatusError {
  return new StatusError("Invalid", `${kind}${group ? "." + group : ""} "${name}" is invalid: ${aggregateFieldErrors(errs)}`,
    { name, group: group || undefined, kind, causes: errs.map(fieldErrorCause) });
}

export const badRequest = (message: string) => new StatusError("BadRequest", message);

export function forbidden(gr: GroupResource, name: string, why: string): StatusError {
  const what = name ? `${grString(gr)} "${name}"` : grString(gr);
  return new StatusError("Forbidden", `${what} is forbidden: ${why}`,
    { name: name || undefined, group: gr.group || undefined, kind: gr.resource });
}

export const unauthorized = () => new StatusError("Unauthorized", "Unauthorized");

export function methodNotSupported(gr: GroupResource, verb: string): StatusError {
  return new StatusError("MethodNotAllowed", `${verb} is not supported on resources of kind "${grString(gr)}"`,
    { group: gr.group || undefined, kind: gr.resource });
}

export const resourceExpired = (message: string) => new StatusError("Expired", message);

export const tooOldResourceVersion = (requested: number, oldest: number) =>
  new StatusError("Expired", `too old resource version: ${requested} (${oldest})`);

/** A list at a revision the store has not reached (apiserver's storage.NewTooLargeResourceVersionError). */
export const tooLargeResourceVersion = (requested: number, current: number) =>
  new StatusError("Timeout", `Too large resource version: ${requested}, current: ${current}`,
    { causes: [{ reason: "ResourceVersionTooLarge", message: "Too large resource version" }], retryAfterSeconds: 1 });

export const CONTINUE_EXPIRED_MESSAGE =
  "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.";

export const requestTooLarge = (limit: number) =>
  new StatusError("RequestEntityTooLarge", `Request entity too large: limit is ${limit}`);

export const unsupportedMediaType = (contentType: string) =>
  new StatusError("UnsupportedMediaType", `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`,
    { causes: [{ reason: "UnexpectedServerResponse", message: contentType }] });

export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new StatusError("TooManyRequests", message, { retryAfterSeconds });

export const internalError = (message: string) =>
  new StatusError("InternalError", `Internal error occurred: ${message}`, { causes: [{ message }] });

export const notAcceptable = (message: string) => new StatusError("NotAcceptable", message);

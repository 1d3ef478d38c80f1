// The Status errors a PATCH request can end in, worded as kube-apiserver's
// staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go and its helpers do.
import { StatusError, type StatusReason } from "../status";

/**
 * errors.NewGenericServerResponse(422, "", GroupResource{}, "", msg, 0, false): the detailed
 * message is dropped by upstream, so a user sees only the generic sentence (and `details: {}`).
 */
export const genericUnprocessable = () =>
  new StatusError("Invalid", "the server rejected our request due to an error in our request", {});

/**
 * A plain Go error returned to the handler: ErrorToAPIStatus turns it into a 500 whose reason is
 * empty (StatusReasonUnknown), so kubectl prints `Error from server: <message>`.
 */
export const unknownServerError = (message: string) =>
  new StatusError("" as StatusReason, message, undefined, 500);

/** An error raised inside a patch algorithm before it is mapped to a Status. */
export class PatchAlgorithmError extends Error {}

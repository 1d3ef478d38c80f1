// The service API's error form (ErrorBody in schemas.ts): `{"error": {"code": "...", "message": "..."}}` with the HTTP status.
import type { ZodError } from "zod";

export type ServiceErrorCode =
  | "invalid_request" | "unauthorized" | "forbidden" | "not_found" | "conflict"
  | "payload_too_large" | "quota_exceeded" | "rate_limited" | "internal";

const STATUS: Record<ServiceErrorCode, number> = {
  invalid_request: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409,
  payload_too_large: 413, quota_exceeded: 403, rate_limited: 429, internal: 500,
};

export class ServiceError extends Error {
  constructor(readonly code: ServiceErrorCode, message: string, readonly status = STATUS[code], readonly headers: Record<string, string> = {}) {
    super(message);
  }

  toResponse(): Response {
    return new Response(JSON.stringify({ error: { code: this.code, message: this.message } }), {
      status: this.status, headers: { "content-type": "application/json", ...this.headers },
    });
  }
}

export const unauthorizedError = () => new ServiceError("unauthorized", "a valid bearer token is required");
export const notFoundError = (what: string) => new ServiceError("not_found", `${what} not found`);

export const rateLimitedError = (retryAfterSeconds: number, limit: { ratePerSecond: number; burst: number }) =>
  new ServiceError("rate_limited",
    `too many requests: the service API allows ${limit.ratePerSecond} requests per second per token (burst ${limit.burst}); retry after ${retryAfterSeconds}s`,
    429, { "retry-after": String(retryAfterSeconds) });

export const quotaError = (message: string) => new ServiceError("quota_exceeded", message);

export const tooLargeError = (limit: number) => new ServiceError("payload_too_large", `request body over the limit of ${limit} bytes`);

export function fromZod(e: ZodError): ServiceError {
  const msg = e.issues.map((i) => `${i.path.length ? i.path.join(".") + ": " : ""}${i.message}`).join("; ");
  return new ServiceError("invalid_request", msg);
}

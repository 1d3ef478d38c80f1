// JSON responses and Status errors in the apiserver's form.
import { StatusError, internalError, isStatusError } from "./status";

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return jsonText(JSON.stringify(body), status, headers);
}

/** A response whose body is already JSON text. */
export function jsonText(text: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(text, {
    status, headers: { "content-type": "application/json", "cache-control": "no-cache, private", ...headers },
  });
}

export function statusResponse(e: StatusError, headers: Record<string, string> = {}): Response {
  const h: Record<string, string> = { ...headers };
  if (e.details?.retryAfterSeconds) h["retry-after"] = String(e.details.retryAfterSeconds);
  return json(e.toStatus(), e.code, h);
}

/** Any thrown value as a Status response; unexpected errors become 500 InternalError. */
export function errorResponse(e: unknown): Response {
  if (isStatusError(e)) return statusResponse(e);
  console.error("apiserver internal error", e);
  return statusResponse(internalError(e instanceof Error ? e.message : String(e)));
}

export function warningHeaders(warnings: string[]): Record<string, string> {
  if (!warnings.length) return {};
  return { warning: warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(", ") };
}

// The kubectl REST client over the terminal's transport: JSON requests with kubectl's headers,
// error bodies decoded into API Status errors, streaming responses handed back as-is.
// Mirrors k8s.io/client-go/rest (request.go transformResponse) as kubectl uses it.
import type { KubeTransport } from "../types";
import { ApiError } from "./errors";

export const ACCEPT_TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
export const ACCEPT_JSON = "application/json";
export const ACCEPT_ANY = "application/json, */*";
const USER_AGENT = "kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07";

export interface RequestOptions {
  accept?: string;
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

export class Client {
  private readonly session = crypto.randomUUID();

  constructor(readonly transport: KubeTransport, readonly command: string) {}

  /** A raw request; non-2xx answers become ApiError. */
  async raw(method: string, path: string, opts: RequestOptions = {}): Promise<Response> {
    const headers: Record<string, string> = {
      accept: opts.accept ?? ACCEPT_JSON,
      "user-agent": USER_AGENT,
      "kubectl-command": this.command,
      "kubectl-session": this.session,
      ...opts.headers,
    };
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
      headers["content-type"] = opts.contentType ?? "application/json";
    }
    const res = await this.transport.request(method, path, { headers, body, signal: opts.signal });
    if (res.status >= 200 && res.status < 300) return res;
    throw await toApiError(res);
  }

  async json(method: string, path: string, opts: RequestOptions = {}): Promise<Obj> {
    const res = await this.raw(method, path, opts);
    return (await res.json()) as Obj;
  }

  get(path: string, accept = ACCEPT_JSON): Promise<Obj> {
    return this.json("GET", path, { accept });
  }
}

/** transformResponse: decode a Status body, or synthesize one from the HTTP code. */
export async function toApiError(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    const s = JSON.parse(text);
    if (s && s.kind === "Status") return new ApiError(s);
  } catch { /* not JSON */ }
  const reason = REASONS[res.status];
  const message = res.status === 404 ? "the server could not find the requested resource"
    : text.trim() || `an error on the server ("unknown") has prevented the request from succeeding`;
  return new ApiError({ kind: "Status", status: "Failure", code: res.status, reason, message });
}

const REASONS: Record<number, string> = {
  400: "BadRequest", 401: "Unauthorized", 403: "Forbidden", 404: "NotFound", 405: "MethodNotAllowed",
  406: "NotAcceptable", 409: "Conflict", 410: "Gone", 415: "UnsupportedMediaType", 422: "Invalid",
  429: "TooManyRequests", 500: "InternalError", 503: "ServiceUnavailable", 504: "Timeout",
};

/** Query string with keys sorted, as Go's url.Values.Encode writes it. */
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const keys = Object.keys(params).filter((k) => params[k] !== undefined && params[k] !== "").sort();
  if (!keys.length) return "";
  return "?" + keys.map((k) => `${k}=${encodeURIComponent(String(params[k])).replace(/%20/g, "+")}`).join("&");
}

/** Reads a newline-delimited JSON stream (watch), calling `onEvent` for each line. */
export async function readLines(res: Response, onLine: (line: string) => Promise<boolean | void> | boolean | void): Promise<void> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buf = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += decoder.decode(value, { stream: true });
      let i;
      while ((i = buf.indexOf("\n")) >= 0) {
        const line = buf.slice(0, i).trim();
        buf = buf.slice(i + 1);
        if (line && (await onLine(line)) === false) return;
      }
    }
  } finally {
    reader.cancel().catch(() => {});
  }
}

// How kubectl reports failures: API Status errors as `Error from server (Reason): message`,
// Invalid errors with their causes, everything else as `error: ...`, exit code 1.
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go (CheckErr, StandardErrorMessage,
// MultilineError).

/** A finished command's failure: the exact text for stderr and the exit code. */
export class KubectlError extends Error {
  constructor(readonly text: string, readonly code = 1) {
    super(text);
  }
}

export interface StatusBody {
  kind?: string;
  status?: string;
  message?: string;
  reason?: string;
  code?: number;
  details?: { name?: string; group?: string; kind?: string; causes?: { reason?: string; message?: string; field?: string }[] };
}

/** An API error response (apierrors.StatusError on the client). */
export class ApiError extends Error {
  constructor(readonly status: StatusBody) {
    super(status.message ?? "");
  }
  get reason(): string { return this.status.reason ?? ""; }
  get code(): number { return this.status.code ?? 0; }
  /** A copy whose message is wrapped, e.g. `error when creating "pod.yaml": ...`. */
  wrap(prefix: string): ApiError {
    return new ApiError({ ...this.status, message: prefix + (this.status.message ?? "") });
  }
}

export const isNotFound = (e: unknown): boolean => e instanceof ApiError && e.reason === "NotFound";

/** The stderr text kubectl prints for an error (CheckErr). */
export function errorText(e: unknown): string {
  if (e instanceof KubectlError) return e.text;
  if (e instanceof ApiError) {
    const s = e.status;
    if (s.reason === "Invalid" && s.details?.causes?.length) {
      const head = `The ${s.details.kind ?? ""} "${s.details.name ?? ""}" is invalid: `;
      const msgs = s.details.causes.map((c) => (c.field ? `${c.field}: ${c.message ?? ""}` : c.message ?? ""));
      if (msgs.length === 1) return `${head}${msgs[0]}\n`;
      return `${head}\n${msgs.map((m) => `* ${m}`).join("\n")}\n`;
    }
    if (s.reason) return `Error from server (${s.reason}): ${s.message ?? ""}\n`;
    return `Error from server: ${s.message ?? ""}\n`;
  }
  if (e instanceof Error) return `error: ${e.message}\n`;
  return `error: ${String(e)}\n`;
}

/** `error: <msg>` as a failure. */
export const fail = (msg: string, code = 1) => new KubectlError(`error: ${msg}\n`, code);

/** A usage error with kubectl's hint line. */
export const usage = (msg: string, cmdPath: string) => new KubectlError(`error: ${msg}\nSee '${cmdPath} -h' for help and examples\n`, 1);

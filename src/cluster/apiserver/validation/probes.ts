// Probes and lifecycle handlers (pkg/apis/core/validation validateProbe, validateHandler,
// ValidatePortNumOrName, validateHTTPGetAction ...).
import { forbiddenField, invalidValue, notSupported, required, type FieldError } from "../field-errors";
import { child, validateNonnegativeField, type Json } from "./common";
import { isValidPortName, isValidPortNum } from "./names";

export function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === "number") return isValidPortNum(port).map((m) => invalidValue(path, port, m));
  if (typeof port === "string") return isValidPortName(port).map((m) => invalidValue(path, port, m));
  return [required(path)];
}

const HANDLERS = ["exec", "httpGet", "tcpSocket", "grpc", "sleep"] as const;

function validateAction(kind: string, a: Json, path: string): FieldError[] {
  switch (kind) {
    case "exec":
      return (a.command ?? []).length === 0 ? [required(child(path, "command"))] : [];
    case "httpGet": {
      const errs: FieldError[] = [];
      if (!a.path) errs.push(required(child(path, "path")));
      errs.push(...validatePortNumOrName(a.port, child(path, "port")));
      if (a.scheme !== undefined && !["HTTP", "HTTPS"].includes(a.scheme)) errs.push(notSupported(child(path, "scheme"), a.scheme, ["HTTP", "HTTPS"]));
      return errs;
    }
    case "tcpSocket":
      return validatePortNumOrName(a.port, child(path, "port"));
    case "grpc":
      return isValidPortNum(a.port).map((m) => invalidValue(child(path, "port"), a.port, m));
    case "sleep":
      return typeof a.seconds === "number" && a.seconds < 0 ? [invalidValue(child(path, "seconds"), a.seconds, "must be greater than or equal to 0")] : [];
  }
  return [];
}

/** validateHandler: exactly one of exec, httpGet, tcpSocket, grpc (probes) or sleep (lifecycle). */
export function validateHandler(h: Json, path: string, allowed: readonly string[] = HANDLERS): FieldError[] {
  const errs: FieldError[] = [];
  let n = 0;
  for (const kind of allowed) {
    if (h[kind] == null) continue;
    if (n > 0) errs.push(forbiddenField(child(path, kind), "may not specify more than 1 handler type"));
    else { n++; errs.push(...validateAction(kind, h[kind], child(path, kind))); }
  }
  if (n === 0) errs.push(required(path, "must specify a handler type"));
  return errs;
}

export type ProbeKind = "livenessProbe" | "readinessProbe" | "startupProbe";

export function validateProbe(probe: Json, kind: ProbeKind, path: string): FieldError[] {
  if (!probe) return [];
  const errs = validateHandler(probe, path, ["exec", "httpGet", "tcpSocket", "grpc"]);
  for (const f of ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"]) {
    errs.push(...validateNonnegativeField(probe[f], child(path, f)));
  }
  const tgps = probe.terminationGracePeriodSeconds;
  if (typeof tgps === "number" && tgps <= 0) errs.push(invalidValue(child(path, "terminationGracePeriodSeconds"), tgps, "must be greater than 0"));
  if (kind !== "readinessProbe" && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
    errs.push(invalidValue(child(path, "successThreshold"), probe.successThreshold, "must be 1"));
  }
  if (kind === "readinessProbe" && tgps != null) {
    errs.push(invalidValue(child(path, "terminationGracePeriodSeconds"), tgps, "must not be set for readinessProbes"));
  }
  return errs;
}

export function validateLifecycle(lc: Json, path: string): FieldError[] {
  if (!lc) return [];
  const errs: FieldError[] = [];
  for (const hook of ["postStart", "preStop"]) {
    if (lc[hook]) errs.push(...validateHandler(lc[hook], child(path, hook), ["exec", "httpGet", "tcpSocket", "sleep"]));
  }
  return errs;
}

// Containers and init containers (pkg/apis/core/validation validateContainers, validateInitContainers,
// validateContainerCommon, validateContainerPorts, ValidateEnv, ValidateVolumeMounts, checkHostPortConflicts).
import { duplicate, forbiddenField, invalidValue, notSupported, required, type FieldError } from "../field-errors";
import { child, index, type Json } from "./common";
import { isDNS1123Label, isRelaxedEnvVarName, isValidPortName, isValidPortNum } from "./names";
import { validateLifecycle, validateProbe } from "./probes";
import { validateResourceRequirements } from "./resources";

const PROTOCOLS = ["SCTP", "TCP", "UDP"];
const PULL_POLICIES = ["Always", "IfNotPresent", "Never"];

function validatePorts(ports: Json[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = index(path, i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length) msgs.forEach((m) => errs.push(invalidValue(child(p, "name"), port.name, m)));
      else if (names.has(port.name)) errs.push(duplicate(child(p, "name"), port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(child(p, "containerPort")));
    else isValidPortNum(port.containerPort).forEach((m) => errs.push(invalidValue(child(p, "containerPort"), port.containerPort, m)));
    if (port.hostPort) isValidPortNum(port.hostPort).forEach((m) => errs.push(invalidValue(child(p, "hostPort"), port.hostPort, m)));
    if (!port.protocol) errs.push(required(child(p, "protocol")));
    else if (!PROTOCOLS.includes(port.protocol)) errs.push(notSupported(child(p, "protocol"), port.protocol, PROTOCOLS));
  });
  return errs;
}

function validateEnv(env: Json[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (env ?? []).forEach((ev, i) => {
    const p = index(path, i);
    if (!ev.name) errs.push(required(child(p, "name")));
    isRelaxedEnvVarName(ev.name ?? "").forEach((m) => errs.push(invalidValue(child(p, "name"), ev.name ?? "", m)));
    if (ev.valueFrom) {
      const vf = ev.valueFrom;
      const vp = child(p, "valueFrom");
      const n = ["fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef"].filter((k) => vf[k] != null).length;
      if (n === 0) errs.push(invalidValue(vp, "", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"));
      else if (ev.value) errs.push(invalidValue(vp, "", "may not be specified when `value` is not empty"));
      else if (n > 1) errs.push(invalidValue(vp, "", "may not have more than one field specified at a time"));
      for (const ref of ["configMapKeyRef", "secretKeyRef"]) {
        if (!vf[ref]) continue;
        if (!vf[ref].name) errs.push(required(child(vp, ref, "name")));
        if (!vf[ref].key) errs.push(required(child(vp, ref, "key")));
      }
      if (vf.fieldRef && !vf.fieldRef.fieldPath) errs.push(required(child(vp, "fieldRef", "fieldPath")));
      if (vf.resourceFieldRef && !vf.resourceFieldRef.resource) errs.push(required(child(vp, "resourceFieldRef", "resource")));
    }
  });
  return errs;
}

function validateVolumeMounts(mounts: Json[] | undefined, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const points = new Set<string>();
  (mounts ?? []).forEach((m, i) => {
    const p = index(path, i);
    if (!m.name) errs.push(required(child(p, "name")));
    if (!volumes.has(m.name)) errs.push({ type: "FieldValueNotFound", field: child(p, "name"), badValue: m.name ?? "" });
    if (!m.mountPath) errs.push(required(child(p, "mountPath")));
    if (points.has(m.mountPath)) errs.push(invalidValue(child(p, "mountPath"), m.mountPath, "must be unique"));
    points.add(m.mountPath);
    if (m.subPath && (String(m.subPath).startsWith("/") || String(m.subPath).split("/").includes(".."))) {
      errs.push(invalidValue(child(p, "subPath"), m.subPath, String(m.subPath).startsWith("/") ? "must be a relative path" : "must not contain '..'"));
    }
  });
  return errs;
}

export function validateContainerCommon(ctr: Json, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const namePath = child(path, "name");
  if (!ctr.name) errs.push(required(namePath));
  else isDNS1123Label(ctr.name).forEach((m) => errs.push(invalidValue(namePath, ctr.name, m)));
  if (!ctr.image) errs.push(required(child(path, "image")));
  const tmp = ctr.terminationMessagePolicy;
  if (!tmp) errs.push(required(child(path, "terminationMessagePolicy")));
  else if (!["File", "FallbackToLogsOnError"].includes(tmp)) errs.push(notSupported(child(path, "terminationMessagePolicy"), tmp, ["File", "FallbackToLogsOnError"]));
  errs.push(...validatePorts(ctr.ports, child(path, "ports")));
  errs.push(...validateEnv(ctr.env, child(path, "env")));
  errs.push(...validateVolumeMounts(ctr.volumeMounts, volumes, child(path, "volumeMounts")));
  if (!ctr.imagePullPolicy) errs.push(required(child(path, "imagePullPolicy")));
  else if (!PULL_POLICIES.includes(ctr.imagePullPolicy)) errs.push(notSupported(child(path, "imagePullPolicy"), ctr.imagePullPolicy, PULL_POLICIES));
  errs.push(...validateResourceRequirements(ctr.resources, child(path, "resources")));
  return errs;
}

function hostPortConflicts(all: { ctr: Json; path: string }[]): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  for (const { ctr, path } of all) {
    ((ctr.ports ?? []) as Json[]).forEach((port, i) => {
      if (!port.hostPort) return;
      const s = `${port.protocol ?? ""}/${port.hostIP ?? ""}/${port.hostPort}`;
      if (seen.has(s)) errs.push(duplicate(child(index(child(path, "ports"), i), "hostPort"), s));
      seen.add(s);
    });
  }
  return errs;
}

export function validateContainers(containers: Json[] | undefined, volumes: Set<string>, path: string): FieldError[] {
  if (!containers || containers.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((ctr, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(ctr, volumes, p));
    if (names.has(ctr.name)) errs.push(duplicate(child(p, "name"), ctr.name));
    else names.add(ctr.name);
    errs.push(...validateLifecycle(ctr.lifecycle, child(p, "lifecycle")));
    for (const k of ["livenessProbe", "readinessProbe", "startupProbe"] as const) errs.push(...validateProbe(ctr[k], k, child(p, k)));
    if (ctr.restartPolicy != null) errs.push(forbiddenField(child(p, "restartPolicy"), "may not be set for non-init containers"));
  });
  return errs.concat(hostPortConflicts(containers.map((ctr, i) => ({ ctr, path: index(path, i) }))));
}

export function validateInitContainers(inits: Json[] | undefined, containers: Json[] | undefined, volumes: Set<string>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>((containers ?? []).map((c) => c.name));
  (inits ?? []).forEach((ctr, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(ctr, volumes, p));
    if (names.has(ctr.name)) errs.push(duplicate(child(p, "name"), ctr.name));
    else names.add(ctr.name);
    const sidecar = ctr.restartPolicy === "Always";
    if (ctr.restartPolicy != null && !sidecar) errs.push(notSupported(child(p, "restartPolicy"), ctr.restartPolicy, ["Always"]));
    if (!sidecar) {
      for (const k of ["lifecycle", "livenessProbe", "readinessProbe", "startupProbe"]) {
        if (ctr[k] != null) errs.push(forbiddenField(child(p, k), "may not be set for init containers without restartPolicy=Always"));
      }
    } else {
      errs.push(...validateLifecycle(ctr.lifecycle, child(p, "lifecycle")));
      for (const k of ["livenessProbe", "readinessProbe", "startupProbe"] as const) errs.push(...validateProbe(ctr[k], k, child(p, k)));
    }
  });
  return errs;
}

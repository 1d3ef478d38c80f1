// Updates through pods/ephemeralcontainers: each debug container is a valid container without
// the fields a debug container may not have, named uniquely across all the pod's containers and
// targeting a regular or init container; existing ones may be neither removed nor changed, and
// static pods take none. Mirrors pkg/apis/core/validation/validation.go
// validateEphemeralContainers and ValidatePodEphemeralContainersUpdate.
import { duplicate, forbiddenField, type FieldError } from "../field-errors";
import { validateContainerCommon } from "./container";
import { child, index, type Json } from "./common";
import { podSpecDiff } from "./pod-update";
import { validateVolumes } from "./volumes";

const SPEC_PATH = "spec.ephemeralContainers";
const MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";
/** EphemeralContainerCommon fields that allowedEphemeralContainerFields sets to false. */
const FORBIDDEN_FIELDS = ["ports", "resources", "resizePolicy", "restartPolicy", "livenessProbe", "readinessProbe", "startupProbe", "lifecycle"];
const NOT_ALLOWED = "cannot be set for an Ephemeral Container";

/** Go's zero value: absent, empty, or an object with nothing set in it. */
function isSet(v: unknown): boolean {
  if (v === undefined || v === null || v === "" || v === false || v === 0) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === "object") return Object.values(v).some(isSet);
  return true;
}

function validateEphemeralContainers(spec: Json): FieldError[] {
  const ephemeral: Json[] = spec.ephemeralContainers ?? [];
  const errs: FieldError[] = [];
  const { names: volumes } = validateVolumes(spec.volumes, "spec.volumes");
  const others = new Set<string>([...(spec.containers ?? []), ...(spec.initContainers ?? [])].map((c: Json) => c.name));
  const all = new Set(others);
  ephemeral.forEach((ec, i) => {
    const p = index(SPEC_PATH, i);
    errs.push(...validateContainerCommon({ ...ec, ports: undefined, resources: undefined }, volumes, p));
    if (all.has(ec.name)) errs.push(duplicate(child(p, "name"), ec.name));
    else all.add(ec.name);
    if (ec.targetContainerName && !others.has(ec.targetContainerName)) {
      errs.push({ type: "FieldValueNotFound", field: child(p, "targetContainerName"), badValue: ec.targetContainerName });
    }
    for (const f of FORBIDDEN_FIELDS) if (isSet(ec[f])) errs.push(forbiddenField(child(p, f), NOT_ALLOWED));
    ((ec.volumeMounts ?? []) as Json[]).forEach((vm, j) => {
      for (const f of ["subPath", "subPathExpr"]) if (vm[f]) errs.push(forbiddenField(child(index(child(p, "volumeMounts"), j), f), NOT_ALLOWED));
    });
  });
  return errs;
}

/** ValidatePodEphemeralContainersUpdate, for the debug containers of `pod` against `old`. */
export function validateEphemeralContainersUpdate(pod: Json, old: Json): FieldError[] {
  if (old.metadata?.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return [forbiddenField("", "static pods do not support ephemeral containers")];
  const errs = validateEphemeralContainers(pod.spec ?? {});
  const next = new Map<string, Json>(((pod.spec?.ephemeralContainers ?? []) as Json[]).map((c) => [c.name, c]));
  for (const before of (old.spec?.ephemeralContainers ?? []) as Json[]) {
    const now = next.get(before.name);
    if (!now) errs.push(forbiddenField(SPEC_PATH, `existing ephemeral containers "${before.name}" may not be removed\n`));
    else if (JSON.stringify(canonical(now)) !== JSON.stringify(canonical(before))) {
      errs.push(forbiddenField(SPEC_PATH, `existing ephemeral containers "${before.name}" may not be changed\n${podSpecDiff(before, now).replace("core.PodSpec{", "core.EphemeralContainer{")}`));
    }
  }
  return errs;
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === "object") return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Json)[k])]));
  return v;
}

// Pod update validation: only images, activeDeadlineSeconds, tolerations (additions), scheduling gates
// (removals) and terminationGracePeriodSeconds (negative → 1) may change
// (pkg/apis/core/validation ValidatePodUpdate, ValidateContainerUpdates, validateOnlyAddedTolerations).
import { forbiddenField, invalidValue, required, type FieldError } from "../field-errors";
import { child, deepEqual, index, type Json } from "./common";
import { inclusiveRangeError, isDNS1123Subdomain } from "./names";
import { validateObjectMetaUpdate } from "./objectmeta";
import { validatePod, validateTolerations } from "./pod";

export const UPDATABLE_POD_SPEC_FIELDS = [
  "`spec.containers[*].image`",
  "`spec.initContainers[*].image`",
  "`spec.activeDeadlineSeconds`",
  "`spec.tolerations` (only additions to existing tolerations)",
  "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)",
];
const MAX_INT32 = 2147483647;

function validateContainerUpdates(next: Json[] | undefined, old: Json[] | undefined, path: string): { errs: FieldError[]; stop: boolean } {
  const n = next ?? [];
  if (n.length !== (old ?? []).length) return { errs: [forbiddenField(path, "pod updates may not add or remove containers")], stop: true };
  const errs: FieldError[] = [];
  n.forEach((c, i) => {
    if (!c.image) errs.push(required(child(index(path, i), "image")));
    else if (String(c.image).trim() !== c.image) errs.push(invalidValue(child(index(path, i), "image"), c.image, "must not have leading or trailing whitespace"));
  });
  return { errs, stop: false };
}

function validateOnlyAddedTolerations(next: Json[] | undefined, old: Json[] | undefined, path: string): FieldError[] {
  for (const o of old ?? []) {
    const found = (next ?? []).some((t) => deepEqual({ ...o, tolerationSeconds: t.tolerationSeconds }, t));
    if (!found) return [forbiddenField(path, "existing toleration can not be modified except its tolerationSeconds")];
  }
  return validateTolerations(next, path);
}

const goFieldName = (k: string) => k.charAt(0).toUpperCase() + k.slice(1);

/** A short go-cmp-like diff of the spec fields that differ (upstream prints cmp.Diff of the internal PodSpec). */
export function podSpecDiff(old: Json, next: Json): string {
  const keys = [...new Set([...Object.keys(old ?? {}), ...Object.keys(next ?? {})])];
  const lines = ["  core.PodSpec{"];
  let same = 0;
  for (const k of keys) {
    if (deepEqual(old?.[k], next?.[k])) { same++; continue; }
    if (old?.[k] !== undefined) lines.push(`- \t${goFieldName(k)}: ${JSON.stringify(old[k])},`);
    if (next?.[k] !== undefined) lines.push(`+ \t${goFieldName(k)}: ${JSON.stringify(next[k])},`);
  }
  if (same) lines.push(`  \t... // ${same} identical fields`);
  lines.push("  }");
  return lines.join("\n") + "\n";
}

export function validatePodUpdate(pod: Json, old: Json): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  errs.push(...validatePod(pod).filter((e) => e.field !== "spec.ephemeralContainers"));
  const spec = pod.spec ?? {};
  const oldSpec = old.spec ?? {};
  for (const k of ["containers", "initContainers"]) {
    const r = validateContainerUpdates(spec[k], oldSpec[k], child("spec", k));
    errs.push(...r.errs);
    if (r.stop) return errs;
  }
  const ads = spec.activeDeadlineSeconds;
  if (ads != null) {
    if (ads < 0 || ads > MAX_INT32) return errs.concat(invalidValue("spec.activeDeadlineSeconds", ads, inclusiveRangeError(0, MAX_INT32)));
    if (oldSpec.activeDeadlineSeconds != null && oldSpec.activeDeadlineSeconds < ads) {
      return errs.concat(invalidValue("spec.activeDeadlineSeconds", ads, "must be less than or equal to previous value"));
    }
  } else if (oldSpec.activeDeadlineSeconds != null) {
    errs.push(invalidValue("spec.activeDeadlineSeconds", null, "must not update from a positive integer to nil value"));
  }
  errs.push(...validateOnlyAddedTolerations(spec.tolerations, oldSpec.tolerations, "spec.tolerations"));
  const gates = (spec.schedulingGates ?? []) as Json[];
  const oldGates = (oldSpec.schedulingGates ?? []) as Json[];
  const added = gates.find((g) => !oldGates.some((o) => o.name === g.name));
  if (added) errs.push(forbiddenField("spec.schedulingGates", `only deletion is allowed, but found new scheduling gate '${added.name}'`));
  if (deepEqual(spec, oldSpec)) return errs;
  const munged: Json = structuredClone(spec);
  (munged.containers ?? []).forEach((c: Json, i: number) => { c.image = oldSpec.containers[i].image; });
  (munged.initContainers ?? []).forEach((c: Json, i: number) => { c.image = oldSpec.initContainers[i].image; });
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.schedulingGates = oldSpec.schedulingGates;
  munged.tolerations = oldSpec.tolerations;
  if (oldSpec.terminationGracePeriodSeconds < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldSpec.terminationGracePeriodSeconds;
  }
  if (!deepEqual(munged, oldSpec)) {
    errs.push(forbiddenField("spec", `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(",")}\n${podSpecDiff(oldSpec, munged)}`));
  }
  return errs;
}

/** ValidatePodStatusUpdate: metadata rules and the status fields a kubelet may write. */
export function validatePodStatusUpdate(pod: Json, old: Json): FieldError[] {
  const errs = validateObjectMetaUpdate(pod.metadata, old.metadata);
  const st = pod.status ?? {};
  if (typeof st.nominatedNodeName === "string" && st.nominatedNodeName) {
    for (const m of isDNS1123Subdomain(st.nominatedNodeName)) errs.push(invalidValue("status.nominatedNodeName", st.nominatedNodeName, m));
  }
  const ips = (st.podIPs ?? []) as Json[];
  if (ips.length > 0 && st.podIP && ips[0].ip !== st.podIP) errs.push(invalidValue("status.podIPs[0].ip", ips[0].ip, "must be equal to status.podIP"));
  return errs;
}

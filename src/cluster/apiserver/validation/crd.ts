// CustomResourceDefinitions (apiextensions.k8s.io/v1), as staging/src/k8s.io/apiextensions-apiserver
// pkg/apis/apiextensions/validation/validation.go: the name is spec.names.plural + "." +
// spec.group, the group a domain with a dot, a scope, unique DNS-1035 version names with exactly
// one storage version and a schema each, the names, and stored versions that name spec versions.
// On update the group and plural never change, scope and kind not once established.
import { invalidValue, notSupported, required, type FieldError } from "../field-errors";
import { child, index, validateImmutableField, type Json } from "./common";
import { isDNS1035Label, isDNS1123Subdomain } from "./names";

const SCOPES = ["Cluster", "Namespaced"];

function validateNames(names: Json, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of ["plural", "singular", "kind", "listKind"]) if (!names?.[k]) errs.push(required(child(path, k)));
  for (const k of ["plural", "singular"]) {
    const v = names?.[k];
    if (v && isDNS1035Label(v).length) errs.push(invalidValue(child(path, k), v, isDNS1035Label(v).join(",")));
  }
  for (const k of ["kind", "listKind"]) {
    const v = names?.[k];
    const msgs = v ? isDNS1035Label(String(v).toLowerCase()) : [];
    if (msgs.length) errs.push(invalidValue(child(path, k), v, "may have mixed case, but should otherwise match: " + msgs.join(",")));
  }
  if (names?.kind && names.kind === names.listKind) errs.push(invalidValue(child(path, "listKind"), names.listKind, "kind and listKind may not be the same"));
  return errs;
}

function validateSpec(spec: Json): FieldError[] {
  const errs: FieldError[] = [];
  const group = spec?.group;
  if (!group) errs.push(required("spec.group"));
  else if (isDNS1123Subdomain(group).length) errs.push(invalidValue("spec.group", group, isDNS1123Subdomain(group).join(",")));
  else if (group.split(".").length < 2) errs.push(invalidValue("spec.group", group, "should be a domain with at least one dot"));
  if (!spec?.scope) errs.push(required("spec.scope"));
  else if (!SCOPES.includes(spec.scope)) errs.push(notSupported("spec.scope", spec.scope, SCOPES));
  const versions: Json[] = spec?.versions ?? [];
  if (versions.length === 0) errs.push(required("spec.versions"));
  const seen = new Set<string>();
  let unique = true;
  let storage = 0;
  versions.forEach((v, i) => {
    const p = index("spec.versions", i);
    if (v.storage === true) storage++;
    if (seen.has(v.name)) unique = false;
    seen.add(v.name);
    const msgs = isDNS1035Label(String(v.name ?? ""));
    if (msgs.length) errs.push(invalidValue(child(p, "name"), v.name ?? "", msgs.join(",")));
    if (!v.schema?.openAPIV3Schema) errs.push(required(child(child(p, "schema"), "openAPIV3Schema"), "schemas are required"));
  });
  if (!unique) errs.push(invalidValue("spec.versions", versions, "must contain unique version names"));
  if (versions.length && storage !== 1) errs.push(invalidValue("spec.versions", versions, "must have exactly one version marked as storage version"));
  errs.push(...validateNames(spec?.names, "spec.names"));
  const strategy = spec?.conversion?.strategy;
  if (strategy && !["None", "Webhook"].includes(strategy)) errs.push(notSupported("spec.conversion.strategy", strategy, ["None", "Webhook"]));
  return errs;
}

function validateStoredVersions(stored: string[] | undefined, versions: Json[]): FieldError[] {
  if (!stored?.length) return [invalidValue("status.storedVersions", stored ?? [], "must have at least one stored version")];
  const errs: FieldError[] = [];
  for (const v of versions) {
    if (v.storage === true && !stored.includes(v.name)) errs.push(invalidValue("status.storedVersions", v, `must have the storage version ${v.name}`));
  }
  stored.forEach((s, i) => { if (!versions.some((v) => v.name === s)) errs.push(invalidValue(index("status.storedVersions", i), s, "must appear in spec.versions")); });
  return errs;
}

export function validateCustomResourceDefinition(crd: Json): FieldError[] {
  const errs: FieldError[] = [];
  const wanted = `${crd.spec?.names?.plural ?? ""}.${crd.spec?.group ?? ""}`;
  if (crd.metadata?.name !== wanted) errs.push(invalidValue("metadata.name", crd.metadata?.name ?? "", 'must be spec.names.plural+"."+spec.group'));
  errs.push(...validateSpec(crd.spec));
  errs.push(...validateStoredVersions(crd.status?.storedVersions, crd.spec?.versions ?? []));
  return errs;
}

export const isEstablished = (crd: Json): boolean =>
  ((crd.status?.conditions ?? []) as Json[]).some((c) => c.type === "Established" && c.status === "True");

export function validateCustomResourceDefinitionUpdate(crd: Json, old: Json): FieldError[] {
  const errs = validateCustomResourceDefinition(crd);
  if (isEstablished(old)) {
    errs.push(...validateImmutableField(crd.spec?.scope, old.spec?.scope, "spec.scope"));
    errs.push(...validateImmutableField(crd.spec?.names?.kind, old.spec?.names?.kind, "spec.names.kind"));
  }
  errs.push(...validateImmutableField(crd.spec?.group, old.spec?.group, "spec.group"));
  errs.push(...validateImmutableField(crd.spec?.names?.plural, old.spec?.names?.plural, "spec.names.plural"));
  return errs;
}

export function validateCustomResourceDefinitionStatusUpdate(crd: Json): FieldError[] {
  return validateStoredVersions(crd.status?.storedVersions, crd.spec?.versions ?? []);
}

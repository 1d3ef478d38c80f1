// Roles, ClusterRoles, RoleBindings and ClusterRoleBindings: validation with the exact upstream
// messages (pkg/apis/rbac/validation/validation.go, v1.32). Names only need to be valid path
// segments (ValidateRBACName); rules and subjects are checked one by one.
import { notSupported, invalidValue, required, type FieldError } from "../field-errors";
import { child, GoValue, index, type Json } from "./common";
import { isValidPathSegmentName, nameIsDNSSubdomain, type NameFn } from "./names";
import { validateObjectMeta, validateObjectMetaUpdate } from "./objectmeta";
import { validateLabelSelector } from "./selector";

export const RBAC_GROUP = "rbac.authorization.k8s.io";

/** ValidateRBACName: minimal name requirements, the same for names and generateName prefixes. */
export const validateRBACName: NameFn = (name) => isValidPathSegmentName(name);

const goStrings = (v: string[]) => new GoValue(`[]string{${v.map((s) => JSON.stringify(s)).join(", ")}}`);
const len = (v: unknown) => (Array.isArray(v) ? v.length : 0);

/** ValidatePolicyRule: verbs always; non-resource URLs (cluster rules only) or api groups and resources. */
export function validatePolicyRule(rule: Json, isNamespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (len(rule?.verbs) === 0) errs.push(required(child(path, "verbs"), "verbs must contain at least one value"));
  if (len(rule?.nonResourceURLs) > 0) {
    const urls = goStrings(rule.nonResourceURLs);
    if (isNamespaced) errs.push(invalidValue(child(path, "nonResourceURLs"), urls, "namespaced rules cannot apply to non-resource URLs"));
    if (len(rule.apiGroups) > 0 || len(rule.resources) > 0 || len(rule.resourceNames) > 0) {
      errs.push(invalidValue(child(path, "nonResourceURLs"), urls, "rules cannot apply to both regular resources and non-resource URLs"));
    }
    return errs;
  }
  if (len(rule?.apiGroups) === 0) errs.push(required(child(path, "apiGroups"), "resource rules must supply at least one api group"));
  if (len(rule?.resources) === 0) errs.push(required(child(path, "resources"), "resource rules must supply at least one resource"));
  return errs;
}

const rulesErrors = (rules: Json[] | undefined, isNamespaced: boolean) =>
  (rules ?? []).flatMap((rule, i) => validatePolicyRule(rule, isNamespaced, index("rules", i)));

export function validateRole(role: Json): FieldError[] {
  return validateObjectMeta(role.metadata, true, validateRBACName).concat(rulesErrors(role.rules, true));
}

export function validateClusterRole(role: Json): FieldError[] {
  const errs = validateObjectMeta(role.metadata, false, validateRBACName).concat(rulesErrors(role.rules, false));
  const agg = role.aggregationRule;
  if (agg) {
    const path = "aggregationRule.clusterRoleSelectors";
    if (len(agg.clusterRoleSelectors) === 0) errs.push(required(path, "at least one clusterRoleSelector required if aggregationRule is non-nil"));
    (agg.clusterRoleSelectors ?? []).forEach((sel: Json, i: number) => errs.push(...validateLabelSelector(sel ?? {}, index(path, i))));
  }
  return errs;
}

/** ValidateRoleBindingSubject: kind ServiceAccount, User or Group, each with its api group. */
export function validateRoleBindingSubject(subject: Json, isNamespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name: string = subject?.name ?? "";
  const apiGroup: string = subject?.apiGroup ?? "";
  if (!name) errs.push(required(child(path, "name"), ""));
  switch (subject?.kind) {
    case "ServiceAccount":
      if (name) for (const msg of nameIsDNSSubdomain(name, false)) errs.push(invalidValue(child(path, "name"), name, msg));
      if (apiGroup) errs.push(notSupported(child(path, "apiGroup"), apiGroup, [""]));
      if (!isNamespaced && !subject.namespace) errs.push(required(child(path, "namespace"), ""));
      break;
    case "User":
    case "Group":
      if (apiGroup !== RBAC_GROUP) errs.push(notSupported(child(path, "apiGroup"), apiGroup, [RBAC_GROUP]));
      break;
    default:
      errs.push(notSupported(child(path, "kind"), subject?.kind ?? "", ["ServiceAccount", "User", "Group"]));
  }
  return errs;
}

function validateBinding(binding: Json, isNamespaced: boolean): FieldError[] {
  const errs = validateObjectMeta(binding.metadata, isNamespaced, validateRBACName);
  const ref = binding.roleRef ?? {};
  if ((ref.apiGroup ?? "") !== RBAC_GROUP) errs.push(notSupported("roleRef.apiGroup", ref.apiGroup ?? "", [RBAC_GROUP]));
  const kinds = isNamespaced ? ["Role", "ClusterRole"] : ["ClusterRole"];
  if (!kinds.includes(ref.kind)) errs.push(notSupported("roleRef.kind", ref.kind ?? "", kinds));
  if (!ref.name) errs.push(required("roleRef.name", ""));
  else for (const msg of validateRBACName(ref.name, false)) errs.push(invalidValue("roleRef.name", ref.name, msg));
  (binding.subjects ?? []).forEach((s: Json, i: number) => errs.push(...validateRoleBindingSubject(s, isNamespaced, index("subjects", i))));
  return errs;
}

export const validateRoleBinding = (rb: Json) => validateBinding(rb, true);
export const validateClusterRoleBinding = (crb: Json) => validateBinding(crb, false);

/** The %#v of an rbac.RoleRef, as "cannot change roleRef" prints it. */
export function goRoleRef(ref: Json): GoValue {
  const q = (v: unknown) => JSON.stringify(typeof v === "string" ? v : "");
  return new GoValue(`rbac.RoleRef{APIGroup:${q(ref?.apiGroup)}, Kind:${q(ref?.kind)}, Name:${q(ref?.name)}}`);
}

/** The update checks of a binding: the new object's validation, metadata, and an unchanged roleRef. */
function validateBindingUpdate(binding: Json, old: Json, isNamespaced: boolean): FieldError[] {
  const errs = validateBinding(binding, isNamespaced).concat(validateObjectMetaUpdate(binding.metadata, old.metadata));
  const a = binding.roleRef ?? {}, b = old.roleRef ?? {};
  if ((a.apiGroup ?? "") !== (b.apiGroup ?? "") || (a.kind ?? "") !== (b.kind ?? "") || (a.name ?? "") !== (b.name ?? "")) {
    errs.push(invalidValue("roleRef", goRoleRef(a), "cannot change roleRef"));
  }
  return errs;
}

export const validateRoleUpdate = (role: Json, old: Json) => validateRole(role).concat(validateObjectMetaUpdate(role.metadata, old.metadata));
export const validateClusterRoleUpdate = (role: Json, old: Json) =>
  validateClusterRole(role).concat(validateObjectMetaUpdate(role.metadata, old.metadata));
export const validateRoleBindingUpdate = (rb: Json, old: Json) => validateBindingUpdate(rb, old, true);
export const validateClusterRoleBindingUpdate = (crb: Json, old: Json) => validateBindingUpdate(crb, old, false);

// Roles, ClusterRoles, RoleBindings and ClusterRoleBindings (pkg/registry/rbac/{role,clusterrole,
// rolebinding,clusterrolebinding}/strategy.go; SetDefaults_* of pkg/apis/rbac/v1/defaults.go).
// They are stored as data: Podlab authorizes by the cluster token (authz.ts), not by these.
// ValidateUpdate runs the create validation and then the update validation (which repeats it), as
// upstream's strategies do, so a bad rule on update is listed twice in details.causes.
import type { KObject, Strategy } from "./types";
import {
  RBAC_GROUP, validateClusterRole, validateClusterRoleBinding, validateClusterRoleBindingUpdate, validateClusterRoleUpdate,
  validateRole, validateRoleBinding, validateRoleBindingUpdate, validateRoleUpdate,
} from "../validation/rbac";

/** SetDefaults_Subject: ServiceAccount subjects get the core group, users and groups the RBAC group. */
function defaultSubjects(obj: KObject): void {
  for (const s of Array.isArray(obj.subjects) ? obj.subjects : []) {
    if (s && typeof s === "object" && !s.apiGroup) {
      if (s.kind === "ServiceAccount") delete s.apiGroup;
      else if (s.kind === "User" || s.kind === "Group") s.apiGroup = RBAC_GROUP;
    }
  }
}

/** SetDefaults_RoleBinding / SetDefaults_ClusterRoleBinding: roleRef.apiGroup; roleRef always serializes its three fields. */
function defaultBinding(obj: KObject): void {
  obj.roleRef = { apiGroup: "", kind: "", name: "", ...(obj.roleRef ?? {}) };
  if (!obj.roleRef.apiGroup) obj.roleRef.apiGroup = RBAC_GROUP;
  defaultSubjects(obj);
}

/** `rules` has no omitempty upstream: a role without rules answers `"rules": null`. */
function defaultRules(obj: KObject): void {
  if (obj.rules === undefined) obj.rules = null;
}

export const roleStrategy: Strategy = {
  defaults: defaultRules,
  validate: (obj) => validateRole(obj),
  validateUpdate: (obj, old) => validateRole(obj).concat(validateRoleUpdate(obj, old)),
};

export const clusterRoleStrategy: Strategy = {
  defaults: defaultRules,
  validate: (obj) => validateClusterRole(obj),
  validateUpdate: (obj, old) => validateClusterRole(obj).concat(validateClusterRoleUpdate(obj, old)),
};

export const roleBindingStrategy: Strategy = {
  defaults: defaultBinding,
  validate: (obj) => validateRoleBinding(obj),
  validateUpdate: (obj, old) => validateRoleBinding(obj).concat(validateRoleBindingUpdate(obj, old)),
};

export const clusterRoleBindingStrategy: Strategy = {
  defaults: defaultBinding,
  validate: (obj) => validateClusterRoleBinding(obj),
  validateUpdate: (obj, old) => validateClusterRoleBinding(obj).concat(validateClusterRoleBindingUpdate(obj, old)),
};

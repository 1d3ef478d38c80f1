// RBAC printers of pkg/printers/internalversion/printers.go: Roles and ClusterRoles have no
// printer upstream and answer the default NAME / CREATED AT table; RoleBindings and
// ClusterRoleBindings print NAME, ROLE (Kind/name), AGE and, wide, USERS, GROUPS,
// SERVICEACCOUNTS as printRoleBinding does with rbac.SubjectsStrings (pkg/apis/rbac/helpers.go).
import type { KObject } from "../registry/types";
import { ageColumn, column, nameColumn } from "./columns";
import { defaultPrinter } from "./default";
import { age } from "./format";
import type { Printer } from "./types";

// rbacv1beta1.{RoleBinding,ClusterRoleBinding}{}.SwaggerDoc()["roleRef"] at v0.32.
const ROLE_BINDING_ROLE_REF = "RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.";
const CLUSTER_ROLE_BINDING_ROLE_REF = "RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.";

interface Subject { kind?: string; name?: string; namespace?: string }

/** rbac.SubjectsStrings: users, groups, service accounts (`namespace/name`) and others (`kind/namespace/name`). */
export function subjectsStrings(subjects: Subject[] | undefined | null): { users: string[]; groups: string[]; serviceAccounts: string[]; others: string[] } {
  const out = { users: [] as string[], groups: [] as string[], serviceAccounts: [] as string[], others: [] as string[] };
  for (const s of subjects ?? []) {
    if (s.kind === "ServiceAccount") out.serviceAccounts.push(`${s.namespace ?? ""}/${s.name ?? ""}`);
    else if (s.kind === "User") out.users.push(s.name ?? "");
    else if (s.kind === "Group") out.groups.push(s.name ?? "");
    else out.others.push(`${s.kind ?? ""}/${s.namespace ?? ""}/${s.name ?? ""}`);
  }
  return out;
}

function bindingPrinter(roleRefDoc: string, noun: string): Printer {
  return {
    columns: [
      nameColumn(),
      column("Role", "string", roleRefDoc),
      ageColumn(),
      column("Users", "string", `Users in the ${noun}`, { priority: 1 }),
      column("Groups", "string", `Groups in the ${noun}`, { priority: 1 }),
      column("ServiceAccounts", "string", `ServiceAccounts in the ${noun}`, { priority: 1 }),
    ],
    cells(b: KObject, now: Date) {
      const s = subjectsStrings(b.subjects);
      return [b.metadata.name, `${b.roleRef?.kind ?? ""}/${b.roleRef?.name ?? ""}`, age(b, now),
        s.users.join(", "), s.groups.join(", "), s.serviceAccounts.join(", ")];
    },
  };
}

export const roleBindingPrinter = bindingPrinter(ROLE_BINDING_ROLE_REF, "roleBinding");
export const clusterRoleBindingPrinter = bindingPrinter(CLUSTER_ROLE_BINDING_ROLE_REF, "clusterRoleBinding");
export const rolePrinter: Printer = defaultPrinter;
export const clusterRolePrinter: Printer = defaultPrinter;

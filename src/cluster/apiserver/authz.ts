// Authorization: a cluster token is cluster-admin; a share-link token is a viewer that may get,
// list and watch (and read logs and events) but not read Secrets, as RBAC's "view" role.
// Forbidden messages use the RBAC authorizer's wording (plugin/pkg/auth/authorizer/rbac).
import type { RequestInfo } from "./request-info";
import type { UserInfo } from "./admission/types";
import { StatusError } from "./status";

export type Role = "admin" | "viewer";

const READ_VERBS = new Set(["get", "list", "watch"]);

export function authorize(role: Role, info: RequestInfo): boolean {
  if (role === "admin") return true;
  if (!info.isResourceRequest) return true;
  if (!READ_VERBS.has(info.verb)) return false;
  if (info.resource === "secrets") return false;
  if (info.subresource && info.subresource !== "log" && info.subresource !== "status" && info.subresource !== "scale") return false;
  return true;
}

/** `pods "nginx" is forbidden: User "x" cannot delete resource "pods" in API group "" in the namespace "default"` */
export function forbiddenFor(user: UserInfo, info: RequestInfo): StatusError {
  const res = info.subresource ? `${info.resource}/${info.subresource}` : info.resource;
  const grRes = info.group ? `${info.resource}.${info.group}` : info.resource;
  const what = info.name ? `${grRes} "${info.name}"` : grRes;
  const where = info.namespace ? `in the namespace "${info.namespace}"` : "at the cluster scope";
  return new StatusError("Forbidden",
    `${what} is forbidden: User "${user.username}" cannot ${info.verb} resource "${res}" in API group "${info.group}" ${where}`,
    { name: info.name, group: info.group || undefined, kind: info.resource });
}

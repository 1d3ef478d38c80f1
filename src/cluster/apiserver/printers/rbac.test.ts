// Unit tests of the RBAC printers: printRoleBinding / printClusterRoleBinding cells and the
// default NAME / CREATED AT table of roles.
import { describe, expect, it } from "vitest";
import { printerFor } from "./index";

const now = new Date("2026-01-01T00:10:00Z");
const created = "2026-01-01T00:00:00Z";

describe("RBAC printers", () => {
  it("prints roles and cluster roles as NAME, CREATED AT (RFC 3339 UTC)", () => {
    for (const res of ["roles", "clusterroles"]) {
      const p = printerFor("rbac.authorization.k8s.io", res);
      expect(p.columns.map((c) => c.name)).toEqual(["Name", "Created At"]);
      expect(p.cells({ metadata: { name: "weave-net", creationTimestamp: created } }, now)).toEqual(["weave-net", "2026-01-01T00:00:00Z"]);
    }
  });

  it("prints bindings as NAME, ROLE, AGE and wide USERS, GROUPS, SERVICEACCOUNTS", () => {
    const p = printerFor("rbac.authorization.k8s.io", "clusterrolebindings");
    expect(p.columns.map((c) => [c.name, c.priority])).toEqual([["Name", 0], ["Role", 0], ["Age", 0], ["Users", 1], ["Groups", 1], ["ServiceAccounts", 1]]);
    expect(p.columns[1].description).toBe("RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.");
    const crb = {
      metadata: { name: "weave-net", creationTimestamp: created },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "weave-net" },
      subjects: [
        { kind: "ServiceAccount", name: "weave-net", namespace: "kube-system" }, { kind: "User", name: "a" }, { kind: "User", name: "b" },
        { kind: "Group", name: "system:nodes" }, { kind: "ServiceAccount", name: "x" },
      ],
    };
    expect(p.cells(crb, now)).toEqual(["weave-net", "ClusterRole/weave-net", "10m", "a, b", "system:nodes", "kube-system/weave-net, /x"]);
    const rb = printerFor("rbac.authorization.k8s.io", "rolebindings");
    expect(rb.columns[3].description).toBe("Users in the roleBinding");
    expect(rb.cells({ metadata: { name: "r", creationTimestamp: created }, roleRef: { kind: "Role", name: "weave-net" } }, now)).toEqual(["r", "Role/weave-net", "10m", "", "", ""]);
  });
});

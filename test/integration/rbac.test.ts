// The RBAC API group through the API server: a fresh cluster's bootstrap policy and kubeadm
// bindings, create/get/list as Table for each kind, upstream validation answers (422 with
// details.causes) and roleRef immutability.
import { describe, expect, it } from "vitest";
import { newCluster, TABLE_ACCEPT } from "./helpers";

const RBAC = "/apis/rbac.authorization.k8s.io/v1";

describe("rbac.authorization.k8s.io/v1", () => {
  it("a fresh cluster holds the bootstrap ClusterRoles and kubeadm's bindings", async () => {
    const c = await newCluster();
    const admin = await (await c.kube("GET", `${RBAC}/clusterroles/cluster-admin`)).json() as any;
    expect(admin.rules).toEqual([{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, { nonResourceURLs: ["*"], verbs: ["*"] }]);
    expect(admin.metadata.labels).toEqual({ "kubernetes.io/bootstrapping": "rbac-defaults" });
    const view = await (await c.kube("GET", `${RBAC}/clusterroles/view`)).json() as any;
    expect(view.aggregationRule).toEqual({ clusterRoleSelectors: [{ matchLabels: { "rbac.authorization.k8s.io/aggregate-to-view": "true" } }] });
    expect(view.rules[0].resources).toContain("pods");
    const editRules = (await (await c.kube("GET", `${RBAC}/clusterroles/edit`)).json() as any).rules;
    const adminRules = (await (await c.kube("GET", `${RBAC}/clusterroles/admin`)).json() as any).rules;
    expect(adminRules.slice(0, editRules.length)).toEqual(editRules);
    expect(adminRules.at(-1)).toEqual({ apiGroups: ["rbac.authorization.k8s.io"], resources: ["rolebindings", "roles"], verbs: ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"] });
    const crbs = await (await c.kube("GET", `${RBAC}/clusterrolebindings`, { accept: TABLE_ACCEPT })).json() as any;
    const names = crbs.rows.map((r: any) => r.cells[0]);
    expect(names).toEqual(expect.arrayContaining(["cluster-admin", "kubeadm:cluster-admins", "kubeadm:get-nodes", "kubeadm:kubelet-bootstrap", "kubeadm:node-proxier", "system:coredns"]));
    const proxier = crbs.rows.find((r: any) => r.cells[0] === "kubeadm:node-proxier");
    expect(proxier.cells.slice(1, 2).concat(proxier.cells.slice(3))).toEqual(["ClusterRole/system:node-proxier", "", "", "kube-system/kube-proxy"]);
    const rbs = await (await c.kube("GET", `${RBAC}/namespaces/kube-system/rolebindings/kubeadm:kubelet-config`)).json() as any;
    expect(rbs.roleRef).toEqual({ apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "kubeadm:kubelet-config" });
  });

  it("creates each kind (201) and prints Tables as upstream", async () => {
    const c = await newCluster();
    const role = await c.kube("POST", `${RBAC}/namespaces/default/roles`, {
      body: { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "pod-reader" }, rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get", "list"] }] },
    });
    expect(role.status).toBe(201);
    const cr = await c.kube("POST", `${RBAC}/clusterroles`, {
      body: { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "health" }, rules: [{ nonResourceURLs: ["/healthz"], verbs: ["get"] }] },
    });
    expect(cr.status).toBe(201);
    const rb = await c.kube("POST", `${RBAC}/namespaces/default/rolebindings`, {
      body: { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: { name: "read-pods" }, roleRef: { kind: "Role", name: "pod-reader" },
        subjects: [{ kind: "User", name: "jane" }, { kind: "Group", name: "devs" }, { kind: "ServiceAccount", name: "default", namespace: "default" }] },
    });
    expect(rb.status).toBe(201);
    const created = await rb.json() as any;
    expect(created.roleRef).toEqual({ apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "pod-reader" });
    expect(created.subjects[0]).toEqual({ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "jane" });
    expect(created.subjects[2]).toEqual({ kind: "ServiceAccount", name: "default", namespace: "default" });
    const crb = await c.kube("POST", `${RBAC}/clusterrolebindings`, {
      body: { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: "health" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "health" }, subjects: [{ kind: "Group", name: "system:authenticated" }] },
    });
    expect(crb.status).toBe(201);

    const roles = await (await c.kube("GET", `${RBAC}/namespaces/default/roles`, { accept: TABLE_ACCEPT })).json() as any;
    expect(roles.columnDefinitions.map((d: any) => d.name)).toEqual(["Name", "Created At"]);
    expect(roles.rows[0].cells[0]).toBe("pod-reader");
    expect(roles.rows[0].cells[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const rbs = await (await c.kube("GET", `${RBAC}/namespaces/default/rolebindings/read-pods`, { accept: TABLE_ACCEPT })).json() as any;
    expect(rbs.columnDefinitions.map((d: any) => [d.name, d.priority])).toEqual([["Name", 0], ["Role", 0], ["Age", 0], ["Users", 1], ["Groups", 1], ["ServiceAccounts", 1]]);
    expect(rbs.rows[0].cells).toEqual(["read-pods", "Role/pod-reader", expect.stringMatching(/^\d+s$/), "jane", "devs", "default/default"]);
    const crbs = await (await c.kube("GET", `${RBAC}/clusterrolebindings/health`, { accept: TABLE_ACCEPT })).json() as any;
    expect(crbs.rows[0].cells.slice(1, 2)).toEqual(["ClusterRole/health"]);
    expect(crbs.columnDefinitions[3].description).toBe("Users in the clusterRoleBinding");
  });

  it("refuses invalid rules and bindings with upstream causes (422)", async () => {
    const c = await newCluster();
    const bad = await c.kube("POST", `${RBAC}/namespaces/default/roles`, {
      body: { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: "bad" }, rules: [{ nonResourceURLs: ["/healthz"], verbs: ["get"] }, { resources: ["pods"] }] },
    });
    expect(bad.status).toBe(422);
    const status = await bad.json() as any;
    expect(status.message).toBe('Role.rbac.authorization.k8s.io "bad" is invalid: [rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs, rules[1].verbs: Required value: verbs must contain at least one value, rules[1].apiGroups: Required value: resource rules must supply at least one api group]');
    expect(status.details.causes[2]).toEqual({ reason: "FieldValueRequired", message: "Required value: resource rules must supply at least one api group", field: "rules[1].apiGroups" });
    const crb = await c.kube("POST", `${RBAC}/clusterrolebindings`, {
      body: { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name: "x" }, roleRef: { kind: "Role", name: "view" }, subjects: [{ kind: "ServiceAccount", name: "default" }, { kind: "Robot", name: "r2" }] },
    });
    expect(crb.status).toBe(422);
    expect((await crb.json() as any).message).toBe('ClusterRoleBinding.rbac.authorization.k8s.io "x" is invalid: [roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole", subjects[0].namespace: Required value, subjects[1].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"]');
  });

  it("keeps roleRef immutable (422 cannot change roleRef) and lets subjects change", async () => {
    const c = await newCluster();
    const body = { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: { name: "b" }, roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" }, subjects: [{ kind: "User", name: "a" }] };
    expect((await c.kube("POST", `${RBAC}/namespaces/default/rolebindings`, { body })).status).toBe(201);
    const change = await c.kube("PATCH", `${RBAC}/namespaces/default/rolebindings/b`, { body: { roleRef: { name: "edit" } }, contentType: "application/merge-patch+json" });
    expect(change.status).toBe(422);
    expect((await change.json() as any).message).toBe('RoleBinding.rbac.authorization.k8s.io "b" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef');
    const subjects = await c.kube("PATCH", `${RBAC}/namespaces/default/rolebindings/b`, { body: { subjects: [{ kind: "Group", name: "g" }] }, contentType: "application/strategic-merge-patch+json" });
    expect(subjects.status).toBe(200);
    expect((await subjects.json() as any).subjects).toEqual([{ kind: "Group", apiGroup: "rbac.authorization.k8s.io", name: "g" }]);
  });
});

// Unit tests of RBAC validation: the field errors and exact messages of pkg/apis/rbac/validation.
import { describe, expect, it } from "vitest";
import { fieldErrorString } from "../field-errors";
import { validateClusterRole, validateClusterRoleBinding, validateRole, validateRoleBinding, validateRoleBindingUpdate } from "./rbac";

const msgs = (errs: ReturnType<typeof validateRole>) => errs.map(fieldErrorString);
const meta = (name: string, namespace?: string) => ({ name, ...(namespace ? { namespace } : {}) });
const ref = (kind: string, name: string) => ({ apiGroup: "rbac.authorization.k8s.io", kind, name });

describe("policy rules", () => {
  it("accepts resource rules and cluster non-resource rules", () => {
    expect(validateRole({ metadata: meta("r", "default"), rules: [{ apiGroups: [""], resources: ["pods"], verbs: ["get"] }] })).toEqual([]);
    expect(validateClusterRole({ metadata: meta("c"), rules: [{ nonResourceURLs: ["/healthz", "/version"], verbs: ["get"] }] })).toEqual([]);
  });

  it("requires verbs, api groups and resources", () => {
    expect(msgs(validateRole({ metadata: meta("r", "default"), rules: [{}] }))).toEqual([
      "rules[0].verbs: Required value: verbs must contain at least one value",
      "rules[0].apiGroups: Required value: resource rules must supply at least one api group",
      "rules[0].resources: Required value: resource rules must supply at least one resource",
    ]);
  });

  it("keeps non-resource URLs to ClusterRoles and apart from resources", () => {
    expect(msgs(validateRole({ metadata: meta("r", "default"), rules: [{ nonResourceURLs: ["/healthz"], verbs: ["get"] }] }))).toEqual([
      'rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs',
    ]);
    expect(msgs(validateClusterRole({ metadata: meta("c"), rules: [{ nonResourceURLs: ["/a", "/b"], resources: ["pods"], verbs: ["get"] }] }))).toEqual([
      'rules[0].nonResourceURLs: Invalid value: []string{"/a", "/b"}: rules cannot apply to both regular resources and non-resource URLs',
    ]);
  });

  it("names need only be path segments; aggregation rules need a selector", () => {
    expect(validateClusterRole({ metadata: meta("system:aggregate-to-view") })).toEqual([]);
    expect(msgs(validateClusterRole({ metadata: meta("a/b") }))).toEqual(['metadata.name: Invalid value: "a/b": may not contain \'/\'']);
    expect(msgs(validateClusterRole({ metadata: meta("agg"), aggregationRule: {} }))).toEqual([
      "aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if aggregationRule is non-nil",
    ]);
  });
});

describe("bindings", () => {
  it("checks roleRef group, kind and name", () => {
    expect(msgs(validateRoleBinding({ metadata: meta("b", "default"), roleRef: { apiGroup: "", kind: "Secret", name: "" } }))).toEqual([
      'roleRef.apiGroup: Unsupported value: "": supported values: "rbac.authorization.k8s.io"',
      'roleRef.kind: Unsupported value: "Secret": supported values: "Role", "ClusterRole"',
      "roleRef.name: Required value",
    ]);
    expect(msgs(validateClusterRoleBinding({ metadata: meta("b"), roleRef: ref("Role", "x") }))).toEqual([
      'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
    ]);
  });

  it("checks subjects by kind", () => {
    const subjects = [
      { kind: "ServiceAccount", name: "Bad_Name", apiGroup: "rbac.authorization.k8s.io" },
      { kind: "User", name: "jane", apiGroup: "" },
      { kind: "Group", name: "" , apiGroup: "rbac.authorization.k8s.io" },
      { kind: "Pod", name: "p" },
    ];
    expect(msgs(validateClusterRoleBinding({ metadata: meta("b"), roleRef: ref("ClusterRole", "view"), subjects }))).toEqual([
      "subjects[0].name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      'subjects[0].apiGroup: Unsupported value: "rbac.authorization.k8s.io": supported values: ""',
      "subjects[0].namespace: Required value",
      'subjects[1].apiGroup: Unsupported value: "": supported values: "rbac.authorization.k8s.io"',
      "subjects[2].name: Required value",
      'subjects[3].kind: Unsupported value: "Pod": supported values: "ServiceAccount", "User", "Group"',
    ]);
    // A RoleBinding's service account subject may leave the namespace to the binding's own.
    expect(validateRoleBinding({ metadata: meta("b", "default"), roleRef: ref("Role", "r"), subjects: [{ kind: "ServiceAccount", name: "default" }] })).toEqual([]);
  });

  it("refuses a changed roleRef on update", () => {
    const old = { metadata: { ...meta("b", "default"), uid: "u" }, roleRef: ref("ClusterRole", "view") };
    expect(validateRoleBindingUpdate({ ...old, subjects: [{ kind: "User", name: "x", apiGroup: "rbac.authorization.k8s.io" }] }, old)).toEqual([]);
    expect(msgs(validateRoleBindingUpdate({ ...old, roleRef: ref("ClusterRole", "edit") }, old))).toEqual([
      'roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef',
    ]);
  });
});

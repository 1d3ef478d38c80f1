// Unit tests of the RBAC describers: the PolicyRule table (breakdown, compaction, String() order,
// resource.group/sub names) and the binding's Role and Subjects blocks, as kubectl v1.32 prints them.
import { describe, expect, it } from "vitest";
import { describeRole, describeRoleBinding } from "./rbac";

describe("kubectl describe role/clusterrole", () => {
  it("prints cluster-admin as upstream", async () => {
    const out = await describeRole({
      metadata: { name: "cluster-admin", labels: { "kubernetes.io/bootstrapping": "rbac-defaults" }, annotations: { "rbac.authorization.kubernetes.io/autoupdate": "true" } },
      rules: [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, { nonResourceURLs: ["*"], verbs: ["*"] }],
    });
    expect(out).toBe([
      "Name:         cluster-admin",
      "Labels:       kubernetes.io/bootstrapping=rbac-defaults",
      "Annotations:  rbac.authorization.kubernetes.io/autoupdate: true",
      "PolicyRule:",
      "  Resources  Non-Resource URLs  Resource Names  Verbs",
      "  ---------  -----------------  --------------  -----",
      "  *.*        []                 []              [*]",
      "             [*]                []              [*]",
      "",
    ].join("\n"));
  });

  it("breaks rules down, merges verbs per resource and sorts by the rule's String()", async () => {
    const out = await describeRole({
      metadata: { name: "weave-net", namespace: "kube-system" },
      rules: [
        { apiGroups: [""], resources: ["configmaps"], resourceNames: ["weave-net"], verbs: ["get", "update"] },
        { apiGroups: [""], resources: ["configmaps"], verbs: ["create"] },
        { apiGroups: ["apps", ""], resources: ["deployments/scale", "pods"], verbs: ["get", "list"] },
        { apiGroups: [""], resources: ["pods"], verbs: ["watch"] },
      ],
    });
    expect(out.split("\n").slice(3)).toEqual([
      "PolicyRule:",
      "  Resources               Non-Resource URLs  Resource Names  Verbs",
      "  ---------               -----------------  --------------  -----",
      "  configmaps              []                 []              [create]",
      "  pods                    []                 []              [get list watch]",
      "  deployments/scale       []                 []              [get list]",
      "  deployments.apps/scale  []                 []              [get list]",
      "  pods.apps               []                 []              [get list]",
      "  configmaps              []                 [weave-net]     [get update]",
      "",
    ]);
  });
});

describe("kubectl describe rolebinding/clusterrolebinding", () => {
  it("prints the role and the subjects table", async () => {
    const out = await describeRoleBinding({
      metadata: { name: "weave-net", namespace: "kube-system", labels: { name: "weave-net" } },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "weave-net" },
      subjects: [{ kind: "ServiceAccount", name: "weave-net", namespace: "kube-system" }, { kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "jane" }],
    });
    expect(out).toBe([
      "Name:         weave-net",
      "Labels:       name=weave-net",
      "Annotations:  <none>",
      "Role:",
      "  Kind:  Role",
      "  Name:  weave-net",
      "Subjects:",
      "  Kind            Name       Namespace",
      "  ----            ----       ---------",
      "  ServiceAccount  weave-net  kube-system",
      "  User            jane       ",
      "",
    ].join("\n"));
  });
});

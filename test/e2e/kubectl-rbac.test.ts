// The RBAC group with the real kubectl v1.32: applying the Weave Net and Flannel manifests the
// study notes apply after kubeadm init (client-side validation against the OpenAPI document,
// protobuf bodies of `kubectl create clusterrolebinding`), get with server-side Tables, and the
// bootstrap ClusterRoles a fresh cluster holds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newCluster, type TestCluster } from "./harness";

let c: TestCluster;
const dir = mkdtempSync(join(tmpdir(), "podlab-e2e-rbac-"));

async function manifest(name: string): Promise<string> {
  const r = await fetch(`${c.url}/manifests/${name}`);
  expect(r.status).toBe(200);
  const file = join(dir, name);
  writeFileSync(file, await r.text());
  return file;
}

beforeAll(async () => { c = await newCluster(); });
afterAll(() => { c?.dispose(); rmSync(dir, { recursive: true, force: true }); });

describe("kubectl and rbac.authorization.k8s.io/v1", () => {
  it("applies the Weave Net manifest (a List, validated against /openapi/v2), then again", async () => {
    const file = await manifest("weave-daemonset-k8s.yaml");
    const first = await c.kubectl(["apply", "-f", file]);
    expect(first.stderr).toBe("");
    expect(first.stdout).toBe([
      "serviceaccount/weave-net created",
      "clusterrole.rbac.authorization.k8s.io/weave-net created",
      "clusterrolebinding.rbac.authorization.k8s.io/weave-net created",
      "role.rbac.authorization.k8s.io/weave-net created",
      "rolebinding.rbac.authorization.k8s.io/weave-net created",
      "daemonset.apps/weave-net created",
      "",
    ].join("\n"));
    // The DaemonSet's weave-init container has `env:` (null) in the manifest: kubectl's three-way
    // patch against the live object (which, as upstream stores it, has no env) always carries
    // `env: null`, so a real cluster answers "configured" for it too; every RBAC object is unchanged.
    const again = await c.kubectl(["apply", "-f", file]);
    expect(again.stdout).toBe([
      "serviceaccount/weave-net unchanged",
      "clusterrole.rbac.authorization.k8s.io/weave-net unchanged",
      "clusterrolebinding.rbac.authorization.k8s.io/weave-net unchanged",
      "role.rbac.authorization.k8s.io/weave-net unchanged",
      "rolebinding.rbac.authorization.k8s.io/weave-net unchanged",
      "daemonset.apps/weave-net configured",
      "",
    ].join("\n"));
  });

  it("validates a List's items client-side against the v2 definitions", async () => {
    const file = join(dir, "bad-list.yaml");
    writeFileSync(file, [
      "apiVersion: v1", "kind: List", "items:", "- apiVersion: rbac.authorization.k8s.io/v1", "  kind: ClusterRole",
      "  metadata: {name: bad}", "  rules:", "  - resourcez: [pods]", "    verbs: [get]", "",
    ].join("\n"));
    const r = await c.kubectl(["apply", "-f", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: error validating "${file}": error validating data: ValidationError(ClusterRole.rules[0]): unknown field "resourcez" in io.k8s.api.rbac.v1.PolicyRule; if you choose to ignore these errors, turn validation off with --validate=false\n`);
  });

  it("gets roles and bindings as server-side Tables", async () => {
    const cr = await c.kubectl(["get", "clusterrole", "weave-net"]);
    expect(cr.stdout).toMatch(/^NAME\s+CREATED AT\nweave-net\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$/);
    const rb = await c.kubectl(["get", "rolebinding", "-n", "kube-system", "weave-net", "-o", "wide"]);
    expect(rb.stdout).toMatch(/^NAME\s+ROLE\s+AGE\s+USERS\s+GROUPS\s+SERVICEACCOUNTS\nweave-net\s+Role\/weave-net\s+\d+s\s+kube-system\/weave-net\n$/);
    const admin = await c.kubectl(["get", "clusterrole", "cluster-admin", "-o", "jsonpath={.rules}"]);
    expect(JSON.parse(admin.stdout)).toEqual([{ apiGroups: ["*"], resources: ["*"], verbs: ["*"] }, { nonResourceURLs: ["*"], verbs: ["*"] }]);
    const resources = await c.kubectl(["api-resources", "--api-group=rbac.authorization.k8s.io"]);
    expect(resources.stdout.split("\n").map((l) => l.split(/\s+/).join(" "))).toEqual([
      "NAME SHORTNAMES APIVERSION NAMESPACED KIND",
      "clusterrolebindings rbac.authorization.k8s.io/v1 false ClusterRoleBinding",
      "clusterroles rbac.authorization.k8s.io/v1 false ClusterRole",
      "rolebindings rbac.authorization.k8s.io/v1 true RoleBinding",
      "roles rbac.authorization.k8s.io/v1 true Role",
      "",
    ]);
  });

  it("creates bindings and roles with the generators (protobuf bodies)", async () => {
    const crb = await c.kubectl(["create", "clusterrolebinding", "demo", "--clusterrole=view", "--serviceaccount=default:default"]);
    expect(crb).toMatchObject({ stdout: "clusterrolebinding.rbac.authorization.k8s.io/demo created\n", code: 0 });
    const stored = await c.kubectl(["get", "clusterrolebinding", "demo", "-o", "jsonpath={.roleRef.kind}/{.roleRef.name} {.subjects[0].kind} {.subjects[0].namespace}/{.subjects[0].name}"]);
    expect(stored.stdout).toBe("ClusterRole/view ServiceAccount default/default");
    const role = await c.kubectl(["create", "role", "pod-reader", "--verb=get,list", "--resource=pods"]);
    expect(role.stdout).toBe("role.rbac.authorization.k8s.io/pod-reader created\n");
    const rb = await c.kubectl(["create", "rolebinding", "read-pods", "--role=pod-reader", "--user=jane"]);
    expect(rb.stdout).toBe("rolebinding.rbac.authorization.k8s.io/read-pods created\n");
    const cr = await c.kubectl(["create", "clusterrole", "health", "--verb=get", "--non-resource-url=/healthz"]);
    expect(cr.stdout).toBe("clusterrole.rbac.authorization.k8s.io/health created\n");
    const bad = await c.kubectl(["patch", "rolebinding", "read-pods", "--type=merge", "-p", '{"roleRef":{"name":"other"}}']);
    expect(bad.stderr).toBe('The RoleBinding "read-pods" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"Role", Name:"other"}: cannot change roleRef\n');
  });

  it("explains clusterrole.rules from the OpenAPI document", async () => {
    const ex = await c.kubectl(["explain", "clusterrole.rules"]);
    expect(ex.stdout).toMatch(/^GROUP:\s+rbac\.authorization\.k8s\.io\nKIND:\s+ClusterRole\nVERSION:\s+v1\n\nFIELD: rules <\[\]PolicyRule>\n/);
    expect(ex.stdout).toMatch(/\n  verbs\t<\[\]string> -required-\n/);
  });

  it("applies the Flannel manifest", async () => {
    const file = await manifest("kube-flannel.yml");
    const r = await c.kubectl(["apply", "-f", file]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe([
      "namespace/kube-flannel created",
      "clusterrole.rbac.authorization.k8s.io/flannel created",
      "clusterrolebinding.rbac.authorization.k8s.io/flannel created",
      "serviceaccount/flannel created",
      "configmap/kube-flannel-cfg created",
      "daemonset.apps/kube-flannel-ds created",
      "",
    ].join("\n"));
  });

  it("applies the Calico manifest: custom resource definitions are created and become Established", async () => {
    const file = await manifest("calico.yaml");
    const r = await c.kubectl(["apply", "-f", file]);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trim().split("\n");
    expect(lines.every((l) => l.endsWith(" created"))).toBe(true);
    expect(lines).toContain("customresourcedefinition.apiextensions.k8s.io/ippools.crd.projectcalico.org created");
    expect(lines).toContain("daemonset.apps/calico-node created");
    const wait = await c.kubectl(["wait", "--for=condition=Established", "crd/ippools.crd.projectcalico.org", "--timeout=30s"]);
    expect(wait.stdout).toBe("customresourcedefinition.apiextensions.k8s.io/ippools.crd.projectcalico.org condition met\n");
    const crds = await c.kubectl(["get", "crd", "ippools.crd.projectcalico.org"]);
    expect(crds.stdout).toMatch(/^NAME {28}CREATED AT\nippools\.crd\.projectcalico\.org {3}\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$/);
    const again = await c.kubectl(["apply", "-f", file]);
    expect(again.stdout).toContain("customresourcedefinition.apiextensions.k8s.io/ippools.crd.projectcalico.org unchanged");
  });
});

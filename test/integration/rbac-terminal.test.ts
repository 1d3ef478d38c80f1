// The web terminal's kubectl with the RBAC group: create role/clusterrole/rolebinding/
// clusterrolebinding (flags, client-side checks, dry-run YAML) and describe, as kubectl v1.32 prints them.
import { describe, expect, it } from "vitest";
import { newTerm } from "./terminal-kubectl-helpers";

describe("terminal kubectl and RBAC", () => {
  it("creates roles and bindings with the generators and describes them", async () => {
    const t = await newTerm();
    const role = await t.run("kubectl create role pod-reader --verb=get,list --verb=get --resource=pods,deployments.apps/scale --resource-name=web");
    expect(role).toMatchObject({ stdout: "role.rbac.authorization.k8s.io/pod-reader created\n", status: 0 });
    const stored = await (await t.cluster.kube("GET", "/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles/pod-reader")).json() as any;
    expect(stored.rules).toEqual([
      { verbs: ["get", "list"], apiGroups: [""], resources: ["pods"], resourceNames: ["web"] },
      { verbs: ["get", "list"], apiGroups: ["apps"], resources: ["deployments/scale"], resourceNames: ["web"] },
    ]);
    expect((await t.run("kubectl create clusterrole health --verb=get --non-resource-url=/healthz,/livez")).stdout).toBe("clusterrole.rbac.authorization.k8s.io/health created\n");
    expect((await t.run("kubectl create rolebinding read-pods --role=pod-reader --user=jane --group=devs --serviceaccount=default:default")).stdout)
      .toBe("rolebinding.rbac.authorization.k8s.io/read-pods created\n");
    expect((await t.run("kubectl create clusterrolebinding demo --clusterrole=view --serviceaccount=default:default")).stdout)
      .toBe("clusterrolebinding.rbac.authorization.k8s.io/demo created\n");

    const d = await t.run("kubectl describe rolebinding read-pods");
    expect(d.stdout).toBe([
      "Name:         read-pods", "Labels:       <none>", "Annotations:  <none>", "Role:", "  Kind:  Role", "  Name:  pod-reader", "Subjects:",
      "  Kind            Name     Namespace", "  ----            ----     ---------", "  User            jane     ", "  Group           devs     ",
      "  ServiceAccount  default  default", "",
    ].join("\n"));
    const cr = await t.run("kubectl describe clusterrole health");
    expect(cr.stdout.split("\n").slice(3)).toEqual([
      "PolicyRule:", "  Resources  Non-Resource URLs  Resource Names  Verbs", "  ---------  -----------------  --------------  -----",
      "             [/healthz]         []              [get]", "             [/livez]           []              [get]", "",
    ]);
    const ca = await t.run("kubectl describe clusterrole cluster-admin");
    expect(ca.stdout).toContain("  *.*        []                 []              [*]\n");
  });

  it("checks the generator options as kubectl does", async () => {
    const t = await newTerm();
    expect(await t.run("kubectl create role r --resource=pods")).toMatchObject({ stderr: "error: at least one verb must be specified\n", status: 1 });
    expect((await t.run("kubectl create role r --verb=get --resource=widgets")).stderr).toBe('error: the server doesn\'t have a resource type "widgets"\n');
    expect((await t.run("kubectl create role r --verb=bind --resource=pods")).stderr).toBe("error: can not perform 'bind' on 'pods' in group ''\n");
    expect((await t.run("kubectl create clusterrole c --verb=list --non-resource-url=/healthz")).stderr).toBe("error: invalid verb: 'list' for nonResourceURL\n");
    expect((await t.run("kubectl create rolebinding b --role=r --clusterrole=c")).stderr).toBe("error: exactly one of clusterrole or role must be specified\n");
    expect((await t.run("kubectl create clusterrolebinding b --clusterrole=view --serviceaccount=default")).stderr).toBe("error: serviceaccount must be <namespace>:<name>\n");
    const w = await t.run("kubectl create role r --verb=fly --resource=pods --dry-run=client -o yaml");
    expect(w.stderr).toBe("Warning: 'fly' is not a standard resource verb\n");
    expect(w.stdout).toBe([
      "apiVersion: rbac.authorization.k8s.io/v1", "kind: Role", "metadata:", "  creationTimestamp: null", "  name: r", "rules:", "- apiGroups:", "  - \"\"",
      "  resources:", "  - pods", "  verbs:", "  - fly", "",
    ].join("\n"));
  });
});

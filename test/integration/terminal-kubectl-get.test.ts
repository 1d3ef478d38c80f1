// The terminal's kubectl through the shell against a fresh cluster: output compared with what
// kubectl v1.32 prints for the same state (ages masked).
import { describe, expect, it } from "vitest";
import { newTerm } from "./terminal-kubectl-helpers";

describe("terminal kubectl get", () => {
  it("lists namespaces as a table with kubectl's padding", async () => {
    const t = await newTerm();
    const r = await t.run("kubectl get ns");
    // AGE is the last column: its width moves nothing, so any age length will do ("2m" or "2m1s").
    expect(r.stdout.replace(/\b(\d+[smhdy])+$/gm, "##")).toBe(
      "NAME              STATUS   AGE\n" +
      "default           Active   ##\n" +
      "kube-node-lease   Active   ##\n" +
      "kube-public       Active   ##\n" +
      "kube-system       Active   ##\n");
    expect(r.status).toBe(0);
  });

  it("words errors as kubectl does", async () => {
    const t = await newTerm();
    expect(await t.run("kubectl get po nope")).toMatchObject({ stderr: 'Error from server (NotFound): pods "nope" not found\n', status: 1 });
    expect(await t.run("kubectl get foo")).toMatchObject({ stderr: 'error: the server doesn\'t have a resource type "foo"\n', status: 1 });
    expect(await t.run("kubectl get po --foo")).toMatchObject({ stderr: "Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n", status: 1 });
    expect(await t.run("kubectl get po")).toMatchObject({ stdout: "", stderr: "No resources found in default namespace.\n", status: 0 });
    expect(await t.run("kubectl frobnicate")).toMatchObject({ stderr: 'Error: unknown command "frobnicate" for "kubectl"\n', status: 1 });
  });

  it("prints run --dry-run=client -o yaml exactly", async () => {
    const t = await newTerm();
    const r = await t.run("kubectl run nginx --image=nginx --restart=Never --dry-run=client -o yaml");
    expect(r.stdout).toBe(`apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Never
status: {}
`);
  });

  it("creates, lists through pipes, labels and deletes", async () => {
    const t = await newTerm();
    expect((await t.run("kubectl run nginx --image=nginx --restart=Never")).stdout).toBe("pod/nginx created\n");
    expect((await t.run("kubectl get po -o name | grep nginx")).stdout).toBe("pod/nginx\n");
    const wide = await t.run("kubectl get po -o wide");
    expect(wide.stdout.split("\n")[0]).toMatch(/^NAME    READY   STATUS +RESTARTS   AGE   IP +NODE +NOMINATED NODE   READINESS GATES$/);
    expect((await t.run("kubectl get po nginx -o jsonpath='{.metadata.labels.run}'")).stdout).toBe("nginx");
    expect((await t.run("kubectl label po nginx tier=web")).stdout).toBe("pod/nginx labeled\n");
    expect(await t.run("kubectl label po nginx tier=db")).toMatchObject({ stderr: "error: 'tier' already has a value (web), and --overwrite is false\n", status: 1 });
    expect((await t.run("kubectl get po -L tier --no-headers | awk '{print $1, $6}'")).stdout).toBe("nginx web\n");
    expect((await t.run("kubectl get po --show-labels -o custom-columns=NAME:.metadata.name,TIER:.metadata.labels.tier")).stdout).toBe("NAME    TIER\nnginx   web\n");
    const del = await t.run("kubectl delete pod nginx --grace-period=0 --force");
    expect(del.stderr).toBe("Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n");
    expect(del.stdout).toBe('pod "nginx" force deleted\n');
  });

  it("creates namespaces, deployments and config, and applies manifests from a heredoc", async () => {
    const t = await newTerm();
    expect((await t.run("kubectl create ns scaler")).stdout).toBe("namespace/scaler created\n");
    expect((await t.run("kubectl create deployment web --image=nginx -n scaler")).stdout).toBe("deployment.apps/web created\n");
    expect((await t.run("kubectl create configmap cfg --from-literal=a=b")).stdout).toBe("configmap/cfg created\n");
    expect((await t.run("kubectl get cm cfg -o jsonpath='{.data.a}'")).stdout).toBe("b");
    const manifest = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx\n";
    expect((await t.run(`cat <<EOF | kubectl apply -f -\n${manifest}EOF`)).stdout).toBe("pod/web created\n");
    expect((await t.run(`cat <<EOF | kubectl apply -f -\n${manifest}EOF`)).stdout).toBe("pod/web unchanged\n");
    expect((await t.run(`cat <<EOF | kubectl apply -f -\n${manifest.replace("image: nginx", "image: nginx:1.27")}EOF`)).stdout).toBe("pod/web configured\n");
    expect((await t.run("kubectl get po web -o jsonpath='{.spec.containers[0].image}'")).stdout).toBe("nginx:1.27");
    expect((await t.run("kubectl get deploy,cm -n scaler --no-headers -o name")).stdout).toBe("deployment.apps/web\nconfigmap/kube-root-ca.crt\n");
  });

  it("reports versions and the context", async () => {
    const t = await newTerm();
    expect((await t.run("kubectl version")).stdout).toBe("Client Version: v1.32.4\nKustomize Version: v5.5.0\nServer Version: v1.32.4\n");
    expect((await t.run("kubectl config current-context")).stdout).toBe("podlab\n");
    expect((await t.run("kubectl config set-context --current --namespace=kube-system")).stdout).toBe('Context "podlab" modified.\n');
    expect(t.env.namespace).toBe("kube-system");
    expect(await t.run("kubectl describe po x")).toMatchObject({ stderr: 'Error from server (NotFound): pods "x" not found\n', status: 1 });
  });
});

// The terminal's kubectl for describe/explain/events, patch, set image, rollout, expose, wait,
// exec, replace, top and edit, against a fresh cluster: what kubectl v1.32 prints for the same
// state (ages masked), errors and exit codes included.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { newTerm, type Term } from "./terminal-kubectl-helpers";

/** Pauses the cluster's virtual clock and steps it forward (the pod lifecycle needs virtual time). */
async function step(t: Term, ms: number): Promise<void> {
  const ns = (env as unknown as { CLUSTER: DurableObjectNamespace }).CLUSTER;
  const stub = ns.get(ns.idFromName(t.cluster.id)) as unknown as { clockControl(a: { action: string; ms?: number }): Promise<unknown> };
  await stub.clockControl({ action: "pause" });
  await stub.clockControl({ action: "step", ms });
}

async function until(t: Term, script: string, ok: (out: string) => boolean, ms = 60_000): Promise<string> {
  const end = Date.now() + ms;
  for (;;) {
    const r = await t.run(script);
    if (ok(r.stdout)) return r.stdout;
    if (Date.now() > end) throw new Error(`gave up waiting on ${script}: ${r.stdout}${r.stderr}`);
    await new Promise((res) => setTimeout(res, 300));
  }
}

describe("terminal kubectl describe, explain and events", () => {
  it("describes a namespace, a pod by name prefix, and words a missing one as kubectl does", async () => {
    const t = await newTerm();
    expect(await t.run("kubectl describe ns default")).toMatchObject({
      stdout: "Name:         default\nLabels:       kubernetes.io/metadata.name=default\nAnnotations:  <none>\nStatus:       Active\n",
      status: 0,
    });
    expect(await t.run("kubectl describe ns")).toMatchObject({ status: 0 });
    expect((await t.run("kubectl describe ns")).stdout.split("\n\n\nName:").length).toBe(4);
    expect(await t.run("kubectl describe pod nope")).toMatchObject({ stderr: 'Error from server (NotFound): pods "nope" not found\n', status: 1 });
    expect(await t.run("kubectl describe")).toMatchObject({ stderr: 'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n', status: 1 });
    await t.run("kubectl run nginx --image=nginx --restart=Never");
    const d = await t.run("kubectl describe pod ngi --show-events=false");
    expect(d.stdout).toMatch(/^Name:             nginx\nNamespace:        default\n/);
    expect(d.stdout).not.toMatch(/\nEvents:/);
    expect((await t.run("kubectl describe po -l run=nginx")).stdout).toMatch(/^Name:             nginx\n/);
  });

  it("explains fields and reports unknown ones after the header", async () => {
    const t = await newTerm();
    expect((await t.run("kubectl explain pods")).stdout).toMatch(/^KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n/);
    expect(await t.run("kubectl explain pods.spec.nope")).toMatchObject({ stdout: "KIND:       Pod\nVERSION:    v1\n\n", stderr: 'error: field "nope" does not exist\n', status: 1 });
    expect(await t.run("kubectl explain foo")).toMatchObject({ stderr: 'error: the server doesn\'t have a resource type "foo"\n', status: 1 });
    expect((await t.run("kubectl explain deploy.spec --recursive")).stdout).toMatch(/^GROUP:      apps\nKIND:       Deployment\n/);
  });

  it("lists events, filtered by object and type", async () => {
    const t = await newTerm();
    expect(await t.run("kubectl events -n kube-public")).toMatchObject({ stdout: "", stderr: "No events found in kube-public namespace.\n", status: 0 });
    expect(await t.run("kubectl events --types=Bad")).toMatchObject({ stderr: "error: valid --types are Normal or Warning\n", status: 1 });
    expect(await t.run("kubectl events --for nginx")).toMatchObject({ stderr: "error: --for must be in resource/name form\n", status: 1 });
    await t.run("kubectl run nginx --image=nginx --restart=Never");
    const out = await until(t, "kubectl events --for pod/nginx", (s) => s.includes("Scheduled"));
    expect(out.split("\n")[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(out).toMatch(/Normal\s+Scheduled\s+Pod\/nginx\s+Successfully assigned default\/nginx to /);
  });
});

describe("terminal kubectl workload commands", () => {
  it("patches, sets images, keeps rollout history, undoes and restarts", async () => {
    const t = await newTerm();
    expect((await t.run("kubectl create deployment web --image=nginx")).stdout).toBe("deployment.apps/web created\n");
    expect((await t.run(`kubectl patch deploy web -p '{"metadata":{"labels":{"tier":"web"}}}'`)).stdout).toBe("deployment.apps/web patched\n");
    expect((await t.run(`kubectl patch deploy web --type=merge -p '{"metadata":{"labels":{"tier":"web"}}}'`)).stdout).toBe("deployment.apps/web patched (no change)\n");
    expect(await t.run(`kubectl patch deploy web --type=foo -p '{}'`)).toMatchObject({ stderr: 'error: --type must be one of [json merge strategic], not "foo"\n', status: 1 });
    expect(await t.run("kubectl patch deploy web")).toMatchObject({ stderr: "error: must specify --patch or --patch-file containing the contents of the patch\n", status: 1 });
    expect((await t.run(`kubectl patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":2}]'`)).stdout).toBe("deployment.apps/web patched\n");
    expect((await t.run("kubectl get deploy web -o jsonpath='{.spec.replicas}'")).stdout).toBe("2");
    await until(t, "kubectl rollout history deploy/web", (s) => s.includes("\n1 "));
    expect((await t.run("kubectl set image deploy/web nginx=nginx:1.27")).stdout).toBe("deployment.apps/web image updated\n");
    expect(await t.run("kubectl set image deploy/web nginx=nginx:1.27")).toMatchObject({ stdout: "", stderr: "", status: 0 });
    expect(await t.run("kubectl set image deploy/web nope=nginx")).toMatchObject({ stderr: 'error: unable to find container named "nope"\n', status: 1 });
    const hist = await until(t, "kubectl rollout history deployment web", (s) => s.includes("\n2 "));
    expect(hist).toBe("deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n");
    expect((await t.run("kubectl rollout history deploy/web --revision=1")).stdout).toMatch(/^deployment\.apps\/web with revision #1\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=/);
    expect(await t.run("kubectl rollout history deploy/web --revision=9")).toMatchObject({ stderr: "error: unable to find the specified revision\n", status: 1 });
    expect((await t.run("kubectl rollout undo deploy/web")).stdout).toBe("deployment.apps/web rolled back\n");
    expect((await t.run("kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].image}'")).stdout).toBe("nginx");
    expect(await t.run("kubectl rollout undo deploy/web --to-revision=7")).toMatchObject({ stderr: "error: unable to find specified revision 7 in history\n", status: 1 });
    expect((await t.run("kubectl rollout restart deploy/web")).stdout).toBe("deployment.apps/web restarted\n");
    expect((await t.run("kubectl get deploy web -o jsonpath='{.spec.template.metadata.annotations}'")).stdout).toMatch(/kubectl.kubernetes.io\/restartedAt/);
    expect((await t.run("kubectl rollout pause deploy/web")).stdout).toBe("deployment.apps/web paused\n");
    expect(await t.run("kubectl rollout restart deploy/web")).toMatchObject({ stderr: `error: deployments.apps "web" can't restart paused deployment (run rollout resume first)\n`, status: 1 });
    expect((await t.run("kubectl rollout resume deploy/web")).stdout).toBe("deployment.apps/web resumed\n");
    expect(await t.run("kubectl rollout status po/x")).toMatchObject({ stderr: 'Error from server (NotFound): pods "x" not found\n', status: 1 });
    expect(await t.run("kubectl rollout frob deploy/web")).toMatchObject({ stderr: 'error: unknown command "frob" for "kubectl rollout"\n', status: 1 });
  });

  it("exposes deployments and pods as Services", async () => {
    const t = await newTerm();
    await t.run("kubectl create deployment web --image=nginx --port=80");
    expect((await t.run("kubectl expose deployment web --port=8080 --target-port=80 --type=NodePort")).stdout).toBe("service/web exposed\n");
    expect((await t.run("kubectl get svc web -o jsonpath='{.spec.type} {.spec.selector.app} {.spec.ports[0].port} {.spec.ports[0].targetPort}'")).stdout).toBe("NodePort web 8080 80");
    await t.run("kubectl run solo --image=nginx --restart=Never --port=8000");
    expect((await t.run("kubectl expose pod solo --name=solo-svc")).stdout).toBe("service/solo-svc exposed\n");
    expect((await t.run("kubectl get svc solo-svc -o jsonpath='{.spec.ports[0].port}/{.spec.ports[0].protocol} {.spec.selector.run}'")).stdout).toBe("8000/TCP solo");
    expect(await t.run("kubectl create cm c && kubectl expose cm c --port=80")).toMatchObject({ stderr: "error: cannot expose a ConfigMap\n", status: 1 });
    const dry = await t.run("kubectl expose deploy web --name=x --port=81 --dry-run=client -o yaml");
    expect(dry.stdout).toBe("apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: x\nspec:\n  ports:\n  - port: 81\n    protocol: TCP\n    targetPort: 81\n  selector:\n    app: web\nstatus:\n  loadBalancer: {}\n");
  });

  it("waits for conditions, execs into containers and replaces objects", async () => {
    const t = await newTerm();
    await t.run("kubectl run bb --image=busybox --restart=Never -- sleep 3600");
    await step(t, 30_000);
    const ready = await t.run("kubectl wait --for=condition=Ready pod/bb --timeout=90s");

    expect(ready.stderr).toBe("");
    expect(ready).toMatchObject({ stdout: "pod/bb condition met\n", status: 0 });
    expect((await t.run("kubectl wait --for=jsonpath='{.status.phase}'=Running pod/bb")).stdout).toBe("pod/bb condition met\n");
    expect(await t.run("kubectl wait --for=condition=Nope pod/bb --timeout=1s")).toMatchObject({ stderr: "error: timed out waiting for the condition on pods/bb\n", status: 1 });
    expect(await t.run("kubectl wait --for=bogus pod/bb")).toMatchObject({ stderr: 'error: unrecognized condition: "bogus"\n', status: 1 });
    expect(await t.run("kubectl exec bb -- echo hello")).toMatchObject({ stdout: "hello\n", stderr: "", status: 0 });
    expect(await t.run("kubectl exec bb -- sh -c 'echo oops >&2; exit 3'")).toMatchObject({ stderr: "oops\ncommand terminated with exit code 3\n", status: 3 });
    expect(await t.run("kubectl exec bb echo hi")).toMatchObject({ stderr: "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n", status: 1 });
    expect(await t.run("kubectl exec bb")).toMatchObject({ stderr: "error: you must specify at least one command for the container\n", status: 1 });
    expect(await t.run("kubectl exec nope -- ls")).toMatchObject({ stderr: 'Error from server (NotFound): pods "nope" not found\n', status: 1 });
    expect(await t.run("kubectl delete pod bb --force --grace-period=0 >/dev/null 2>&1; kubectl wait --for=delete pod/bb --timeout=10s")).toMatchObject({ status: 0 });
    const cm = (data: string) => `cat <<EOF | kubectl replace -f -\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "${data}"\nEOF`;
    await t.run("kubectl create configmap cfg --from-literal=a=1");
    expect((await t.run(cm("2"))).stdout).toBe("configmap/cfg replaced\n");
    expect((await t.run("kubectl get cm cfg -o jsonpath='{.data.a}'")).stdout).toBe("2");
    expect(await t.run(cm("3").replace("name: cfg", "name: other"))).toMatchObject({ stderr: 'Error from server (NotFound): error when replacing "STDIN": configmaps "other" not found\n', status: 1 });
  }, 120_000);

  it("answers top without a Metrics API and edit without an editor as errors", async () => {
    const t = await newTerm();
    expect(await t.run("kubectl top pod")).toMatchObject({ stdout: "", stderr: "error: Metrics API not available\n", status: 1 });
    expect(await t.run("kubectl top node")).toMatchObject({ stderr: "error: Metrics API not available\n", status: 1 });
    await t.run("kubectl create ns e");
    expect((await t.run("kubectl edit ns e")).status).toBe(1);
  });
});

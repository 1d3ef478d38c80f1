// kubectl debug in the web terminal: the ephemeral debug container added to a running pod (the
// "Defaulting debug container name" and "Targeting container" lines, the legacy-profile notice),
// the kubelet running it, and kubectl describe pod's "Ephemeral Containers:" section; copies and
// node debugging pods; errors worded as kubectl v1.32 words them.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { newTerm, type Term } from "./terminal-kubectl-helpers";

async function step(t: Term, ms: number): Promise<void> {
  const ns = (env as unknown as { CLUSTER: DurableObjectNamespace }).CLUSTER;
  const stub = ns.get(ns.idFromName(t.cluster.id)) as unknown as { clockControl(a: { action: string; ms?: number }): Promise<unknown> };
  await stub.clockControl({ action: "pause" });
  await stub.clockControl({ action: "step", ms });
}

const LEGACY = '--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example "--profile=general".\n';

async function runningPod(t: Term): Promise<void> {
  const pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "mypod" }, spec: { containers: [{ name: "c", image: "nginx" }] } };
  expect((await t.cluster.kube("POST", "/api/v1/namespaces/default/pods", { body: pod })).status).toBe(201);
  await step(t, 20_000);
}

describe("terminal kubectl debug", () => {
  it("adds an ephemeral container with --target; describe shows the Ephemeral Containers section", async () => {
    const t = await newTerm();
    await runningPod(t);
    const r = await t.run("kubectl debug mypod --image=busybox --target=c");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(LEGACY);
    const m = r.stdout.match(/^Targeting container "c"\. If you don't see processes from this container it may be because the container runtime doesn't support this feature\.\nDefaulting debug container name to (debugger-[bcdfghjklmnpqrstvwxz2456789]{5})\.\n$/);
    expect(m).not.toBeNull();
    const name = m![1]!;
    const spec = JSON.parse((await t.run("kubectl get pod mypod -o jsonpath='{.spec.ephemeralContainers[0]}'")).stdout);
    expect(spec).toMatchObject({ name, image: "busybox", targetContainerName: "c", terminationMessagePolicy: "File" });
    expect(spec.stdin).toBeUndefined();
    await step(t, 15_000);
    // busybox's sh without stdin exits at once: the debugger is Terminated (Completed) and not restarted.
    const d = (await t.run("kubectl describe pod mypod")).stdout;
    const section = d.slice(d.indexOf("Ephemeral Containers:"), d.indexOf("Conditions:"));
    expect(section).toMatch(new RegExp(`^Ephemeral Containers:\\n  ${name}:\\n    Container ID:   containerd://[0-9a-f]{64}\\n    Image:          busybox\\n    Image ID:       docker\\.io/library/busybox@sha256:[0-9a-f]{64}\\n    Port:           <none>\\n    Host Port:      <none>\\n    State:          Terminated\\n      Reason:       Completed\\n      Exit Code:    0\\n      Started:      .+\\n      Finished:     .+\\n    Ready:          False\\n    Restart Count:  0\\n    Environment:    <none>\\n    Mounts:         <none>\\n$`));
    expect(d.indexOf("Containers:\n  c:")).toBeLessThan(d.indexOf("Ephemeral Containers:"));
    expect(d).toMatch(new RegExp(`Normal  Started    \\S+\\s+kubelet            Started container ${name}\\n`));
  });

  it("-c names the container; a command keeps it Running; logs -c reads it", async () => {
    const t = await newTerm();
    await runningPod(t);
    const r = await t.run("kubectl debug mypod --image=busybox -c dbg -- sh -c 'echo debugging; sleep 3600'");
    expect(r).toMatchObject({ stdout: "", stderr: LEGACY, status: 0 });
    await step(t, 15_000);
    expect((await t.run("kubectl get pod mypod -o jsonpath='{.status.ephemeralContainerStatuses[0].state}'")).stdout).toMatch(/^\{"running":\{"startedAt":"[^"]+"\}\}$/);
    expect((await t.run("kubectl logs mypod -c dbg")).stdout).toBe("debugging\n");
    expect((await t.run("kubectl exec mypod -c dbg -- hostname")).stdout).toBe("mypod\n");
  });

  it("copies a pod with a debug container, and debugs a node with a host-namespace pod", async () => {
    const t = await newTerm();
    await runningPod(t);
    const copy = await t.run("kubectl debug mypod --image=busybox --copy-to=mypod-debug --share-processes -- sleep 1d");
    expect(copy.status).toBe(0);
    expect(copy.stdout).toMatch(/^Defaulting debug container name to debugger-[a-z0-9]{5}\.\n$/);
    const spec = JSON.parse((await t.run("kubectl get pod mypod-debug -o jsonpath='{.spec}'")).stdout);
    expect(spec.shareProcessNamespace).toBe(true);
    expect(spec.containers.map((c: any) => c.name)).toEqual(["c", expect.stringMatching(/^debugger-/)]);
    expect(spec.containers[1].command).toEqual(["sleep", "1d"]);
    const node = await t.run("kubectl debug node/node01 --image=busybox -- sleep 1d");
    const m = node.stdout.match(/^Creating debugging pod (node-debugger-node01-[a-z0-9]{5}) with container debugger on node node01\.\n$/);
    expect(m).not.toBeNull();
    const np = JSON.parse((await t.run(`kubectl get pod ${m![1]} -o jsonpath='{.spec}'`)).stdout);
    expect(np).toMatchObject({ hostIPC: true, hostNetwork: true, hostPID: true, nodeName: "node01", restartPolicy: "Never", tolerations: [{ operator: "Exists" }] });
    expect(np.volumes).toContainEqual({ hostPath: { path: "/", type: "" }, name: "host-root" });
    expect(np.containers[0].volumeMounts).toContainEqual({ mountPath: "/host", name: "host-root" });
  });

  it("words errors as kubectl does", async () => {
    const t = await newTerm();
    expect(await t.run("kubectl debug nope --image=busybox")).toMatchObject({ stderr: `${LEGACY}Error from server (NotFound): pods "nope" not found\n`, status: 1 });
    expect(await t.run("kubectl debug nope")).toMatchObject({ stderr: "error: you must specify --image when not using --copy-to.\n", status: 1 });
    expect(await t.run("kubectl debug nope --image=busybox -t")).toMatchObject({ stderr: "error: -i/--stdin is required for containers with -t/--tty=true\n", status: 1 });
    expect(await t.run("kubectl debug --image=busybox")).toMatchObject({ stderr: "error: NAME or filename is required for debug\n", status: 1 });
    expect((await t.run("kubectl debug nope --image=busybox --bogus")).stderr).toBe("Error: unknown flag: --bogus\nSee 'kubectl debug --help' for usage.\n");
    expect(await t.run("kubectl debug node/nowhere --image=busybox")).toMatchObject({ stderr: `${LEGACY}Error from server (NotFound): nodes "nowhere" not found\n`, status: 1 });
  });
});

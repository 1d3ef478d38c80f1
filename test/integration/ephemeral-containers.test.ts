// Ephemeral containers end to end on the simulated kubelet: the pods/ephemeralcontainers
// subresource patched as kubectl debug does (strategic merge patch with $setElementOrder), then the
// kubelet pulls, creates and starts the debug container (events with fieldPath
// spec.ephemeralContainers{name}), reports it in status.ephemeralContainerStatuses, never restarts
// it, and serves its logs and exec.
import { describe, expect, it } from "vitest";
import { getPod, lifecycleCluster, openChannelStream, podOn } from "./lifecycle-helpers";

const SMP = "application/strategic-merge-patch+json";

/** The patch kubectl v1.32 debug sends (CreateTwoWayMergePatch of the pod and its copy with the container). */
function debugPatch(name: string, extra: Record<string, unknown> = {}) {
  return {
    spec: {
      "$setElementOrder/ephemeralContainers": [{ name }],
      ephemeralContainers: [{ image: "busybox", name, resources: {}, terminationMessagePolicy: "File", ...extra }],
    },
  };
}

async function events(c: Awaited<ReturnType<typeof lifecycleCluster>>, pod: string): Promise<string[]> {
  const list = (await (await c.kube("GET", "/api/v1/namespaces/default/events")).json()) as { items: any[] };
  return list.items.filter((e) => e.involvedObject.name === pod && e.involvedObject.fieldPath?.startsWith("spec.ephemeralContainers"))
    .sort((a, b) => a.firstTimestamp.localeCompare(b.firstTimestamp) || a.metadata.name.localeCompare(b.metadata.name))
    .map((e) => `${e.involvedObject.fieldPath} ${e.reason}: ${e.message}`);
}

describe("kubelet: ephemeral containers", () => {
  it("starts a debug container added through the subresource and reports it Running", async () => {
    const c = await lifecycleCluster();
    await c.kube("POST", "/api/v1/namespaces/default/pods", { body: podOn("node01", "app", { image: "nginx" }) });
    await c.step(15_000);
    expect((await getPod(c, "app")).status.phase).toBe("Running");
    const r = await c.kube("PATCH", "/api/v1/namespaces/default/pods/app/ephemeralcontainers", {
      body: debugPatch("debugger-x7k2q", { command: ["sleep", "3600"], targetContainerName: "app" }), contentType: SMP,
    });
    expect(r.status).toBe(200);
    const patched = (await r.json()) as any;
    expect(patched.spec.ephemeralContainers[0]).toMatchObject({ name: "debugger-x7k2q", imagePullPolicy: "Always", targetContainerName: "app" });
    await c.step(1);
    let pod = await getPod(c, "app");
    expect(pod.status.ephemeralContainerStatuses).toEqual([{
      image: "busybox", imageID: "", lastState: {}, name: "debugger-x7k2q", ready: false, restartCount: 0, state: { waiting: { reason: "ContainerCreating" } },
    }]);
    await c.step(10_000);
    pod = await getPod(c, "app");
    const s = pod.status.ephemeralContainerStatuses[0];
    expect(Object.keys(s)).toEqual(["containerID", "image", "imageID", "lastState", "name", "ready", "restartCount", "state"]);
    expect(s.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(s.image).toBe("docker.io/library/busybox:latest");
    expect(s.imageID).toMatch(/^docker\.io\/library\/busybox@sha256:[0-9a-f]{64}$/);
    expect(s.ready).toBe(false);
    expect(Object.keys(s.state)).toEqual(["running"]);
    // The pod's own containers and conditions are untouched by the debugger.
    expect(pod.status.containerStatuses.map((x: any) => x.name)).toEqual(["app"]);
    expect(pod.status.conditions.find((x: any) => x.type === "Ready").status).toBe("True");
    const ev = await events(c, "app");
    expect(ev[0]).toBe('spec.ephemeralContainers{debugger-x7k2q} Pulling: Pulling image "busybox"');
    expect(ev[1]).toMatch(/^spec\.ephemeralContainers\{debugger-x7k2q\} Pulled: Successfully pulled image "busybox" in \d+ms \(\d+ms including waiting\)\. Image size: \d+ bytes\.$/);
    expect(ev.slice(2)).toEqual([
      "spec.ephemeralContainers{debugger-x7k2q} Created: Created container: debugger-x7k2q",
      "spec.ephemeralContainers{debugger-x7k2q} Started: Started container debugger-x7k2q",
    ]);
  });

  it("never restarts an ephemeral container that exits; its logs are served with -c", async () => {
    const c = await lifecycleCluster();
    await c.kube("POST", "/api/v1/namespaces/default/pods", { body: podOn("node01", "app", { image: "nginx" }) });
    await c.step(15_000);
    await c.kube("PATCH", "/api/v1/namespaces/default/pods/app/ephemeralcontainers", {
      body: debugPatch("dbg", { command: ["sh", "-c", "echo hello from debug; exit 2"] }), contentType: SMP,
    });
    await c.step(60_000);
    const pod = await getPod(c, "app");
    const s = pod.status.ephemeralContainerStatuses[0];
    expect(s.state.terminated).toMatchObject({ exitCode: 2, reason: "Error" });
    expect(s.restartCount).toBe(0);
    expect(s.lastState).toEqual({});
    expect((await events(c, "app")).filter((e) => e.includes("Started"))).toHaveLength(1);
    const logs = await c.kube("GET", "/api/v1/namespaces/default/pods/app/log?container=dbg");
    expect(await logs.text()).toBe("hello from debug\n");
    expect(pod.status.phase).toBe("Running");
  });

  it("a debug container without a command and stdin runs busybox's sh, which exits 0 (Completed)", async () => {
    const c = await lifecycleCluster();
    await c.kube("POST", "/api/v1/namespaces/default/pods", { body: podOn("node01", "app", { image: "nginx" }) });
    await c.step(15_000);
    await c.kube("PATCH", "/api/v1/namespaces/default/pods/app/ephemeralcontainers", { body: debugPatch("debugger-abcde"), contentType: SMP });
    await c.step(20_000);
    const s = (await getPod(c, "app")).status.ephemeralContainerStatuses[0];
    expect(s.state.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
  });

  it("exec and attach resolve the ephemeral container; exiting the attached shell terminates it", async () => {
    const c = await lifecycleCluster();
    await c.kube("POST", "/api/v1/namespaces/default/pods", { body: podOn("node01", "app", { image: "nginx" }) });
    await c.step(15_000);
    await c.kube("PATCH", "/api/v1/namespaces/default/pods/app/ephemeralcontainers", {
      body: debugPatch("debugger-it", { stdin: true, tty: true, targetContainerName: "app" }), contentType: SMP,
    });
    await c.step(10_000);
    // With stdin open, busybox's sh waits for input: the container stays Running.
    expect(Object.keys((await getPod(c, "app")).status.ephemeralContainerStatuses[0].state)).toEqual(["running"]);
    const exec = await openChannelStream(c, "app", "exec?command=hostname&container=debugger-it&stdout=true&stderr=true");
    const out = await exec.done;
    expect(out[0]).toBe("1:app\n");
    const attach = await openChannelStream(c, "app", "attach?container=debugger-it&stdin=true&stdout=true&tty=true");
    attach.send("echo attached $HOSTNAME\r");
    await new Promise((r) => setTimeout(r, 300));
    attach.send("exit\r");
    const frames = await attach.done;
    const text = frames.filter((f) => f.startsWith("1:")).map((f) => f.slice(2)).join("");
    expect(text).toContain("echo attached $HOSTNAME\r\nattached app\r\n");
    expect(JSON.parse(frames.at(-1)!.slice(2))).toEqual({ metadata: {}, status: "Success" });
    await c.step(2_000);
    const s = (await getPod(c, "app")).status.ephemeralContainerStatuses[0];
    expect(s.state.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
    expect(s.restartCount).toBe(0);
    const missing = await c.kube("GET", "/api/v1/namespaces/default/pods/app/exec?command=true&container=nope&stdout=true");
    expect(missing.status).toBe(400);
  });
});

/** A v5.channel.k8s.io stream to pods/app/<sub>: frames as "channel:text", and a stdin sender. */

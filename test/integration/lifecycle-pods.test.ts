// Pod lifecycle on the simulated kubelet: a pod bound to a node is pulled, created and started
// with the kubelet's events and status; crash loops back off; bad images back off; logs.
import { describe, expect, it } from "vitest";
import { getPod, lifecycleCluster, podEvents, podOn } from "./lifecycle-helpers";

describe("kubelet: pod lifecycle", () => {
  it("runs nginx: events in order, Running with an IP from the node's podCIDR, upstream status", async () => {
    const c = await lifecycleCluster();
    const r = await c.kube("POST", "/api/v1/namespaces/default/pods", { body: podOn("node01", "nginx", { image: "nginx" }) });
    expect(r.status).toBe(201);
    await c.step(1);
    let pod = await getPod(c, "nginx");
    expect(pod.status.phase).toBe("Pending");
    expect(pod.status.containerStatuses[0].state).toEqual({ waiting: { reason: "ContainerCreating" } });
    await c.step(10_000);
    pod = await getPod(c, "nginx");
    expect(pod.status.phase).toBe("Running");
    expect(pod.status.podIP).toMatch(/^10\.244\.1\.\d+$/);
    expect(pod.status.hostIP).toBe("172.30.2.2");
    expect(pod.status.conditions.map((x: any) => `${x.type}=${x.status}`)).toEqual([
      "PodReadyToStartContainers=True", "Initialized=True", "Ready=True", "ContainersReady=True", "PodScheduled=True",
    ]);
    const cs = pod.status.containerStatuses[0];
    expect(cs.image).toBe("docker.io/library/nginx:latest");
    expect(cs.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(cs.ready).toBe(true);
    expect(cs.started).toBe(true);
    const events = await podEvents(c, "nginx");
    expect(events[0]).toBe('Pulling: Pulling image "nginx"');
    expect(events[1]).toMatch(/^Pulled: Successfully pulled image "nginx" in \d+(\.\d+)?s \(\d+(\.\d+)?s including waiting\)\. Image size: 72406859 bytes\.$/);
    expect(events.slice(2)).toEqual(["Created: Created container: nginx", "Started: Started container nginx"]);
    const logs = await (await c.kube("GET", "/api/v1/namespaces/default/pods/nginx/log")).text();
    expect(logs.split("\n")[0]).toBe("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
  });

  it("restarts a crashing container with CrashLoopBackOff; logs and --previous", async () => {
    const c = await lifecycleCluster();
    await c.kube("POST", "/api/v1/namespaces/default/pods", { body: podOn("node01", "crash", { image: "busybox:1.36", command: ["sh", "-c", "echo hi; exit 1"] }) });
    await c.step(5_000);
    let pod = await getPod(c, "crash");
    let cs = pod.status.containerStatuses[0];
    expect(cs.restartCount).toBe(1);
    expect(cs.state.waiting.reason).toBe("CrashLoopBackOff");
    expect(cs.state.waiting.message).toBe(`back-off 10s restarting failed container=crash pod=crash_default(${pod.metadata.uid})`);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
    expect(pod.status.phase).toBe("Running");
    await c.step(60_000);
    pod = await getPod(c, "crash");
    cs = pod.status.containerStatuses[0];
    // Restarts at ~0 s, 10 s, 30 s: the back-off doubles.
    expect(cs.restartCount).toBe(3);
    const events = await podEvents(c, "crash");
    expect(events.slice(0, 4)).toEqual([
      'Pulling: Pulling image "busybox:1.36"',
      expect.stringMatching(/^Pulled: Successfully pulled image "busybox:1\.36" in \d+ms \(\d+ms including waiting\)\. Image size: 2152262 bytes\.$/),
      "Created (x4): Created container: crash",
      "Started (x4): Started container crash",
    ]);
    expect(events[4]).toBe('Pulled (x3): Container image "busybox:1.36" already present on machine');
    expect(events[5]).toMatch(new RegExp(`^BackOff \\(x\\d\\): Back-off restarting failed container crash in pod crash_default\\(${pod.metadata.uid}\\)$`));
    expect(await (await c.kube("GET", "/api/v1/namespaces/default/pods/crash/log")).text()).toBe("hi\n");
    expect(await (await c.kube("GET", "/api/v1/namespaces/default/pods/crash/log?previous=true")).text()).toBe("hi\n");
  });

  it("Never: exit 0 → Succeeded (Completed), exit 3 → Failed; previous not found", async () => {
    const c = await lifecycleCluster();
    await c.kube("POST", "/api/v1/namespaces/default/pods", { body: podOn("node01", "ok", { image: "busybox", command: ["sh", "-c", "echo done"] }, { restartPolicy: "Never" }) });
    await c.kube("POST", "/api/v1/namespaces/default/pods", { body: podOn("node02", "bad", { image: "busybox", command: ["sh", "-c", "exit 3"] }, { restartPolicy: "Never" }) });
    await c.step(10_000);
    const ok = await getPod(c, "ok");
    expect(ok.status.phase).toBe("Succeeded");
    expect(ok.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
    expect(ok.status.conditions.find((x: any) => x.type === "Ready")).toMatchObject({ status: "False", reason: "PodCompleted" });
    const bad = await getPod(c, "bad");
    expect(bad.status.phase).toBe("Failed");
    expect(bad.status.containerStatuses[0].state.terminated).toMatchObject({ exitCode: 3, reason: "Error" });
    const prev = await c.kube("GET", "/api/v1/namespaces/default/pods/ok/log?previous=true");
    expect(prev.status).toBe(400);
    expect(((await prev.json()) as any).message).toBe('previous terminated container "ok" in pod "ok" not found');
  });

  it("unknown image: ErrImagePull, then ImagePullBackOff with the upstream messages", async () => {
    const c = await lifecycleCluster();
    await c.kube("POST", "/api/v1/namespaces/default/pods", { body: podOn("node01", "bad", { image: "nginx:doesnotexist" }) });
    // Sandbox (600 ms), then the registry answers "not found" after 700 ms.
    await c.step(1_400);
    let cs = (await getPod(c, "bad")).status.containerStatuses[0];
    expect(cs.state.waiting.reason).toBe("ErrImagePull");
    const err = 'failed to pull and unpack image "docker.io/library/nginx:doesnotexist": failed to resolve reference "docker.io/library/nginx:doesnotexist": docker.io/library/nginx:doesnotexist: not found';
    expect(cs.state.waiting.message).toBe(err);
    await c.step(1_500);
    cs = (await getPod(c, "bad")).status.containerStatuses[0];
    expect(cs.state.waiting).toEqual({ reason: "ImagePullBackOff", message: `Back-off pulling image "nginx:doesnotexist": ErrImagePull: ${err}` });
    const logs = await c.kube("GET", "/api/v1/namespaces/default/pods/bad/log");
    expect(((await logs.json()) as any).message).toBe('container "bad" in pod "bad" is waiting to start: trying and failing to pull image');
    await c.step(40_000);
    const events = await podEvents(c, "bad");
    expect(events).toEqual([
      'Pulling (x3): Pulling image "nginx:doesnotexist"',
      `Failed (x3): Failed to pull image "nginx:doesnotexist": ${err}`,
      "Failed (x3): Error: ErrImagePull",
      'BackOff (x3): Back-off pulling image "nginx:doesnotexist"',
      "Failed (x3): Error: ImagePullBackOff",
    ]);
  });
});

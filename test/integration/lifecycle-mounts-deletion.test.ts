// FailedMount until the ConfigMap exists; graceful deletion (Killing, grace period, removal);
// liveness and readiness probes against the simulated programs.
import { describe, expect, it } from "vitest";
import { getPod, lifecycleCluster, podEvents, podOn } from "./lifecycle-helpers";

describe("kubelet: volumes, deletion, probes", () => {
  it("stays ContainerCreating with FailedMount until the ConfigMap appears", async () => {
    const c = await lifecycleCluster();
    await c.kube("POST", "/api/v1/namespaces/default/pods", {
      body: podOn("node01", "web", { image: "nginx:1.27.4", volumeMounts: [{ name: "cfg", mountPath: "/etc/cfg" }] }, { volumes: [{ name: "cfg", configMap: { name: "app" } }] }),
    });
    await c.step(20_000);
    const pod = await getPod(c, "web");
    expect(pod.status.phase).toBe("Pending");
    expect(pod.status.containerStatuses[0].state).toEqual({ waiting: { reason: "ContainerCreating" } });
    const events = await podEvents(c, "web");
    expect(events).toHaveLength(1);
    // 500 ms doubling: attempts at 0, 0.5, 1.5, 3.5, 7.5, 15.5 s.
    expect(events[0]).toBe('FailedMount (x6): MountVolume.SetUp failed for volume "cfg" : configmap "app" not found');
    await c.kube("POST", "/api/v1/namespaces/default/configmaps", { body: { metadata: { name: "app" }, data: { k: "v" } } });
    // The volume manager retries when its back-off ends (next attempt at 31.5 s), not at once.
    await c.step(10_000);
    expect((await getPod(c, "web")).status.phase).toBe("Pending");
    await c.step(10_000);
    expect((await getPod(c, "web")).status.phase).toBe("Running");
  });

  it("deletes gracefully: Killing, Terminating for the grace period, then removed", async () => {
    const c = await lifecycleCluster();
    await c.kube("POST", "/api/v1/namespaces/default/pods", { body: podOn("node01", "sleeper", { image: "busybox:1.36", command: ["sleep", "3600"] }) });
    await c.step(5_000);
    expect((await getPod(c, "sleeper")).status.phase).toBe("Running");
    const del = await c.kube("DELETE", "/api/v1/namespaces/default/pods/sleeper", { body: { gracePeriodSeconds: 10 } });
    expect(del.status).toBe(200);
    await c.step(5_000);
    const pod = await getPod(c, "sleeper");
    expect(pod.metadata.deletionTimestamp).toBeDefined();
    expect((await podEvents(c, "sleeper")).at(-1)).toBe("Killing: Stopping container sleeper");
    await c.step(6_000);
    expect(await getPod(c, "sleeper")).toBeUndefined();
  });

  it("restarts on a failing liveness probe; a failing readiness probe keeps it unready", async () => {
    const c = await lifecycleCluster();
    await c.kube("POST", "/api/v1/namespaces/default/pods", {
      body: podOn("node01", "live", { image: "nginx:1.27.4", livenessProbe: { httpGet: { path: "/healthz", port: 80 }, periodSeconds: 5, failureThreshold: 3 } }),
    });
    await c.kube("POST", "/api/v1/namespaces/default/pods", {
      body: podOn("node02", "ready", { image: "nginx:1.27.4", readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 5 } }),
    });
    await c.step(20_000);
    const live = await getPod(c, "live");
    expect(live.status.containerStatuses[0].restartCount).toBe(1);
    const events = await podEvents(c, "live");
    // Three failures (5 s apart) kill it; the restarted container's first probe fails again.
    expect(events).toContain("Unhealthy (x4): Liveness probe failed: HTTP probe failed with statuscode: 404");
    expect(events).toContain("Killing: Container live failed liveness probe, will be restarted");
    const ready = await getPod(c, "ready");
    expect(ready.status.phase).toBe("Running");
    expect(ready.status.containerStatuses[0].ready).toBe(false);
    expect(ready.status.conditions.find((x: any) => x.type === "Ready")).toMatchObject({ status: "False", reason: "ContainersNotReady", message: "containers with unready status: [ready]" });
    expect((await podEvents(c, "ready")).at(-1)).toMatch(/^Unhealthy \(x\d+\): Readiness probe failed: dial tcp 10\.244\.2\.\d+:8080: connect: connection refused$/);
  });
});

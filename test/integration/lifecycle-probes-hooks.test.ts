// Containers as processes: the exec liveness demo (touch /tmp/healthy), postStart/preStop hooks
// with the kubelet's events, kubectl exec sharing the container's files, logs that survive an
// object restart without duplicates, and an idle cluster with no timers.
import { env, runInDurableObject, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ORIGIN, type Cluster } from "./helpers";
import { getPod, lifecycleCluster, podEvents, podOn } from "./lifecycle-helpers";
import { runtimeFor } from "../../src/cluster/kubelet/containerd/runtime";

const stubOf = (c: Cluster) => {
  const ns = (env as unknown as { CLUSTER: DurableObjectNamespace }).CLUSTER;
  return ns.get(ns.idFromName(c.id)) as unknown as { clockControl(a: { action: string }): Promise<{ pendingTimers: number }> };
};

async function exec(c: Cluster, pod: string, argv: string[]): Promise<string[]> {
  const q = [...argv.map((a) => `command=${encodeURIComponent(a)}`), "stdout=true", "stderr=true"].join("&");
  const res = await SELF.fetch(`${ORIGIN}/clusters/${c.id}/api/v1/namespaces/default/pods/${pod}/exec?${q}`, {
    headers: { authorization: `Bearer ${c.token}`, upgrade: "websocket", connection: "Upgrade", "sec-websocket-protocol": "v5.channel.k8s.io" },
  });
  const ws = res.webSocket!;
  const frames: Promise<string>[] = [];
  const closed = new Promise<void>((resolve) => ws.addEventListener("close", () => resolve()));
  ws.addEventListener("message", (e) => frames.push((e.data as Blob).arrayBuffer().then((b) => `${new Uint8Array(b)[0]}:${new TextDecoder().decode(new Uint8Array(b).slice(1))}`)));
  ws.accept();
  await closed;
  return Promise.all(frames);
}

const logs = async (c: Cluster, pod: string) => (await c.kube("GET", `/api/v1/namespaces/default/pods/${pod}/log`)).text();

describe("kubelet: probes and hooks in the container", () => {
  it("the exec liveness demo: Unhealthy after /tmp/healthy is removed, Killing, restart", async () => {
    const c = await lifecycleCluster();
    await c.kube("POST", "/api/v1/namespaces/default/pods", {
      body: podOn("node01", "liveness", {
        image: "busybox:1.36", args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"],
        livenessProbe: { exec: { command: ["cat", "/tmp/healthy"] }, initialDelaySeconds: 5, periodSeconds: 5 },
      }),
    });
    await c.step(30_000);
    expect(await podEvents(c, "liveness")).not.toContainEqual(expect.stringMatching(/^Unhealthy/));
    await c.step(20_000);
    const events = await podEvents(c, "liveness");
    expect(events).toContain("Unhealthy (x3): Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n");
    expect(events).toContain("Killing: Container liveness failed liveness probe, will be restarted");
    // sh as PID 1 ignores TERM: SIGKILL after the 30 s grace period, then the restart.
    await c.step(40_000);
    const cs = (await getPod(c, "liveness")).status.containerStatuses[0];
    expect(cs.restartCount).toBe(1);
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 137, reason: "Error" });
  });

  it("postStart failure: FailedPostStartHook, Killing FailedPostStartHook; preStop runs before the stop signal", async () => {
    const c = await lifecycleCluster();
    await c.kube("POST", "/api/v1/namespaces/default/pods", {
      body: podOn("node01", "poststart", { image: "nginx:1.27.4", lifecycle: { postStart: { exec: { command: ["sh", "-c", "echo no >&2; exit 1"] } } } }),
    });
    await c.kube("POST", "/api/v1/namespaces/default/pods", {
      body: podOn("node02", "prestop", { image: "nginx:1.27.4", lifecycle: { preStop: { exec: { command: ["sh", "-c", "sleep 5; exit 2"] } } } }),
    });
    await c.step(15_000);
    const events = await podEvents(c, "poststart");
    expect(events).toContainEqual(expect.stringMatching(/^FailedPostStartHook( \(x\d+\))?: PostStartHook failed$/));
    expect(events).toContainEqual(expect.stringMatching(/^Killing( \(x\d+\))?: FailedPostStartHook$/));
    expect((await getPod(c, "prestop")).status.phase).toBe("Running");
    await c.kube("DELETE", "/api/v1/namespaces/default/pods/prestop", { body: { gracePeriodSeconds: 30 } });
    await c.step(3_000);
    // The hook still runs (5 s): nginx has not been sent its stop signal yet.
    expect(await getPod(c, "prestop")).toBeDefined();
    expect(await logs(c, "prestop")).not.toContain("signal 3 (SIGQUIT) received");
    await c.step(3_000);
    expect((await podEvents(c, "prestop")).slice(-2)).toEqual(["Killing: Stopping container prestop", "FailedPreStopHook: PreStopHook failed"]);
    expect(await getPod(c, "prestop")).toBeUndefined();
  });

  it("kubectl exec shares the container's file tree both ways", async () => {
    const c = await lifecycleCluster();
    await c.kube("POST", "/api/v1/namespaces/default/pods", {
      body: podOn("node01", "files", { image: "busybox:1.36", command: ["sh", "-c", "echo from-container > /tmp/a; while [ ! -f /tmp/b ]; do sleep 1; done; cat /tmp/b; sleep 3600"] }),
    });
    await c.step(5_000);
    const got = await exec(c, "files", ["sh", "-c", "cat /tmp/a; echo from-exec > /tmp/b"]);
    expect(got[0]).toBe("1:from-container\n");
    await c.step(2_000);
    expect(await logs(c, "files")).toBe("from-exec\n");
  });

  it("logs continue without duplicates after the object loses its processes", async () => {
    const c = await lifecycleCluster();
    await c.kube("POST", "/api/v1/namespaces/default/pods", {
      body: podOn("node01", "counter", { image: "busybox:1.36", command: ["sh", "-c", "i=0; while true; do echo $i; i=$((i+1)); sleep 1; done"] }),
    });
    await c.step(10_000);
    const before = (await logs(c, "counter")).split("\n").filter(Boolean);
    expect(before.length).toBeGreaterThan(5);
    const drop = (_i: unknown, state: DurableObjectState) => runtimeFor(state.storage.sql).dropMemory();
    await (runInDurableObject as unknown as (s: unknown, f: typeof drop) => Promise<void>)(stubOf(c), drop);
    await c.step(5_000);
    const after = (await logs(c, "counter")).split("\n").filter(Boolean);
    expect(after.length).toBe(before.length + 5);
    expect(after).toEqual(after.map((_, i) => String(i)));
  });

  it("an idle cluster (kube-system pods with probes) has no pending timers", async () => {
    const c = await lifecycleCluster();
    await c.step(600_000);
    expect((await stubOf(c).clockControl({ action: "get" })).pendingTimers).toBe(0);
    const dns = ((await (await c.kube("GET", "/api/v1/namespaces/kube-system/pods")).json()) as { items: any[] }).items.find((p) => p.metadata.name.startsWith("coredns-"));
    expect(dns.status.containerStatuses[0]).toMatchObject({ ready: true, restartCount: 0 });
  });
});

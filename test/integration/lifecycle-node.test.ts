// exec over the WebSocket channel protocol, kubeadm's static pods Running on the control plane,
// and a node that stops reporting: tainted unreachable, its pods evicted after 300 s.
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { getPod, lifecycleCluster, openChannelStream, podEvents, podOn } from "./lifecycle-helpers";
import { markNodeNotReady } from "../../src/cluster/controllers/node-lifecycle";

describe("kubelet: exec, static pods, node lifecycle", () => {
  it("kubectl exec runs the container's shell and returns the exit code on channel 3", async () => {
    const c = await lifecycleCluster();
    await c.kube("POST", "/api/v1/namespaces/default/pods", { body: podOn("node01", "box", { image: "busybox:1.36", command: ["sleep", "3600"] }) });
    await c.step(5_000);
    const q = "command=sh&command=-c&command=echo%20hi%20%24HOSTNAME%3B%20exit%203&container=box&stdout=true&stderr=true";
    const stream = await openChannelStream(c, "box", `exec?${q}`);
    expect(stream.protocol).toBe("v5.channel.k8s.io");
    const got = await stream.done;
    expect(got[0]).toBe("1:hi box\n");
    expect(JSON.parse(got.at(-1)!.slice(2))).toMatchObject({ status: "Failure", reason: "NonZeroExitCode", details: { causes: [{ reason: "ExitCode", message: "3" }] } });
  });

  it("runs kubeadm's static pods Running on the control-plane node", async () => {
    // A new cluster's bootstrap creates kubeadm's static pods as mirror pods; the kubelet runs them.
    const c = await lifecycleCluster();
    await c.step(30_000);
    const pod = await getPod(c, "kube-apiserver-controlplane", "kube-system");
    expect(pod.status.phase).toBe("Running");
    expect(pod.status.podIP).toBe("172.30.1.2");
    expect(pod.status.containerStatuses[0]).toMatchObject({ ready: true, started: true, image: "registry.k8s.io/kube-apiserver:v1.32.4" });
    const etcd = await getPod(c, "etcd-controlplane", "kube-system");
    expect(etcd.status.containerStatuses[0].ready).toBe(true);
  });

  it("taints an unreachable node and evicts its pods after their 300 s toleration", async () => {
    const c = await lifecycleCluster();
    await c.kube("POST", "/api/v1/namespaces/default/pods", { body: podOn("node02", "web", { image: "nginx:1.27.4" }) });
    await c.step(10_000);
    const ns = (env as unknown as { CLUSTER: DurableObjectNamespace }).CLUSTER;
    const stub: unknown = ns.get(ns.idFromName(c.id));
    const inject = (instance: unknown, state: DurableObjectState) => {
      markNodeNotReady(state.storage.sql, "node02", (instance as { clock: { now(): number } }).clock.now());
    };
    const run = runInDurableObject as unknown as (s: unknown, f: typeof inject) => Promise<void>;
    await run(stub, inject);
    await c.step(60_000);
    const node = await (await c.kube("GET", "/api/v1/nodes/node02")).json() as any;
    expect(node.spec.taints).toEqual([
      { key: "node.kubernetes.io/unreachable", effect: "NoSchedule" },
      expect.objectContaining({ key: "node.kubernetes.io/unreachable", effect: "NoExecute" }),
    ]);
    expect(node.status.conditions.find((x: any) => x.type === "Ready")).toMatchObject({ status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status." });
    expect((await getPod(c, "web")).metadata.deletionTimestamp).toBeUndefined();
    await c.step(300_000);
    const pod = await getPod(c, "web");
    expect(pod.metadata.deletionTimestamp).toBeDefined();
    expect(await podEvents(c, "web")).toContain("TaintManagerEviction: Marking for deletion Pod default/web");
  });
});

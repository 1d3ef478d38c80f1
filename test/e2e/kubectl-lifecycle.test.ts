// Pod lifecycle with the real kubectl against `npm start`, the cluster's clock paused and stepped
// through the service API so that minutes of back-off pass in a moment.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, newCluster, type TestCluster } from "./harness";

let c: TestCluster;
beforeAll(async () => {
  c = await newCluster("lifecycle");
  await clock({ action: "pause" });
});
afterAll(() => c?.dispose());

async function clock(body: Record<string, unknown>) {
  const r = await api("POST", `/v1/clusters/${c.id}/clock`, c.accountToken, body);
  if (r.status !== 200) throw new Error(`clock ${JSON.stringify(body)}: ${r.status} ${r.text}`);
  return r.json;
}
const step = (seconds: number) => clock({ action: "step", seconds });

async function ok(args: string[]) {
  const r = await c.kubectl(args);
  if (r.code !== 0) throw new Error(`kubectl ${args.join(" ")} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}
const row = async (name: string) => (await ok(["get", "pod", name, "--no-headers"])).trim().split(/\s{2,}/);
const eventReasons = async (name: string) =>
  (await ok(["describe", "pod", name])).split("\nEvents:\n")[1]!.split("\n").slice(2).filter(Boolean).map((l) => l.trim().split(/\s{2,}/));

describe("pods through their lifecycle", () => {
  it("runs nginx: Running with an IP and a node, events in upstream order", async () => {
    await ok(["run", "nginx", "--image=nginx", "--restart=Never"]);
    await step(30);
    const [name, ready, status, restarts] = await row("nginx");
    expect([name, ready, status, restarts]).toEqual(["nginx", "1/1", "Running", "0"]);
    const wide = (await ok(["get", "pod", "nginx", "-o", "wide", "--no-headers"])).trim().split(/\s{2,}/);
    expect(wide[5]).toMatch(/^10\.244\.\d+\.\d+$/);
    expect(wide[6]).toMatch(/^node0[12]$/);
    const events = await eventReasons("nginx");
    expect(events.map((e) => e[1])).toEqual(["Scheduled", "Pulling", "Pulled", "Created", "Started"]);
    expect(events[0]![3]).toBe("default-scheduler");
    expect(events[2]![4]).toMatch(/^Successfully pulled image "nginx" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: \d+ bytes\.$/);
    expect(events[3]![4]).toBe("Created container: nginx");
    const logs = await ok(["logs", "nginx"]);
    expect(logs).toContain("/docker-entrypoint.sh: Configuration complete; ready for start up");
  });

  it("reports ErrImagePull, then ImagePullBackOff", async () => {
    await ok(["run", "bad", "--image=nginx:doesnotexist", "--restart=Never"]);
    await step(5);
    expect((await row("bad"))[2]).toMatch(/^(ErrImagePull|ImagePullBackOff)$/);
    await step(30);
    expect((await row("bad"))[2]).toBe("ImagePullBackOff");
    const d = await ok(["describe", "pod", "bad"]);
    expect(d).toContain('Failed to pull image "nginx:doesnotexist"');
    expect(d).toContain('Back-off pulling image "nginx:doesnotexist"');
  });

  it("crash-loops a failing container with growing restarts; logs and --previous", async () => {
    await ok(["run", "crash", "--image=busybox", "--", "sh", "-c", "echo hi; exit 1"]);
    await step(20);
    await step(60);
    const [, , status, restarts] = await row("crash");
    expect(status).toMatch(/^(CrashLoopBackOff|Error)$/);
    expect(Number(restarts.split(" ")[0])).toBeGreaterThanOrEqual(2);
    expect(await ok(["logs", "crash"])).toBe("hi\n");
    expect(await ok(["logs", "crash", "--previous"])).toBe("hi\n");
    expect(await ok(["describe", "pod", "crash"])).toMatch(/Back-off restarting failed container crash in pod crash_default\([0-9a-f-]+\)/);
  });

  it("completes with exit 0 and errors with exit 3 under restartPolicy Never", async () => {
    await ok(["run", "done", "--image=busybox", "--restart=Never", "--", "sh", "-c", "exit 0"]);
    await ok(["run", "fail", "--image=busybox", "--restart=Never", "--", "sh", "-c", "exit 3"]);
    await step(20);
    expect((await row("done"))[2]).toBe("Completed");
    expect((await row("fail"))[2]).toBe("Error");
  });

  it("keeps a pod that fits nowhere Pending with the scheduler's message", async () => {
    await ok(["run", "big", "--image=nginx", "--restart=Never", "--overrides", JSON.stringify({ spec: { containers: [{ name: "big", image: "nginx", resources: { requests: { cpu: "100" } } }] } })]);
    await step(2);
    expect((await row("big"))[2]).toBe("Pending");
    expect(await ok(["describe", "pod", "big"])).toContain("0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.");
    const pending = await ok(["get", "pods", "--field-selector=status.phase=Pending", "--no-headers"]);
    expect(pending).toMatch(/^big\s/m);
  });

  it("waits in ContainerCreating on a missing ConfigMap and starts once it exists", async () => {
    const { writeFileSync, mkdtempSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const file = join(mkdtempSync(join(tmpdir(), "podlab-cm-")), "pod.yaml");
    writeFileSync(file, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: mounts\nspec:\n  containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n    - name: cfg\n      mountPath: /etc/app\n  volumes:\n  - name: cfg\n    configMap:\n      name: app-settings\n");
    await ok(["apply", "-f", file]);
    await step(30);
    expect((await row("mounts"))[2]).toBe("ContainerCreating");
    expect(await ok(["describe", "pod", "mounts"])).toContain('MountVolume.SetUp failed for volume "cfg" : configmap "app-settings" not found');
    await ok(["create", "configmap", "app-settings", "--from-literal=mode=demo"]);
    await step(150);
    expect((await row("mounts"))[2]).toBe("Running");
  });

  it("deletes gracefully and shows events in time order", async () => {
    const del = await c.kubectl(["delete", "pod", "done", "fail", "big"]);
    expect(del.code).toBe(0);
    const events = await ok(["get", "events", "--sort-by=.lastTimestamp"]);
    expect(events.split("\n")[0]).toMatch(/^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/);
    expect(events).toContain("Successfully assigned default/nginx to node0");
  });
});

describe("adding capacity", () => {
  it("schedules a pod that fit nowhere once a bigger node joins", async () => {
    await ok(["run", "huge", "--image=nginx", "--restart=Never", "--overrides", JSON.stringify({ spec: { containers: [{ name: "huge", image: "nginx", resources: { requests: { cpu: "6" } } }] } })]);
    await step(2);
    expect((await row("huge"))[2]).toBe("Pending");
    const joined = await api("POST", `/v1/clusters/${c.id}/nodes`, c.accountToken, { cpu: "8", memory: "16Gi" });
    expect(joined.status).toBe(201);
    await step(30);
    const wide = (await ok(["get", "pod", "huge", "-o", "wide", "--no-headers"])).trim().split(/\s{2,}/);
    expect(wide[2]).toBe("Running");
    expect(wide[6]).toBe(joined.json.name);
    const nodes = await ok(["get", "nodes", "--no-headers"]);
    expect(nodes).toMatch(new RegExp(`^${joined.json.name}\\s+Ready\\s+<none>`, "m"));
  });
});

describe("node failure", () => {
  it("taints an unreachable node and evicts its pods after the 300 s toleration", async () => {
    await ok(["run", "victim", "--image=nginx", "--restart=Never", "--overrides", JSON.stringify({ spec: { nodeName: "node02", containers: [{ name: "victim", image: "nginx" }] } })]);
    await step(20);
    expect((await row("victim"))[2]).toBe("Running");
    const failed = await api("POST", `/v1/clusters/${c.id}/nodes/node02/fail`, c.accountToken, {});
    expect(failed.status).toBe(200);
    await step(60);
    const nodes = await ok(["get", "nodes", "--no-headers"]);
    expect(nodes).toMatch(/^node02\s+NotReady\s/m);
    expect(await ok(["describe", "node", "node02"])).toContain("node.kubernetes.io/unreachable:NoExecute");
    await step(310);
    const gone = await c.kubectl(["get", "pod", "victim", "-o", "jsonpath={.metadata.deletionTimestamp}"]);
    expect(gone.code === 1 || gone.stdout !== "").toBe(true);
    expect((await api("POST", `/v1/clusters/${c.id}/nodes/node09/fail`, c.accountToken, {})).status).toBe(404);
    expect((await api("POST", `/v1/clusters/${c.id}/nodes/node02/recover`, c.accountToken, {})).status).toBe(200);
    await step(30);
    expect(await ok(["get", "nodes", "--no-headers"])).toMatch(/^node02\s+Ready\s/m);
  });
});

// Helpers for the pod lifecycle integration tests: a cluster, pods pinned to a node, stepping the
// virtual clock through the Cluster object's RPC, and reading pods, events and logs as kubectl does.
import { env, SELF } from "cloudflare:test";
import { expect } from "vitest";
import { newCluster, ORIGIN, type Cluster } from "./helpers";

export async function lifecycleCluster(): Promise<Cluster & { step(ms: number): Promise<void> }> {
  const c = await newCluster({});
  const step = async (ms: number) => {
    const ns = (env as unknown as { CLUSTER: DurableObjectNamespace }).CLUSTER;
    const stub = ns.get(ns.idFromName(c.id)) as unknown as { clockControl(a: { action: string; ms?: number }): Promise<unknown> };
    await stub.clockControl({ action: "pause" });
    await stub.clockControl({ action: "step", ms });
  };
  return { ...c, step };
}

export function podOn(node: string, name: string, container: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    apiVersion: "v1", kind: "Pod",
    metadata: { name, labels: { run: name } },
    spec: { nodeName: node, containers: [{ name, resources: {}, ...container }], restartPolicy: "Always", ...extra },
  };
}

export async function getPod(c: Cluster, name: string, ns = "default"): Promise<any> {
  const r = await c.kube("GET", `/api/v1/namespaces/${ns}/pods/${name}`);
  return r.status === 200 ? r.json() : undefined;
}

/** "Reason: message" of the pod's events in creation order (as describe lists them). */
export async function podEvents(c: Cluster, name: string, ns = "default"): Promise<string[]> {
  const r = await c.kube("GET", `/api/v1/namespaces/${ns}/events`);
  const list = (await r.json()) as { items: any[] };
  return list.items
    .filter((e) => e.involvedObject.name === name)
    .sort((a, b) => (a.firstTimestamp ?? a.eventTime).localeCompare(b.firstTimestamp ?? b.eventTime) || a.metadata.name.localeCompare(b.metadata.name))
    .map((e) => `${e.reason}${e.count > 1 ? ` (x${e.count})` : ""}: ${e.message}`);
}

/**
 * Opens a pod's exec or attach stream (`sub` is e.g. "exec?command=hostname&stdout=true") over
 * v5.channel.k8s.io as kubectl does: `send` writes stdin on channel 0, `done` resolves with every
 * frame as "<channel>:<text>" once the server closes the socket.
 */
export async function openChannelStream(c: Cluster, pod: string, sub: string) {
  const res = await SELF.fetch(`${ORIGIN}/clusters/${c.id}/api/v1/namespaces/default/pods/${pod}/${sub}`, {
    headers: { authorization: `Bearer ${c.token}`, upgrade: "websocket", connection: "Upgrade", "sec-websocket-protocol": "v5.channel.k8s.io" },
  });
  expect(res.status).toBe(101);
  const protocol = res.headers.get("sec-websocket-protocol");
  const ws = res.webSocket!;
  const frames: Promise<string>[] = [];
  const closed = new Promise<void>((resolve) => ws.addEventListener("close", () => resolve()));
  ws.addEventListener("message", (e) => {
    frames.push((e.data as Blob).arrayBuffer().then((buf) => {
      const b = new Uint8Array(buf);
      return `${b[0]}:${new TextDecoder().decode(b.slice(1))}`;
    }));
  });
  ws.accept();
  const send = (text: string) => {
    const body = new TextEncoder().encode(text);
    const f = new Uint8Array(body.length + 1);
    f.set(body, 1);
    ws.send(f);
  };
  return { protocol, send, done: closed.then(() => Promise.all(frames)) };
}

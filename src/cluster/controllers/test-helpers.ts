// Helpers for the controller integration tests (test/integration/controllers-*.test.ts): step a cluster's virtual clock, read objects,
// and play the kubelet's part by writing pod status (Running and Ready, or finished).
import { env } from "cloudflare:test";
import type { Cluster } from "../../../test/integration/helpers";

export async function step(c: Cluster, ms: number): Promise<void> {
  await env.CLUSTER.get(env.CLUSTER.idFromName(c.id)).clockControl({ action: "step", ms });
}

export async function getJson(c: Cluster, path: string): Promise<any> {
  const r = await c.kube("GET", path);
  return r.json();
}

export async function create(c: Cluster, path: string, body: unknown): Promise<any> {
  const r = await c.kube("POST", path, { body });
  if (r.status !== 201) throw new Error(`create ${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

export async function patch(c: Cluster, path: string, body: unknown, type = "application/strategic-merge-patch+json"): Promise<any> {
  const r = await c.kube("PATCH", path, { body, contentType: type });
  if (r.status !== 200) throw new Error(`patch ${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

export async function pods(c: Cluster, ns = "default", selector?: string): Promise<any[]> {
  const q = selector ? `?labelSelector=${encodeURIComponent(selector)}` : "";
  return (await getJson(c, `/api/v1/namespaces/${ns}/pods${q}`)).items;
}

export async function events(c: Cluster, ns = "default"): Promise<any[]> {
  return (await getJson(c, `/api/v1/namespaces/${ns}/events`)).items;
}

/** What a kubelet writes for a running pod: phase Running, Ready, an IP. */
export async function markRunning(c: Cluster, pod: any, ip: string, at: string, ready = true): Promise<void> {
  const ns = pod.metadata.namespace;
  const cond = (type: string, status: string) => ({ type, status, lastProbeTime: null, lastTransitionTime: at });
  const body = {
    ...pod,
    status: {
      ...pod.status, phase: "Running", podIP: ip, podIPs: [{ ip }], hostIP: "172.30.1.2", startTime: at,
      conditions: [cond("Initialized", "True"), cond("Ready", ready ? "True" : "False"), cond("ContainersReady", ready ? "True" : "False"), cond("PodScheduled", "True")],
      containerStatuses: pod.spec.containers.map((ct: any) => ({ name: ct.name, image: ct.image, imageID: "", ready, restartCount: 0, started: true, state: { running: { startedAt: at } } })),
    },
  };
  const r = await c.kube("PUT", `/api/v1/namespaces/${ns}/pods/${pod.metadata.name}/status`, { body });
  if (r.status !== 200) throw new Error(`pod status: ${r.status} ${await r.text()}`);
}

/** What a kubelet writes for a finished pod. */
export async function markFinished(c: Cluster, pod: any, phase: "Succeeded" | "Failed", at: string): Promise<void> {
  const ns = pod.metadata.namespace;
  const body = {
    ...pod,
    status: {
      ...pod.status, phase, startTime: at,
      conditions: [{ type: "Ready", status: "False", lastProbeTime: null, lastTransitionTime: at, reason: "PodCompleted" }],
      containerStatuses: pod.spec.containers.map((ct: any) => ({
        name: ct.name, image: ct.image, imageID: "", ready: false, restartCount: 0, started: false,
        state: { terminated: { exitCode: phase === "Succeeded" ? 0 : 1, reason: phase === "Succeeded" ? "Completed" : "Error", startedAt: at, finishedAt: at } },
      })),
    },
  };
  const r = await c.kube("PUT", `/api/v1/namespaces/${ns}/pods/${pod.metadata.name}/status`, { body });
  if (r.status !== 200) throw new Error(`pod status: ${r.status} ${await r.text()}`);
}

/** kubectl create deployment NAME --image=IMAGE [--replicas=N]. */
export function deployment(name: string, image: string, replicas = 1): any {
  return {
    apiVersion: "apps/v1", kind: "Deployment",
    metadata: { name, labels: { app: name } },
    spec: {
      replicas, selector: { matchLabels: { app: name } }, strategy: {},
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: image.split(":")[0], image, resources: {} }] } },
    },
  };
}

// Helpers for the controller integration tests (test/integration/controllers-*.test.ts): step a cluster's virtual clock, read objects,
// and build the objects kubectl create sends.
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

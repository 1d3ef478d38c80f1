// Integration-test helpers: a fresh account and cluster through the service API, and requests
// to the cluster's Kubernetes API as kubectl sends them, all inside workerd.
import { SELF } from "cloudflare:test";

export const ORIGIN = "https://podlab.test";
export const TABLE_ACCEPT = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
export const AGG_ACCEPT = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

export interface Cluster {
  id: string;
  token: string;
  accountToken: string;
  kube(method: string, path: string, opts?: { body?: unknown; contentType?: string; accept?: string; token?: string; raw?: BodyInit }): Promise<Response>;
}

export async function newCluster(body: Record<string, unknown> = {}): Promise<Cluster> {
  const a = await SELF.fetch(`${ORIGIN}/v1/accounts`, { method: "POST", body: "{}" });
  const account = (await a.json()) as { token: string };
  const c = await SELF.fetch(`${ORIGIN}/v1/clusters`, {
    method: "POST", body: JSON.stringify(body), headers: { authorization: `Bearer ${account.token}` },
  });
  if (c.status !== 201) throw new Error(`create cluster: ${c.status} ${await c.text()}`);
  const cluster = (await c.json()) as { id: string; token: string };
  return {
    id: cluster.id, token: cluster.token, accountToken: account.token,
    kube(method, path, opts = {}) {
      const headers: Record<string, string> = { authorization: `Bearer ${opts.token ?? cluster.token}`, accept: opts.accept ?? "application/json" };
      let body: BodyInit | undefined = opts.raw;
      if (opts.body !== undefined) { body = JSON.stringify(opts.body); headers["content-type"] = opts.contentType ?? "application/json"; }
      else if (opts.contentType) headers["content-type"] = opts.contentType;
      return SELF.fetch(`${ORIGIN}/clusters/${cluster.id}${path}`, { method, headers, body });
    },
  };
}

export const pod = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: "v1", kind: "Pod",
  metadata: { name, labels: { run: name } },
  spec: { containers: [{ name, image: "nginx", resources: {} }], restartPolicy: "Never", dnsPolicy: "ClusterFirst" },
  ...extra,
});

/** Reads newline-delimited watch events until `n` have arrived, then cancels the stream. */
export async function readWatchEvents(res: Response, n: number): Promise<{ type: string; object: any }[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buf = "";
  const events: { type: string; object: any }[] = [];
  while (events.length < n) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += decoder.decode(value, { stream: true });
    let i;
    while ((i = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, i).trim();
      buf = buf.slice(i + 1);
      if (line) events.push(JSON.parse(line));
    }
  }
  await reader.cancel();
  return events;
}

// API benchmarks: create-pod latency, writes per second, a paginated list of 10,000 pods and
// watch delivery latency. Each is measured from a client over loopback (through wrangler dev's
// local TLS proxy, which adds a few ms per request) and, where the issue sets a server-side
// target, also as server time: the cluster's Server-Timing (request handed to the cluster's
// object until its response head), summed over a list's pages.
import { newCluster, percentile, round, serverMs } from "./server.mjs";

const podBody = (name) => ({
  apiVersion: "v1", kind: "Pod",
  metadata: { name, labels: { app: "bench", run: name } },
  // A scheduler name no component serves: the pods stay Pending, as with a missing scheduler.
  spec: { schedulerName: "bench-unscheduled", containers: [{ name: "c", image: "nginx", resources: { requests: { cpu: "10m" } } }] },
});

async function timed(fn) {
  const t = performance.now();
  const r = await fn();
  return { ms: performance.now() - t, r };
}

export async function createPodLatency(url, n = 300) {
  const c = await newCluster(url);
  const samples = [];
  const server = [];
  for (let i = 0; i < n; i++) {
    const { ms, r } = await timed(() => c.kube("POST", "/api/v1/namespaces/default/pods", podBody(`p${i}`)));
    if (r.status !== 201) throw new Error(`create failed ${r.status}`);
    await r.arrayBuffer();
    samples.push(ms);
    server.push(serverMs(r));
  }
  return {
    n, server_p50_ms: round(percentile(server, 50)), server_p99_ms: round(percentile(server, 99)), target_server_ms: 5,
    client_p50_ms: round(percentile(samples, 50)), client_p99_ms: round(percentile(samples, 99)),
  };
}

async function parallel(total, concurrency, fn) {
  let next = 0;
  const workers = Array.from({ length: concurrency }, async () => {
    while (next < total) { const i = next++; await fn(i); }
  });
  await Promise.all(workers);
}

export async function writesPerSecond(url, n = 2000, concurrency = 16) {
  const c = await newCluster(url);
  const t = performance.now();
  await parallel(n, concurrency, async (i) => {
    const r = await c.kube("POST", "/api/v1/namespaces/default/configmaps", { metadata: { name: `cm${i}` }, data: { k: String(i) } });
    await r.arrayBuffer();
    if (r.status !== 201) throw new Error(`create failed ${r.status}`);
  });
  const s = (performance.now() - t) / 1000;
  return { n, concurrency, seconds: round(s), writes_per_second: Math.round(n / s) };
}

export async function list10k(url, n = 10_000) {
  const c = await newCluster(url);
  await parallel(n, 32, async (i) => {
    const r = await c.kube("POST", "/api/v1/namespaces/default/pods", podBody(`pod-${String(i).padStart(5, "0")}`));
    await r.arrayBuffer();
    if (r.status !== 201) throw new Error(`create failed ${r.status}`);
  });
  const runs = [];
  // As kubectl pages (--chunk-size 500): JSON, and the server-side Table `kubectl get` asks for.
  const pageAll = async (accept) => {
    const runs = [];
    for (let k = 0; k < 3; k++) {
      const t = performance.now();
      let cont = "";
      let items = 0;
      let pages = 0;
      let server = 0;
      let bytes = 0;
      do {
        const r = await c.kube("GET", `/api/v1/namespaces/default/pods?limit=500${cont ? `&continue=${encodeURIComponent(cont)}` : ""}`, undefined, { accept });
        server += serverMs(r);
        const text = await r.text();
        bytes += text.length;
        const body = JSON.parse(text);
        items += (body.items ?? body.rows).length;
        pages++;
        cont = body.metadata.continue ?? "";
      } while (cont);
      runs.push({ ms: performance.now() - t, server, items, pages, bytes });
    }
    const best = runs.reduce((a, b) => (a.server < b.server ? a : b));
    return {
      pods: best.items, pages: best.pages, megabytes: round(best.bytes / 2 ** 20),
      server_ms: round(best.server), client_ms: round(best.ms), server_runs_ms: runs.map((r) => round(r.server)),
    };
  };
  const json = await pageAll("application/json");
  const table = await pageAll("application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
  return { target_server_ms: 100, json, table };
}

export async function watchLatency(url, n = 200) {
  const c = await newCluster(url);
  await (await c.kube("POST", "/api/v1/namespaces/default/configmaps", { metadata: { name: "w" }, data: { i: "0" } })).arrayBuffer();
  const res = await c.kube("GET", "/api/v1/namespaces/default/configmaps?watch=true&fieldSelector=metadata.name%3Dw&resourceVersion=0");
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buf = "";
  const waiters = new Map();
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buf += decoder.decode(value, { stream: true });
      let i;
      while ((i = buf.indexOf("\n")) >= 0) {
        const ev = JSON.parse(buf.slice(0, i));
        buf = buf.slice(i + 1);
        const w = waiters.get(ev.object?.data?.i);
        if (w) { waiters.delete(ev.object.data.i); w(performance.now()); }
      }
    }
  })();
  const samples = [];
  for (let i = 1; i <= n; i++) {
    const arrived = new Promise((r) => waiters.set(String(i), r));
    const t = performance.now();
    const r = await c.kube("PATCH", "/api/v1/namespaces/default/configmaps/w", { data: { i: String(i) } }, { "content-type": "application/merge-patch+json" });
    await r.arrayBuffer();
    samples.push((await arrived) - t);
  }
  await reader.cancel();
  await pump.catch(() => {});
  return { n, p50_ms: round(percentile(samples, 50)), p99_ms: round(percentile(samples, 99)) };
}

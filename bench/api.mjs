// API benchmarks: create-pod latency, writes per second, a paginated list of 10,000 pods and
// watch delivery latency, measured from a client over loopback (workerd's clocks do not advance
// during synchronous work, so the client's view is the honest one).
import { newCluster, percentile, round } from "./server.mjs";

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
  for (let i = 0; i < n; i++) {
    const { ms, r } = await timed(() => c.kube("POST", "/api/v1/namespaces/default/pods", podBody(`p${i}`)));
    if (r.status !== 201) throw new Error(`create failed ${r.status}`);
    await r.arrayBuffer();
    samples.push(ms);
  }
  return { n, p50_ms: round(percentile(samples, 50)), p99_ms: round(percentile(samples, 99)), target_p50_ms: 5 };
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
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    let cont = "";
    let items = 0;
    let pages = 0;
    do {
      const r = await c.kube("GET", `/api/v1/namespaces/default/pods?limit=500${cont ? `&continue=${encodeURIComponent(cont)}` : ""}`);
      const body = await r.json();
      items += body.items.length;
      pages++;
      cont = body.metadata.continue ?? "";
    } while (cont);
    runs.push({ ms: performance.now() - t, items, pages });
  }
  const best = runs.reduce((a, b) => (a.ms < b.ms ? a : b));
  return { pods: best.items, pages: best.pages, best_ms: round(best.ms), runs_ms: runs.map((r) => round(r.ms)), target_ms: 100 };
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

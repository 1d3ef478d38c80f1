// Load test (loopback only, bounded): 200 clusters over 20 accounts (10 clusters each, the
// account quota), then a mixed kubectl-like workload on all of them at once: Table lists,
// creates, gets, patches and short watches. Reports errors (429s counted apart: they are the
// rate limiter working) and latency percentiles.
import { percentile, round } from "./server.mjs";

const TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";

async function parallel(items, concurrency, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) { const i = next++; await fn(items[i], i); }
  }));
}

export async function loadTest(url, { accounts = 20, clustersPerAccount = 10, opsPerCluster = 20, concurrency = 32 } = {}) {
  const latencies = [];
  const watches = [];
  const errors = { http: 0, rateLimited: 0, network: 0, samples: [] };
  const call = async (method, path, token, body, headers = {}) => {
    const t = performance.now();
    const isWatch = path.includes("watch=true");
    try {
      const r = await fetch(url + path, {
        method, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      await r.arrayBuffer();
      if (!isWatch) latencies.push(performance.now() - t);
      if (r.status === 429) errors.rateLimited++;
      else if (r.status >= 400) { errors.http++; if (errors.samples.length < 5) errors.samples.push(`${method} ${path} ${r.status}`); }
      return r.status;
    } catch (e) {
      errors.network++;
      return 0;
    }
  };
  const t0 = performance.now();
  const accts = [];
  for (let a = 0; a < accounts; a++) {
    const r = await fetch(`${url}/v1/accounts`, { method: "POST", body: "{}" });
    accts.push((await r.json()).token);
  }
  const clusters = [];
  await parallel(accts.flatMap((tok) => Array.from({ length: clustersPerAccount }, () => tok)), 8, async (tok) => {
    const t = performance.now();
    const r = await fetch(`${url}/v1/clusters`, { method: "POST", body: "{}", headers: { authorization: `Bearer ${tok}` } });
    const c = await r.json();
    if (r.status === 201) clusters.push({ id: c.id, token: c.token, createMs: performance.now() - t });
    else { errors.http++; if (errors.samples.length < 5) errors.samples.push(`create cluster ${r.status}`); }
  });
  const createSeconds = (performance.now() - t0) / 1000;
  // Each cluster runs its operations in order (as one kubectl user would); clusters run at once.
  const t1 = performance.now();
  await parallel(clusters, concurrency, async (c) => {
    const base = `/clusters/${c.id}`;
    const watch = call("GET", `${base}/api/v1/nodes?watch=true&timeoutSeconds=2`, c.token);
    for (let i = 0; i < opsPerCluster / 4; i++) {
      await call("GET", `${base}/api/v1/namespaces/default/pods?limit=500`, c.token, undefined, { accept: TABLE });
      await call("POST", `${base}/api/v1/namespaces/default/configmaps`, c.token, { metadata: { name: `cm-${i}` }, data: { i: String(i) } });
      await call("GET", `${base}/api/v1/namespaces/default/configmaps/cm-${i}`, c.token);
      await call("PATCH", `${base}/api/v1/namespaces/default/configmaps/cm-${i}`, c.token, { data: { patched: "yes" } }, { "content-type": "application/merge-patch+json" });
    }
    watches.push(watch);
  });
  await Promise.all(watches);
  const workSeconds = (performance.now() - t1) / 1000;
  const createMs = clusters.map((c) => c.createMs);
  const single = [];
  const solo = (await (await fetch(`${url}/v1/accounts`, { method: "POST", body: "{}" })).json()).token;
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    const r = await fetch(`${url}/v1/clusters`, { method: "POST", body: "{}", headers: { authorization: `Bearer ${solo}` } });
    await r.arrayBuffer();
    single.push(performance.now() - t);
    if (r.status !== 201) break;
  }
  return {
    clusters: clusters.length,
    cluster_create_alone_ms: round(percentile(single, 50)),
    cluster_create_p50_ms: round(percentile(createMs, 50)),
    cluster_create_p99_ms: round(percentile(createMs, 99)),
    clusters_created_in_s: round(createSeconds),
    requests: latencies.length,
    requests_per_second: Math.round(latencies.length / workSeconds),
    p50_ms: round(percentile(latencies, 50)),
    p99_ms: round(percentile(latencies, 99)),
    errors: errors.http + errors.network,
    rate_limited_429: errors.rateLimited,
    error_samples: errors.samples,
    target_errors: 0,
  };
}

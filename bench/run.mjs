#!/usr/bin/env node
// `npm run bench`: starts Podlab locally and prints one JSON document of measurements.
// Targets are printed beside each number; compare ratios within one run (machines are shared).
import { startServer } from "./server.mjs";
import { createPodLatency, list10k, watchLatency, writesPerSecond } from "./api.mjs";
import { loadTest } from "./load.mjs";
import { schedulerBench } from "./scheduler-run.mjs";
import { heapBench } from "./heap-run.mjs";
import { createToRunning, idleCluster } from "./lifecycle.mjs";

const results = { started: new Date().toISOString(), node: process.version };
results.scheduler = await schedulerBench();
results.heap_10k_pods = await heapBench();
const server = await startServer();
try {
  results.create_pod = await createPodLatency(server.url);
  results.writes = await writesPerSecond(server.url);
  results.watch_delivery = await watchLatency(server.url);
  results.list_10k_pods = await list10k(server.url);
  results.load_200_clusters = await loadTest(server.url);
  results.idle_cluster = await idleCluster(server.url);
} catch (e) {
  results.error = String(e?.stack ?? e);
} finally {
  await server.stop();
}
if (!results.error) {
  // The fast timing profile at 1x: a second server, as `wrangler dev --var PODLAB_PROFILE:fast`.
  const fast = await startServer(["--var", "PODLAB_PROFILE:fast"]);
  try {
    results.create_to_running = await createToRunning(fast.url);
  } catch (e) {
    results.error = String(e?.stack ?? e);
  } finally {
    await fast.stop();
  }
}
console.log(JSON.stringify(results, null, 2));
process.exit(results.error ? 1 : 0);

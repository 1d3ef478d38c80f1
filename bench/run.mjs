#!/usr/bin/env node
// `npm run bench`: starts Podlab locally and prints one JSON document of measurements.
// Targets are printed beside each number; compare ratios within one run (machines are shared).
import { startServer } from "./server.mjs";
import { createPodLatency, list10k, watchLatency, writesPerSecond } from "./api.mjs";
import { loadTest } from "./load.mjs";
import { schedulerBench } from "./scheduler-run.mjs";

const results = { started: new Date().toISOString(), node: process.version };
results.scheduler = await schedulerBench();
const server = await startServer();
try {
  results.create_pod = await createPodLatency(server.url);
  results.writes = await writesPerSecond(server.url);
  results.watch_delivery = await watchLatency(server.url);
  results.list_10k_pods = await list10k(server.url);
  results.load_200_clusters = await loadTest(server.url);
} catch (e) {
  results.error = String(e?.stack ?? e);
} finally {
  await server.stop();
}
console.log(JSON.stringify(results, null, 2));
process.exit(results.error ? 1 : 0);

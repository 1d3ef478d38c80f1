// Scheduler throughput for `npm run bench`: bundles bench/scheduler.ts with esbuild (resolved from
// this repository) and runs it at 100 and 1,000 nodes. Run alone: `node bench/scheduler-run.mjs`.
import { build } from "esbuild";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));

/** Pods scheduled per second at 100 nodes (target ≥ 1,000/s) and 1,000 nodes (target ≥ 500/s). */
export async function schedulerBench() {
  const outfile = join(tmpdir(), `podlab-sched-bench-${process.pid}.mjs`);
  await build({ entryPoints: [join(here, "scheduler.ts")], bundle: true, platform: "node", format: "esm", outfile, logLevel: "error" });
  const m = await import(pathToFileURL(outfile).href);
  m.schedulerThroughput(100, 200); // warm-up
  const at100 = m.schedulerThroughput(100, 2000);
  const at1000 = m.schedulerThroughput(1000, 1000);
  return {
    nodes_100: { ...at100, target_pods_per_second: 1000 },
    nodes_1000: { ...at1000, target_pods_per_second: 500 },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(JSON.stringify(await schedulerBench(), null, 2));
}

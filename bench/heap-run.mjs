// Heap at 10,000 pods for `npm run bench`: bundles bench/heap.ts and measures it in a child Node
// started with --expose-gc (so the numbers are after a full collection).
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));

export async function heapBench() {
  const outfile = join(tmpdir(), `podlab-heap-bench-${process.pid}.mjs`);
  await build({ entryPoints: [join(here, "heap.ts")], bundle: true, platform: "node", format: "esm", outfile, logLevel: "error" });
  const script = `import("${outfile}").then((m) => { const r = m.schedulerHeap(10000, 100); delete r.keep; console.log(JSON.stringify(r)); })`;
  const out = execFileSync(process.execPath, ["--expose-gc", "--input-type=module", "-e", script], { encoding: "utf8" });
  return JSON.parse(out.trim().split("\n").pop());
}

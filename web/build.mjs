#!/usr/bin/env node
// Bundles the web page (web/src/main.ts with @xterm/xterm, its fit add-on and their CSS) into
// web/public/build/, which the Worker serves as static assets. No CDN: everything the page loads
// comes from the Worker. Runs before `wrangler dev` and `wrangler deploy` ([build] in wrangler.toml).
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const web = dirname(fileURLToPath(import.meta.url));
const result = await build({
  entryPoints: { app: join(web, "src/main.ts") },
  outdir: join(web, "public/build"),
  bundle: true,
  format: "esm",
  target: "es2020",
  minify: true,
  sourcemap: false,
  legalComments: "none",
  metafile: true,
  logLevel: "warning",
  nodePaths: (process.env.NODE_PATH ?? "").split(":").filter(Boolean),
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`web: bundled ${Object.keys(result.metafile.outputs).length} files, ${bytes} bytes`);

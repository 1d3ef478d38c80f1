#!/usr/bin/env node
// `npm start`: serves Podlab locally with `wrangler dev` on https://127.0.0.1:$PORT (default 8787),
// self-signed and offline, state kept under .wrangler/state across restarts.
import { spawn } from "node:child_process";

const port = process.env.PORT ?? "8787";
const origin = `https://127.0.0.1:${port}`;
const args = [
  "wrangler", "dev", "--local-protocol", "https", "--ip", "127.0.0.1", "--port", port,
  "--persist-to", process.env.PODLAB_PERSIST ?? ".wrangler/state", "--show-interactive-dev-session=false", "--inspector-port", "0",
  ...process.argv.slice(2),
];
// Offline by design: no metrics, and no fetch of the Request.cf sample data (Podlab reads none of it).
const env = { CLOUDFLARE_CF_FETCH_ENABLED: "false", ...process.env, WRANGLER_SEND_METRICS: "false" };
const child = spawn("npx", args, { stdio: ["ignore", "pipe", "pipe"], env });

let told = false;
const onOutput = (chunk, out) => {
  out.write(chunk);
  if (!told && /Ready on/.test(String(chunk))) {
    told = true;
    out.write(`
Podlab is running at ${origin}  (open it in a browser, or use kubectl:)

  npm run cluster                       # signs up, creates a cluster, writes ./podlab.kubeconfig
  export KUBECONFIG=$PWD/podlab.kubeconfig
  kubectl get nodes

Or by hand:
  TOKEN=$(curl -sk -X POST ${origin}/v1/accounts | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
  curl -sk -X POST -H "Authorization: Bearer $TOKEN" ${origin}/v1/clusters -d '{"name":"demo"}'

`);
  }
};
child.stdout.on("data", (c) => onOutput(c, process.stdout));
child.stderr.on("data", (c) => onOutput(c, process.stderr));
const stop = () => child.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
child.on("exit", (code) => process.exit(code ?? 0));

// Starts Podlab the README way on a free port with its own state directory, for benchmarks.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on("error", reject);
  });
}

export async function startServer(extraArgs = []) {
  const port = await freePort();
  const state = mkdtempSync(join(tmpdir(), "podlab-bench-"));
  const child = spawn("node", ["scripts/start.mjs", "--var", "PODLAB_API_RATE:1000000", "--var", "PODLAB_SERVER_TIMING:on", ...extraArgs], {
    detached: true, stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: String(port), PODLAB_PERSIST: state },
  });
  let log = "";
  await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`server not ready:\n${log}`)), 120_000);
    const on = (c) => { log += c; if (log.includes("Podlab is running at")) { clearTimeout(t); resolve(); } };
    child.stdout.on("data", on);
    child.stderr.on("data", on);
  });
  return {
    url: `https://127.0.0.1:${port}`,
    async stop() {
      try { process.kill(-child.pid, "SIGTERM"); } catch {}
      await new Promise((r) => setTimeout(r, 500));
      try { process.kill(-child.pid, "SIGKILL"); } catch {}
      rmSync(state, { recursive: true, force: true });
    },
  };
}

export async function newCluster(url) {
  const acct = await (await fetch(`${url}/v1/accounts`, { method: "POST", body: "{}" })).json();
  const r = await fetch(`${url}/v1/clusters`, { method: "POST", body: "{}", headers: { authorization: `Bearer ${acct.token}` } });
  const c = await r.json();
  const base = `${url}/clusters/${c.id}`;
  const kube = (method, path, body, headers = {}) => fetch(base + path, {
    method, headers: { authorization: `Bearer ${c.token}`, "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { ...c, base, kube };
}

export function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** The cluster's time for a response (ms), from its Server-Timing header (PODLAB_SERVER_TIMING). */
export function serverMs(res) {
  const m = /cluster;dur=([\d.]+)/.exec(res.headers.get("server-timing") ?? "");
  if (!m) throw new Error("response without Server-Timing: start the server with --var PODLAB_SERVER_TIMING:on");
  return Number(m[1]);
}

export const round = (x) => Math.round(x * 100) / 100;

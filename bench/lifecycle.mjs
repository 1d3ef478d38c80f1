// Pod lifecycle benchmarks: real time from `kubectl run` to Running at 1x with the fast timing
// profile, and what an idle cluster keeps scheduled (timers, alarm) once it has settled.
import { newCluster, percentile, round } from "./server.mjs";

async function waitFor(fn, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function createToRunning(url, n = 10) {
  const c = await newCluster(url);
  const samples = [];
  for (let i = 0; i < n; i++) {
    const name = `run${i}`;
    const t = performance.now();
    const r = await c.kube("POST", "/api/v1/namespaces/default/pods", {
      metadata: { name }, spec: { containers: [{ name, image: "nginx:1.27" }], restartPolicy: "Never" },
    });
    await r.arrayBuffer();
    await waitFor(async () => {
      const p = await (await c.kube("GET", `/api/v1/namespaces/default/pods/${name}`)).json();
      return p.status?.phase === "Running";
    }, 60_000);
    samples.push(performance.now() - t);
  }
  return { pods: n, profile: "fast", speed: 1, p50_ms: round(percentile(samples, 50)), max_ms: round(Math.max(...samples)) };
}

export async function idleCluster(url, settleMs = 3000) {
  const acct = await (await fetch(`${url}/v1/accounts`, { method: "POST", body: "{}" })).json();
  const c = await (await fetch(`${url}/v1/clusters`, { method: "POST", body: "{}", headers: { authorization: `Bearer ${acct.token}` } })).json();
  const clock = async (body) => (await fetch(`${url}/v1/clusters/${c.id}/clock`, {
    method: body ? "POST" : "GET", body: body ? JSON.stringify(body) : undefined, headers: { authorization: `Bearer ${acct.token}` },
  })).json();
  await new Promise((r) => setTimeout(r, settleMs));
  const fresh = await clock();
  await clock({ action: "step", seconds: 600 });
  const after = await clock();
  return { pending_timers_at_creation: fresh.pendingTimers, pending_timers_after_10_min: after.pendingTimers, target: 0 };
}

// Container probes (pkg/kubelet/prober: worker.go, prober.go, results): startup, then liveness
// and readiness, each on its period after initialDelaySeconds, counting consecutive results
// against failureThreshold/successThreshold. Probes run against the simulated program: httpGet
// and tcpSocket reach the ports it listens on, exec runs the command through the program
// evaluator, grpc checks the port. Unhealthy events and the liveness/startup kill use the
// kubelet's wording. A probe whose result can no longer change needs no timer.
import type { KObject } from "../apiserver/registry/types";
import { resolveImage } from "./images";
import { runProgram } from "./runtime/program";
import { runScript } from "./runtime/script";
import type { ContainerRecord } from "./state";
import type { WorkerContext } from "./containers";

type Kind = "startup" | "liveness" | "readiness";
const LABEL: Record<Kind, string> = { startup: "Startup", liveness: "Liveness", readiness: "Readiness" };
const SERVES_ROOT = new Set(["docker.io/library/nginx", "docker.io/library/httpd"]);
const HEALTH_PATHS = new Set(["/livez", "/readyz", "/healthz", "/health", "/ready"]);

interface Counter { failures: number; successes: number; next?: number; ok?: boolean }

function portOf(spec: KObject, port: unknown): number {
  if (typeof port === "number") return port;
  const named = ((spec.ports ?? []) as KObject[]).find((p) => p.name === port);
  return named ? Number(named.containerPort) : Number(port);
}

/** One probe's outcome against the program at time `t`: undefined on success, else the failure output. */
export function probeOutcome(spec: KObject, probe: KObject, env: Record<string, string>, startedAt: number, t: number, ip: string): string | undefined {
  const image = resolveImage(spec.image);
  if (!image.ok) return "image not found";
  const listens = runProgram(spec as never, image.image, env, startedAt, t).listens;
  if (probe.exec) {
    const argv = (probe.exec.command ?? []) as string[];
    const script = argv[0]?.endsWith("sh") && argv[1] === "-c" ? argv[2] ?? "" : argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
    const run = runScript(script, env, t, t + (probe.timeoutSeconds ?? 1) * 1000);
    if (run.exit?.code === 0) return undefined;
    return run.lines.map((l) => l.text).join("");
  }
  if (probe.httpGet) {
    const port = portOf(spec, probe.httpGet.port);
    const host = probe.httpGet.host ?? ip;
    const path = probe.httpGet.path ?? "/";
    const scheme = (probe.httpGet.scheme ?? "HTTP").toLowerCase();
    if (!listens.includes(port)) return `Get "${scheme}://${host}:${port}${path}": dial tcp ${host}:${port}: connect: connection refused`;
    const ok = HEALTH_PATHS.has(path) ? image.image.name.startsWith("registry.k8s.io/") : SERVES_ROOT.has(image.image.name) && (path === "/" || path === "/index.html");
    return ok ? undefined : "HTTP probe failed with statuscode: 404";
  }
  if (probe.tcpSocket) {
    const port = portOf(spec, probe.tcpSocket.port);
    const host = probe.tcpSocket.host ?? ip;
    return listens.includes(port) ? undefined : `dial tcp ${host}:${port}: connect: connection refused`;
  }
  if (probe.grpc) {
    const port = Number(probe.grpc.port);
    return listens.includes(port) ? undefined : `timeout: failed to connect service "${ip}:${port}" within ${probe.timeoutSeconds ?? 1}s`;
  }
  return undefined;
}

/** Runs the probes due by now; may plan the container's kill (liveness/startup failure). */
export function runProbes(w: WorkerContext, spec: KObject, c: ContainerRecord, ip: string): void {
  const a = c.current;
  if (!a || a.finishedAt !== undefined || a.killedFor) return;
  const probes = c.probes as Record<Kind, Counter | undefined> & { startupDoneAt?: number };
  const env = w.env(spec, undefined);
  for (const kind of ["startup", "liveness", "readiness"] as Kind[]) {
    const probe = spec[`${kind}Probe`] as KObject | undefined;
    if (!probe) continue;
    if (kind !== "startup" && spec.startupProbe && probes.startupDoneAt === undefined) continue;
    if (kind === "startup" && probes.startupDoneAt !== undefined) continue;
    const period = (probe.periodSeconds ?? 10) * 1000;
    const st: Counter = (probes[kind] ??= { failures: 0, successes: 0 });
    st.next ??= (kind === "startup" ? a.startedAt : probes.startupDoneAt ?? a.startedAt) + (probe.initialDelaySeconds ?? 0) * 1000;
    while ((st.next ?? Infinity) <= w.now) {
      const t: number = st.next!;
      const fail = probeOutcome(spec, probe, env, a.startedAt, t, ip);
      st.next = t + period;
      if (fail === undefined) {
        st.failures = 0;
        st.successes++;
        if (st.successes >= (probe.successThreshold ?? 1)) st.ok = true;
        if (kind === "startup" && st.ok) { probes.startupDoneAt = t; break; }
        continue;
      }
      st.successes = 0;
      st.failures++;
      w.recorder.event({ kind: "Pod", apiVersion: "v1", metadata: w.pod.metadata }, "Warning", "Unhealthy", `${LABEL[kind]} probe failed: ${fail}`, { fieldPath: `spec.containers{${c.name}}` });
      if (st.failures >= (probe.failureThreshold ?? 3)) {
        if (kind === "readiness") st.ok = false;
        else { kill(w, spec, c, kind, t); return; }
      }
    }
    // A settled passing probe keeps passing against a program that only starts listening.
    if (!(st.ok && st.failures === 0 && kind !== "startup")) w.due(st.next);
  }
}

function kill(w: WorkerContext, spec: KObject, c: ContainerRecord, kind: Kind, t: number): void {
  const a = c.current!;
  w.recorder.event({ kind: "Pod", apiVersion: "v1", metadata: w.pod.metadata }, "Normal", "Killing", `Container ${c.name} failed ${kind} probe, will be restarted`, { fieldPath: `spec.containers{${c.name}}` });
  const image = resolveImage(spec.image);
  const stops = image.ok && runProgram(spec as never, image.image, {}, a.startedAt, a.startedAt).stopsOnTerm;
  const grace = (w.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
  const at = stops ? t + Math.min(100, grace) : t + grace;
  if (!a.plannedExit || a.plannedExit.at > at) a.plannedExit = { at, code: stops ? 0 : 137, reason: stops ? "Completed" : "Error" };
  a.killedFor = kind === "liveness" ? "liveness" : "startup";
  a.horizonAt = undefined;
  w.due(at);
}

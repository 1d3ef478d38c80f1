// What the kubelet runs against a container for probes and lifecycle hooks: exec in the
// container (its file tree, through the runtime), httpGet to the program's HTTP handler, tcpSocket
// and grpc to its open ports, sleep. Results carry the upstream wording: the probers'
// failure outputs (pkg/probe/http, tcp, exec) and the handler runner's hook error messages
// (pkg/kubelet/lifecycle/handlers.go).
import type { KObject } from "../apiserver/registry/types";
import type { ContainerRuntime } from "./containerd/runtime";

export interface ActionTarget {
  rt: ContainerRuntime;
  cid: string;
  spec: KObject;
  /** The pod's IP (the default host of httpGet/tcpSocket). */
  ip: string;
  at: number;
}

export function resolvePort(spec: KObject, port: number | string | undefined, dflt = 80): number {
  if (port === undefined || port === "") return dflt;
  if (typeof port === "number" || /^\d+$/.test(String(port))) return Number(port);
  const named = ((spec.ports ?? []) as KObject[]).find((p) => p.name === port);
  return named ? Number(named.containerPort) : -1;
}

/** The node's address on the pod network (the probe's source address as servers log it). */
function gateway(ip: string): string {
  return ip.replace(/\.\d+$/, ".1");
}

/** An httpGet action: undefined when refused (or not HTTP), else the status code. */
async function httpGet(t: ActionTarget, get: KObject, userAgent: string): Promise<{ url: string; status?: number; error?: string }> {
  const port = resolvePort(t.spec, get.port);
  const host = get.host ?? t.ip;
  const path = String(get.path ?? "/");
  const scheme = String(get.scheme ?? "HTTP").toLowerCase();
  const url = `${scheme}://${host}:${port}${path.startsWith("/") ? path : `/${path}`}`;
  const headers: Record<string, string> = { "User-Agent": userAgent, Accept: "*/*", "X-Remote-Addr": gateway(t.ip) };
  for (const h of (get.httpHeaders ?? []) as KObject[]) headers[h.name] = h.value;
  const res = await t.rt.http(t.cid, port, { method: "GET", url, headers });
  if (res === "refused") return { url, error: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` };
  if (res === "malformed") return { url, error: `Get "${url}": net/http: HTTP/1.x transport connection broken: malformed HTTP response` };
  return { url, status: res.status };
}

/** One probe attempt (pkg/kubelet/prober/prober.go runProbe): success, or the failure output. */
export async function probeOnce(t: ActionTarget, probe: KObject): Promise<{ ok: boolean; output: string }> {
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
  if (probe.exec) {
    const argv = (probe.exec.command ?? []) as string[];
    const run = await t.rt.exec(t.cid, argv, t.at, { limitMs: timeoutMs });
    if (!run) return { ok: false, output: "container not running" };
    if (run.code === undefined) return { ok: false, output: `command ${JSON.stringify(argv.join(" "))} timed out` };
    return { ok: run.code === 0, output: run.output };
  }
  if (probe.httpGet) {
    const r = await httpGet(t, probe.httpGet, "kube-probe/1.32");
    if (r.error) return { ok: false, output: r.error };
    return r.status! >= 200 && r.status! < 400 ? { ok: true, output: "" } : { ok: false, output: `HTTP probe failed with statuscode: ${r.status}` };
  }
  if (probe.tcpSocket) {
    const port = resolvePort(t.spec, probe.tcpSocket.port);
    const host = probe.tcpSocket.host ?? t.ip;
    return t.rt.listens(t.cid, port) ? { ok: true, output: "" } : { ok: false, output: `dial tcp ${host}:${port}: connect: connection refused` };
  }
  if (probe.grpc) {
    const port = Number(probe.grpc.port);
    return t.rt.listens(t.cid, port) ? { ok: true, output: "" } : { ok: false, output: `timeout: failed to connect service "${t.ip}:${port}" within ${probe.timeoutSeconds ?? 1}s` };
  }
  return { ok: true, output: "" };
}

/** format.Pod: name_namespace(uid). */
export function formatPod(pod: KObject): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}

/**
 * A lifecycle handler (HandlerRunner.Run): how long it ran and, when it failed, the runner's
 * message. `limitMs` bounds it (preStop: the grace period).
 */
export async function runHook(t: ActionTarget, pod: KObject, handler: KObject, limitMs: number): Promise<{ endAt: number; error?: string }> {
  const name = t.spec.name as string;
  if (handler.exec) {
    const argv = (handler.exec.command ?? []) as string[];
    const run = await t.rt.exec(t.cid, argv, t.at, { limitMs });
    if (!run) return { endAt: t.at, error: `Exec lifecycle hook ([${argv.join(" ")}]) for Container "${name}" in Pod "${formatPod(pod)}" failed - error: container not running, message: ""` };
    if (run.code === 0 || run.code === undefined) return { endAt: run.endAt };
    const err = `command '${argv.join(" ")}' exited with ${run.code}: ${run.stderr}`;
    return { endAt: run.endAt, error: `Exec lifecycle hook ([${argv.join(" ")}]) for Container "${name}" in Pod "${formatPod(pod)}" failed - error: ${err}, message: ${JSON.stringify(run.output)}` };
  }
  if (handler.httpGet) {
    const r = await httpGet(t, handler.httpGet, "kube-lifecycle/1.32");
    return r.error ? { endAt: t.at, error: `HTTP lifecycle hook (${handler.httpGet.path ?? ""}) for Container "${name}" in Pod "${formatPod(pod)}" failed - error: ${r.error}` } : { endAt: t.at };
  }
  if (handler.sleep) return { endAt: t.at + Math.min(limitMs, Number(handler.sleep.seconds ?? 0) * 1000) };
  return { endAt: t.at, error: `Cannot run handler: invalid handler: ${JSON.stringify(handler)}` };
}

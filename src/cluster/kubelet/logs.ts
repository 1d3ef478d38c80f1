// `kubectl logs` as the kubelet serves it (pkg/kubelet/kubelet_pods.go GetContainerLogs and
// validateContainerLogStatus; pkg/kubelet/kuberuntime/logs ReadLogs): picks the container
// instance (current or --previous) from the pod status, reads what it wrote from the runtime's
// log table (a running container is first caught up to now), and applies sinceSeconds/sinceTime,
// tailLines, limitBytes and timestamps.
// Errors use the kubelet's wording, returned by the API server as 400 BadRequest.
import type { KObject } from "../apiserver/registry/types";
import { badRequest } from "../apiserver/status";
import type { ContainerRuntime } from "./containerd/runtime";
import type { LogLine } from "./containerd/log-table";
import type { Attempt, PodRecord } from "./state";

/** The container instance whose logs are asked for, or the kubelet's error. */
export function pickAttempt(pod: KObject, rec: PodRecord | undefined, container: string, previous: boolean): Attempt {
  const podName = pod.metadata.name;
  const all = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.ephemeralContainerStatuses ?? [])] as KObject[];
  const cs = all.find((s) => s.name === container);
  if (!cs) throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: ContainerCreating`);
  const byId = (cid: string | undefined) => {
    const id = (cid ?? "").replace(/^containerd:\/\//, "");
    const c = rec?.containers[container];
    return [c?.current, c?.previous].find((a) => a && a.id === id);
  };
  const last = cs.lastState?.terminated;
  let cid: string | undefined;
  if (previous) {
    if (!last?.containerID) throw badRequest(`previous terminated container "${container}" in pod "${podName}" not found`);
    cid = last.containerID;
  } else if (cs.state?.running) cid = cs.state.running.containerID ?? cs.containerID;
  else if (cs.state?.terminated) {
    cid = cs.state.terminated.containerID || last?.containerID;
    if (!cid) throw badRequest(`container "${container}" in pod "${podName}" is terminated`);
  } else if (last) {
    if (!last.containerID) throw badRequest(`container "${container}" in pod "${podName}" is terminated`);
    cid = last.containerID;
  } else if (cs.state?.waiting) {
    const reason = cs.state.waiting.reason;
    if (reason === "ErrImagePull") throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: image can't be pulled`);
    if (reason === "ImagePullBackOff") throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: trying and failing to pull image`);
    throw badRequest(`container "${container}" in pod "${podName}" is waiting to start: ${reason}`);
  } else throw badRequest(`container "${container}" in pod "${podName}" is waiting to start - no logs yet`);
  const a = byId(cid);
  if (!a) throw badRequest(`container "${container}" in pod "${podName}" is waiting to start - no logs yet`);
  return a;
}

/** Every line the attempt wrote up to `now` (or its end). */
export async function attemptLines(rt: ContainerRuntime, a: Attempt, now: number): Promise<LogLine[]> {
  const end = Math.min(now, a.finishedAt ?? now);
  if (a.finishedAt === undefined) await rt.advance(a.id, end);
  return rt.lines(a.id, end);
}

/** RFC3339Nano as the kubelet prints CRI log timestamps (trailing zeros trimmed). */
export function logTimestamp(at: number, seq: number): string {
  const iso = new Date(at).toISOString();
  const sub = String((at % 1000) * 1_000_000 + ((seq * 7919 + 104_729) % 999_983)).padStart(9, "0").replace(/0+$/, "");
  return `${iso.slice(0, 19)}${sub ? `.${sub}` : ""}Z`;
}

export interface LogOptions { tailLines?: number; sinceMs?: number; timestamps: boolean; limitBytes?: number }

export function logOptions(q: URLSearchParams, now: number): LogOptions {
  const num = (k: string) => (q.has(k) ? Number(q.get(k)) : undefined);
  const since = num("sinceSeconds");
  const sinceTime = q.get("sinceTime");
  return {
    tailLines: num("tailLines"),
    sinceMs: since !== undefined ? now - since * 1000 : sinceTime ? Date.parse(sinceTime) : undefined,
    timestamps: q.get("timestamps") === "true",
    limitBytes: num("limitBytes"),
  };
}

export function formatLines(lines: LogLine[], o: LogOptions, offset = 0): string {
  let sel = lines.map((l, i) => ({ l, i: i + offset }));
  if (o.sinceMs !== undefined) sel = sel.filter((x) => x.l.at >= o.sinceMs!);
  if (o.tailLines !== undefined && o.tailLines >= 0) sel = sel.slice(Math.max(0, sel.length - o.tailLines));
  let text = sel.map((x) => (o.timestamps ? `${logTimestamp(x.l.at, x.i)} ${x.l.text}` : x.l.text)).join("");
  if (o.limitBytes !== undefined && o.limitBytes >= 0) text = new TextDecoder().decode(new TextEncoder().encode(text).slice(0, o.limitBytes));
  return text;
}

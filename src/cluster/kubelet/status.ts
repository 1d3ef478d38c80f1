// The pod status the kubelet writes (pkg/kubelet/kubelet_pods.go generateAPIPodStatus,
// getPhase, convertToAPIContainerStatuses; pkg/kubelet/status/generate.go for the conditions):
// phase, the conditions in upstream order (PodReadyToStartContainers, Initialized, Ready,
// ContainersReady, then PodScheduled kept from the scheduler), container statuses with
// state/lastState/ready/started/image/imageID/containerID/volumeMounts (ephemeral containers:
// never ready, no started), IPs and startTime.
import type { KObject } from "../apiserver/registry/types";
import { rfc3339 } from "../apiserver/object-meta";
import type { Attempt, ContainerRecord, PodRecord } from "./state";

const ts = (ms: number) => rfc3339(new Date(ms));

function terminated(a: Attempt): KObject {
  const t: KObject = { containerID: `containerd://${a.id}`, exitCode: a.exitCode ?? 0, finishedAt: ts(a.finishedAt!), reason: a.reason ?? "Error", startedAt: ts(a.startedAt) } as never;
  if (a.message) (t as Record<string, unknown>).message = a.message;
  return t;
}

function isReady(c: ContainerRecord, spec: KObject): boolean {
  const a = c.current;
  if (!a || a.finishedAt !== undefined || a.postStart) return false;
  if (spec.readinessProbe) return (c.probes.readiness as { ok?: boolean } | undefined)?.ok ?? false;
  return isStarted(c, spec);
}

function isStarted(c: ContainerRecord, spec: KObject): boolean {
  const a = c.current;
  if (!a || a.finishedAt !== undefined || a.postStart) return false;
  return spec.startupProbe ? (c.probes as { startupDoneAt?: number }).startupDoneAt !== undefined : true;
}

/** An ephemeral container's status has no `started` and is never ready (the prober manager skips it). */
function containerStatus(c: ContainerRecord | undefined, spec: KObject, ephemeral = false): KObject {
  const s: Record<string, unknown> = {};
  const a = c?.current;
  if (a && a.finishedAt === undefined) s.containerID = `containerd://${a.id}`;
  else if (a && !c?.waiting) s.containerID = `containerd://${a.id}`;
  s.image = c?.imageRef ?? spec.image;
  s.imageID = c?.imageId ?? "";
  let lastState: KObject = {} as KObject;
  let state: KObject;
  if (c?.waiting) {
    state = { waiting: c.waiting.message ? { message: c.waiting.message, reason: c.waiting.reason } : { reason: c.waiting.reason } } as never;
    if (a?.finishedAt !== undefined) lastState = { terminated: terminated(a) } as never;
  } else if (a && a.finishedAt === undefined && a.postStart) {
    // Not Running until the postStart hook has completed.
    state = { waiting: { reason: "ContainerCreating" } } as never;
    if (c!.previous) lastState = { terminated: terminated(c!.previous) } as never;
  } else if (a && a.finishedAt === undefined) {
    state = { running: { startedAt: ts(a.startedAt) } } as never;
    if (c!.previous) lastState = { terminated: terminated(c!.previous) } as never;
  } else if (a) {
    state = { terminated: terminated(a) } as never;
    if (c!.previous) lastState = { terminated: terminated(c!.previous) } as never;
  } else state = { waiting: { reason: "ContainerCreating" } } as never;
  s.lastState = lastState;
  s.name = spec.name;
  s.ready = c && !ephemeral ? isReady(c, spec) : false;
  s.restartCount = c?.restartCount ?? 0;
  if (!ephemeral) s.started = c ? isStarted(c, spec) : false;
  s.state = state;
  const mounts = ((spec.volumeMounts ?? []) as KObject[]).map((m) => {
    const out: Record<string, unknown> = { mountPath: m.mountPath, name: m.name };
    if (m.readOnly) { out.readOnly = true; out.recursiveReadOnly = "Disabled"; }
    return out;
  });
  if (mounts.length) s.volumeMounts = mounts;
  return s as KObject;
}

function condition(type: string, ok: boolean, old: KObject[], now: number, reason?: string, message?: string): KObject {
  const prev = old.find((c) => c.type === type);
  const status = ok ? "True" : "False";
  const c: Record<string, unknown> = { lastProbeTime: null, lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : ts(now) };
  if (message) c.message = message;
  if (reason) c.reason = reason;
  c.status = status;
  c.type = type;
  return c as KObject;
}

export interface StatusInput {
  pod: KObject;
  rec: PodRecord;
  now: number;
  hostIP?: string;
}

/** getPhase: Pending until something runs; Succeeded/Failed once every container is done for good. */
export function podPhase(pod: KObject, rec: PodRecord, terminal: boolean): string {
  if (rec.rejected) return "Failed";
  const policy = pod.spec?.restartPolicy ?? "Always";
  const specs = (pod.spec?.containers ?? []) as KObject[];
  const inits = (pod.spec?.initContainers ?? []) as KObject[];
  for (const i of inits) {
    const c = rec.containers[i.name];
    if (i.restartPolicy === "Always") continue;
    const a = c?.current;
    if (a?.finishedAt !== undefined && a.exitCode !== 0 && policy === "Never") return "Failed";
    if (!a || a.finishedAt === undefined || a.exitCode !== 0) return terminal ? "Failed" : "Pending";
  }
  let running = 0, waiting = 0, stopped = 0, succeeded = 0;
  for (const s of specs) {
    const c = rec.containers[s.name];
    const a = c?.current;
    if (a && a.finishedAt === undefined) running++;
    else if (a && a.finishedAt !== undefined) {
      if (!terminal && policy === "Always") { running++; continue; }
      if (!terminal && policy === "OnFailure" && a.exitCode !== 0) { running++; continue; }
      stopped++;
      if (a.exitCode === 0) succeeded++;
    } else waiting++;
  }
  if (waiting > 0 && !terminal) return "Pending";
  if (running > 0) return "Running";
  if (stopped === specs.length) return succeeded === stopped ? "Succeeded" : "Failed";
  return terminal ? "Failed" : "Pending";
}

export function generatePodStatus(inp: StatusInput, terminal = false): KObject {
  const { pod, rec, now } = inp;
  const old = (pod.status?.conditions ?? []) as KObject[];
  const status: Record<string, unknown> = {};
  const phase = podPhase(pod, rec, terminal);
  const specs = (pod.spec?.containers ?? []) as KObject[];
  const inits = (pod.spec?.initContainers ?? []) as KObject[];
  const done = phase === "Succeeded" || phase === "Failed";
  const sandboxUp = !!rec.sandbox && rec.sandbox.readyAt <= now && rec.sandbox.removedAt === undefined;
  const initPending = inits.filter((i) => {
    const a = rec.containers[i.name]?.current;
    return i.restartPolicy === "Always" ? !a || a.finishedAt !== undefined : !a || a.finishedAt === undefined || a.exitCode !== 0;
  }).map((i) => i.name);
  const notReady = specs.filter((s) => { const c = rec.containers[s.name]; return !c || !isReady(c, s); }).map((s) => s.name);
  const conds: KObject[] = [];
  conds.push(condition("PodReadyToStartContainers", sandboxUp, old, now));
  if (done) {
    conds.push(condition("Initialized", true, old, now, "PodCompleted"));
    conds.push(condition("Ready", false, old, now, "PodCompleted"));
    conds.push(condition("ContainersReady", false, old, now, "PodCompleted"));
  } else {
    conds.push(initPending.length ? condition("Initialized", false, old, now, "ContainersNotInitialized", `containers with incomplete status: [${initPending.join(" ")}]`) : condition("Initialized", true, old, now));
    const msg = `containers with unready status: [${notReady.join(" ")}]`;
    conds.push(notReady.length ? condition("Ready", false, old, now, "ContainersNotReady", msg) : condition("Ready", true, old, now));
    conds.push(notReady.length ? condition("ContainersReady", false, old, now, "ContainersNotReady", msg) : condition("ContainersReady", true, old, now));
  }
  // The kubelet always reports PodScheduled=True (kept as the scheduler wrote it when present).
  if (!old.some((c) => c.type === "PodScheduled")) conds.push(condition("PodScheduled", true, old, now));
  for (const c of old) if (!conds.some((x) => x.type === c.type)) conds.push(c);
  status.conditions = conds;
  status.containerStatuses = specs.map((s) => containerStatus(rec.containers[s.name], s));
  const ephemeral = (pod.spec?.ephemeralContainers ?? []) as KObject[];
  if (ephemeral.length) status.ephemeralContainerStatuses = ephemeral.map((s) => containerStatus(rec.containers[s.name], s, true));
  if (inp.hostIP) { status.hostIP = inp.hostIP; status.hostIPs = [{ ip: inp.hostIP }]; }
  if (inits.length) status.initContainerStatuses = inits.map((s) => containerStatus(rec.containers[s.name], s));
  status.phase = phase;
  if (rec.sandbox && rec.sandbox.readyAt <= now) { status.podIP = rec.sandbox.ip; status.podIPs = [{ ip: rec.sandbox.ip }]; }
  if (pod.status?.qosClass) status.qosClass = pod.status.qosClass;
  status.startTime = ts(rec.seenAt);
  if (inits.length) {
    // PodInitializing: regular containers wait while init containers run.
    for (const cs of [...(status.containerStatuses as KObject[]), ...((status.ephemeralContainerStatuses ?? []) as KObject[])]) {
      if (initPending.length && cs.state.waiting?.reason === "ContainerCreating") cs.state = { waiting: { reason: "PodInitializing" } };
    }
  }
  return status as KObject;
}

/** The status of a pod the kubelet rejected at admission. */
export function rejectedStatus(pod: KObject, rec: PodRecord): KObject {
  return {
    ...pod.status,
    message: `Pod was rejected: ${rec.rejected!.message}`,
    phase: "Failed",
    reason: rec.rejected!.reason,
    startTime: ts(rec.seenAt),
  } as KObject;
}

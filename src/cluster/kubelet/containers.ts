// One container's life in the kubelet's SyncPod (pkg/kubelet/kuberuntime/kuberuntime_manager.go
// SyncPod, kuberuntime_container.go startContainer, images/image_manager.go EnsureImageExists):
// pull by imagePullPolicy with the pull back-off, create, start, run the program until its exit,
// restart by restartPolicy with the CrashLoopBackOff back-off. Every step is a due time; `advance`
// performs the steps that are due and reports the next due time; a started container runs as a
// process of the node's runtime (attempt.ts). Events use pkg/kubelet/events.
import type { KObject } from "../apiserver/registry/types";
import type { TimingProfile } from "../sim/profiles/index";
import type { EventRecorder } from "../events/recorder";
import { resolveImage, pullDurationMs, pulledMessage, failedToPullMessage, goDuration, type Image } from "./images";
import type { Attempt, ContainerRecord, PodRecord } from "./state";
import type { KubeletState } from "./state";
import type { ContainerConfig, ContainerRuntime } from "./containerd/runtime";
import { runAttempt, startHooks } from "./attempt";

export interface WorkerContext {
  now: number;
  pod: KObject;
  rec: PodRecord;
  state: KubeletState;
  profile: TimingProfile;
  recorder: EventRecorder;
  hex64(): string;
  env(c: KObject, image: Image | undefined): Record<string, string>;
  runtime: ContainerRuntime;
  /** What the runtime starts the container with (env, mounts, hostname, pod IP). */
  config(c: KObject, image: Image): ContainerConfig;
  /** Collects the next due times. */
  due(t: number | undefined): void;
}

export function newContainerRecord(name: string, kind: ContainerRecord["kind"]): ContainerRecord {
  return { name, kind, restartCount: 0, pull: { failures: 0 }, crash: { failures: 0 }, probes: {} };
}

/** The event's involvedObject.fieldPath (pkg/kubelet/container/ref.go fieldPath). */
export function containerFieldPath(c: ContainerRecord): string {
  if (c.kind === "regular") return `spec.containers{${c.name}}`;
  if (c.kind === "ephemeral") return `spec.ephemeralContainers{${c.name}}`;
  return `spec.initContainers{${c.name}}`;
}

function event(w: WorkerContext, c: ContainerRecord, type: "Normal" | "Warning", reason: string, message: string): void {
  w.recorder.event({ kind: "Pod", apiVersion: "v1", metadata: w.pod.metadata }, type, reason, message, { fieldPath: containerFieldPath(c) });
}

export function shouldRestart(c: ContainerRecord, policy: string, exitCode: number): boolean {
  if (c.kind === "ephemeral") return false;
  if (c.kind === "sidecar") return true;
  if (c.kind === "init") return exitCode !== 0 && policy !== "Never";
  return policy === "Always" || (policy === "OnFailure" && exitCode !== 0);
}

/** Ends the running attempt at `at` with `code` (reason as containerd reports it). */
export function finish(c: ContainerRecord, at: number, code: number, reason?: string): void {
  const a = c.current!;
  a.finishedAt = at;
  a.exitCode = code;
  a.reason = reason ?? (code === 0 ? "Completed" : "Error");
  c.probes = {};
}

function memoryLimit(spec: KObject): number | undefined {
  const v = spec.resources?.limits?.memory as string | undefined;
  if (!v) return undefined;
  const m = v.match(/^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/);
  if (!m) return undefined;
  const mult: Record<string, number> = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, k: 1e3, M: 1e6, G: 1e9, T: 1e12 };
  return Number(m[1]) * (m[2] ? mult[m[2]]! : 1);
}

function nextBackOff(currentMs: number | undefined, lastUpdate: number | undefined, now: number, t: { initialMs: number; maxMs: number }): number {
  if (!currentMs || (lastUpdate !== undefined && now - lastUpdate > 2 * t.maxMs)) return t.initialMs;
  return Math.min(currentMs * 2, t.maxMs);
}

/** Performs every due step of the container; returns true when it has started at least once (or is done). */
export async function advance(w: WorkerContext, spec: KObject, c: ContainerRecord, policy: string): Promise<void> {
  const p = w.profile;
  for (let guard = 0; guard < 100; guard++) {
    const now = w.now;
    const a = c.current;
    if (a && a.finishedAt === undefined) {
      await runAttempt(w, spec, c);
      if (c.current!.finishedAt !== undefined) continue;
      return;
    }
    if (c.op) {
      if (c.op.dueAt > now) { w.due(c.op.dueAt); return; }
      if (!(await completeOp(w, spec, c))) return;
      continue;
    }
    if (a) {
      if (!shouldRestart(c, policy, a.exitCode ?? 0) || w.rec.terminating) return;
      const crash = c.crash as { backOffMs?: number; lastUpdate?: number; reportedAt?: number; backOffUntil?: number };
      const expired = crash.lastUpdate !== undefined && a.finishedAt! - crash.lastUpdate > 2 * p.crashLoopBackOff.maxMs;
      if (crash.backOffMs && !expired && now - a.finishedAt! < crash.backOffMs) {
        const until = a.finishedAt! + crash.backOffMs;
        const pod = w.pod.metadata;
        c.waiting = { reason: "CrashLoopBackOff", message: `back-off ${goDuration(crash.backOffMs)} restarting failed container=${c.name} pod=${pod.name}_${pod.namespace}(${pod.uid})` };
        if (crash.reportedAt === undefined || crash.reportedAt < a.finishedAt! || now - crash.reportedAt >= resyncMs(p)) {
          event(w, c, "Warning", "BackOff", `Back-off restarting failed container ${c.name} in pod ${pod.name}_${pod.namespace}(${pod.uid})`);
          crash.reportedAt = now;
        }
        w.due(Math.min(until, crash.reportedAt + resyncMs(p)));
        return;
      }
      crash.backOffMs = nextBackOff(crash.backOffMs, crash.lastUpdate, now, p.crashLoopBackOff);
      crash.lastUpdate = now;
    }
    if (!beginImage(w, spec, c)) return;
  }
}

function resyncMs(p: TimingProfile): number {
  return p.imagePullBackOff.initialMs;
}

/** EnsureImageExists: decides to pull, use the cache, or wait in back-off. False when blocked. */
function beginImage(w: WorkerContext, spec: KObject, c: ContainerRecord): boolean {
  const p = w.profile;
  const now = w.now;
  const img: string = spec.image;
  const res = resolveImage(img);
  if (c.current && c.waiting?.reason === "CrashLoopBackOff") c.waiting = undefined;
  if (!res.ok && res.reason === "InvalidImageName") {
    const msg = `Failed to apply default image tag "${img}": ${res.message}`;
    if (c.waiting?.reason !== "InvalidImageName") event(w, c, "Warning", "InspectFailed", msg);
    c.waiting = { reason: "InvalidImageName", message: msg };
    return false;
  }
  const key = res.ok ? `${res.image.name}:${res.image.tag}` : img;
  const present = res.ok && w.state.hasImage(w.rec.node, key);
  const policy = spec.imagePullPolicy ?? "IfNotPresent";
  if (policy === "Never" || (policy === "IfNotPresent" && present)) {
    if (present) {
      event(w, c, "Normal", "Pulled", `Container image "${img}" already present on machine`);
      setImage(c, res.ok ? res.image : undefined);
      c.op = { kind: "create", dueAt: now + p.runtime.containerCreateMs };
      return true;
    }
    const msg = `Container image "${img}" is not present with pull policy of Never`;
    if (c.waiting?.reason !== "ErrImageNeverPull") event(w, c, "Warning", "ErrImageNeverPull", msg);
    c.waiting = { reason: "ErrImageNeverPull", message: msg };
    return false;
  }
  const pull = c.pull as typeof c.pull & { backOffMs?: number; lastUpdate?: number };
  if (pull.backOffUntil !== undefined && now < pull.backOffUntil) {
    if (pull.backOffReportedAt === undefined || pull.backOffReportedAt < (pull.lastFailedAt ?? 0)) {
      event(w, c, "Normal", "BackOff", `Back-off pulling image "${img}"`);
      event(w, c, "Warning", "Failed", "Error: ImagePullBackOff");
      pull.backOffReportedAt = now;
    }
    c.waiting = { reason: "ImagePullBackOff", message: `Back-off pulling image "${img}": ErrImagePull: ${pull.lastError ?? ""}` };
    w.due(pull.backOffUntil);
    return false;
  }
  event(w, c, "Normal", "Pulling", `Pulling image "${img}"`);
  const duration = res.ok ? (present ? p.runtime.pullResolveMs : pullDurationMs(res.image, p)) : p.runtime.pullResolveMs;
  const slot = w.state.pullSlot(w.rec.node, now, duration);
  c.op = { kind: "pull", dueAt: slot.doneAt, requestedAt: now, pullMs: duration, error: res.ok ? undefined : res.message };
  // While pulling, the status keeps what the last sync reported (ImagePullBackOff while re-pulling).
  if (c.current) c.waiting = undefined;
  else if (!c.waiting) c.waiting = { reason: "ContainerCreating" };
  return true;
}

function setImage(c: ContainerRecord, image: Image | undefined): void {
  if (!image) return;
  c.imageRef = image.ref;
  c.imageId = image.repoDigest;
}

/** Completes the due operation; false when the container must wait for a later sync. */
async function completeOp(w: WorkerContext, spec: KObject, c: ContainerRecord): Promise<boolean> {
  const p = w.profile;
  const op = c.op!;
  const now = w.now;
  const img: string = spec.image;
  c.op = undefined;
  if (op.kind === "pull") {
    const pull = c.pull as typeof c.pull & { backOffMs?: number; lastUpdate?: number };
    if (op.error) {
      event(w, c, "Warning", "Failed", failedToPullMessage(img, op.error));
      event(w, c, "Warning", "Failed", "Error: ErrImagePull");
      pull.failures++;
      pull.backOffMs = nextBackOff(pull.backOffMs, pull.lastUpdate, now, p.imagePullBackOff);
      pull.lastUpdate = now;
      pull.backOffUntil = now + pull.backOffMs;
      pull.lastError = op.error;
      pull.lastFailedAt = now;
      c.waiting = { reason: "ErrImagePull", message: op.error };
      // The pod worker syncs again shortly after the failure and reports the back-off.
      w.due(now + Math.min(1000, p.imagePullBackOff.initialMs / 10));
      return false;
    }
    const res = resolveImage(img);
    if (!res.ok) return false;
    event(w, c, "Normal", "Pulled", pulledMessage(img, op.pullMs ?? 0, now - (op.requestedAt ?? now) - (op.pullMs ?? 0), res.image.size));
    w.state.addImage(w.rec.node, `${res.image.name}:${res.image.tag}`, now);
    pull.backOffUntil = undefined;
    pull.backOffMs = undefined;
    setImage(c, res.image);
    c.op = { kind: "create", dueAt: now + p.runtime.containerCreateMs };
    return true;
  }
  if (op.kind === "create") {
    event(w, c, "Normal", "Created", `Created container: ${c.name}`);
    c.op = { kind: "start", dueAt: now + p.runtime.containerStartMs };
    return true;
  }
  const res = resolveImage(img);
  if (!res.ok) return false;
  if (c.current) {
    // The runtime keeps the previous instance (for logs --previous); older ones are removed.
    if (c.previous) w.runtime.remove(c.previous.id);
    c.previous = c.current;
    c.restartCount++;
  }
  const a: Attempt = { id: w.hex64(), createdAt: now - p.runtime.containerStartMs, startedAt: now };
  c.current = a;
  c.waiting = undefined;
  const started = w.runtime.start(a.id, w.rec.uid, w.config(spec, res.image), now);
  if (!started.ok) {
    event(w, c, "Warning", "Failed", `Error: ${started.message}`);
    a.finishedAt = now;
    a.exitCode = 128;
    a.reason = "StartError";
    a.message = started.message;
    return true;
  }
  event(w, c, "Normal", "Started", `Started container ${c.name}`);
  const limit = memoryLimit(spec);
  if (limit !== undefined && res.image.memoryBytes > limit) a.oomAt = now + 100;
  await startHooks(w, spec, c, now);
  return true;
}

// The Job controller (pkg/controller/job/job_controller.go syncJob, manageJob,
// trackJobStatusAndRemoveFinalizers, getPodFailureBackoff; v1.32 with pod finalizers, the
// SuccessCriteriaMet / FailureTarget interim conditions and the terminating count): pods
// `<job>-<5 chars>` carrying the batch.kubernetes.io/job-tracking finalizer until counted.
import type { Component, ComponentContext } from "../engine/component";
import type { KObject } from "../apiserver/registry/types";
import { rfc3339 } from "../apiserver/object-meta";
import { isStatusError } from "../apiserver/status";
import { recordEvent } from "./events";
import {
  R, claimPods, controllerOf, isPodActive, isPodReady, newControllerRef, nsKey, ownerKeys, podFromTemplate, podsPrefix, splitKey, type Json,
} from "./util";

export const JOB_CONTROLLER = "job-controller";
export const JOB_TRACKING_FINALIZER = "batch.kubernetes.io/job-tracking";
/** DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff. */
const BACKOFF_MS = 10_000;
const MAX_BACKOFF_MS = 360_000;

const finished = (p: KObject) => p.status?.phase === "Succeeded" || p.status?.phase === "Failed";
const hasTracking = (p: KObject) => (p.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
const condition = (job: KObject, type: string) => ((job.status?.conditions ?? []) as Json[]).find((c) => c.type === type && c.status === "True");

function newCondition(type: string, reason: string, message: string, now: Date): Json {
  const t = rfc3339(now);
  return { type, status: "True", lastProbeTime: t, lastTransitionTime: t, reason, message };
}

function podFinishTime(p: KObject): number {
  const times = ((p.status?.containerStatuses ?? []) as Json[]).map((c) => Date.parse(c.state?.terminated?.finishedAt ?? "")).filter(Number.isFinite);
  const ready = Date.parse(((p.status?.conditions ?? []) as Json[]).find((c) => c.type === "Ready")?.lastTransitionTime ?? "");
  return times.length ? Math.max(...times) : Number.isFinite(ready) ? ready : Date.parse(p.metadata.creationTimestamp);
}

/** Counts finished pods still carrying the finalizer: uncounted first, finalizers removed, then counted. */
function trackFinishedPods(ctx: ComponentContext, job: KObject, pods: KObject[]): KObject {
  // Once the job is finishing, every pod's finalizer goes; unfinished ones count as failed only when it fails.
  const finishing = ((job.status?.conditions ?? []) as Json[]).find((c) => c.type === "SuccessCriteriaMet" || c.type === "FailureTarget");
  const done = pods.filter((p) => hasTracking(p) && (finished(p) || finishing));
  if (done.length === 0) return job;
  const uncounted = { succeeded: [] as string[], failed: [] as string[] };
  for (const p of done) {
    if (p.status?.phase === "Succeeded") uncounted.succeeded.push(p.metadata.uid);
    else if (p.status?.phase === "Failed" || finishing?.type === "FailureTarget") uncounted.failed.push(p.metadata.uid);
  }
  const withUncounted = { ...job.status, uncountedTerminatedPods: { ...(uncounted.succeeded.length ? { succeeded: uncounted.succeeded } : {}), ...(uncounted.failed.length ? { failed: uncounted.failed } : {}) } };
  job = ctx.api.update(R.jobs, { ...job, status: withUncounted }, "status");
  for (const p of done) {
    try {
      const rest = (p.metadata.finalizers as string[]).filter((f) => f !== JOB_TRACKING_FINALIZER);
      ctx.api.update(R.pods, { ...p, metadata: { ...p.metadata, finalizers: rest.length ? rest : undefined } });
    } catch (e) {
      if (!isStatusError(e) || e.code !== 404) throw e;
    }
  }
  const status = { ...job.status, uncountedTerminatedPods: {} } as Json;
  if (uncounted.succeeded.length) status.succeeded = (status.succeeded ?? 0) + uncounted.succeeded.length;
  if (uncounted.failed.length) status.failed = (status.failed ?? 0) + uncounted.failed.length;
  return ctx.api.update(R.jobs, { ...job, status }, "status");
}

function createPods(ctx: ComponentContext, job: KObject, n: number): void {
  const ref = newControllerRef(job, "batch/v1", "Job");
  for (let i = 0; i < n; i++) {
    const pod = podFromTemplate(job.spec.template, ref, podsPrefix(job.metadata.name));
    pod.metadata.finalizers = [...(pod.metadata.finalizers ?? []), JOB_TRACKING_FINALIZER];
    try {
      const created = ctx.api.create(R.pods, job.metadata.namespace, pod);
      recordEvent(ctx, job, { type: "Normal", reason: "SuccessfulCreate", message: `Created pod: ${created.metadata.name}` }, JOB_CONTROLLER);
    } catch (e) {
      if (!isStatusError(e)) throw e;
      recordEvent(ctx, job, { type: "Warning", reason: "FailedCreate", message: `Error creating: ${e.message}` }, JOB_CONTROLLER);
      return;
    }
  }
}

function deletePods(ctx: ComponentContext, job: KObject, pods: KObject[]): void {
  for (const p of pods) {
    try {
      ctx.api.delete(R.pods, p.metadata.namespace, p.metadata.name);
      recordEvent(ctx, job, { type: "Normal", reason: "SuccessfulDelete", message: `Deleted pod: ${p.metadata.name}` }, JOB_CONTROLLER);
    } catch (e) {
      if (!isStatusError(e) || e.code !== 404) throw e;
    }
  }
}

/** The interim condition that ends the job: SuccessCriteriaMet or FailureTarget (with its reason and message). */
function finishingCondition(job: KObject, now: Date): Json | undefined {
  const spec = job.spec;
  const s = job.status ?? {};
  if (spec.completions != null ? (s.succeeded ?? 0) >= spec.completions : (s.succeeded ?? 0) > 0) {
    return newCondition("SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods", now);
  }
  if ((s.failed ?? 0) > (spec.backoffLimit ?? 6)) {
    return newCondition("FailureTarget", "BackoffLimitExceeded", "Job has reached the specified backoff limit", now);
  }
  if (spec.activeDeadlineSeconds != null && s.startTime && Date.parse(s.startTime) + spec.activeDeadlineSeconds * 1000 <= now.getTime()) {
    return newCondition("FailureTarget", "DeadlineExceeded", "Job was active longer than specified deadline", now);
  }
  return undefined;
}

function syncJob(ctx: ComponentContext, key: string): number | undefined {
  const [ns, name] = splitKey(key);
  let job = ctx.api.get(R.jobs, ns, name);
  if (!job || condition(job, "Complete") || condition(job, "Failed")) return undefined;
  const now = ctx.now();
  let pods = claimPods(ctx, job, newControllerRef(job, "batch/v1", "Job"));
  job = trackFinishedPods(ctx, job, pods);
  pods = ctx.api.list(R.pods, ns).filter((p) => controllerOf(p)?.uid === job!.metadata.uid);
  const status: Json = structuredClone(job.status ?? {});
  if (!status.startTime && !job.spec.suspend) status.startTime = rfc3339(now);
  let conditions: Json[] = status.conditions ?? [];
  let active = pods.filter(isPodActive);
  let interim = conditions.find((c) => c.type === "SuccessCriteriaMet" || c.type === "FailureTarget");
  if (!interim) {
    interim = finishingCondition({ ...job, status }, now);
    if (interim) conditions = [...conditions, interim];
  }
  let requeue: number | undefined;
  if (interim) {
    deletePods(ctx, job, active);
    active = [];
  } else if (!job.spec.suspend) {
    const succeeded = status.succeeded ?? 0;
    const want = job.spec.completions == null
      ? (succeeded > 0 ? active.length : job.spec.parallelism)
      : Math.min(job.spec.parallelism, job.spec.completions - succeeded);
    const failed = status.failed ?? 0;
    const lastFailure = Math.max(0, ...pods.filter((p) => p.status?.phase === "Failed").map(podFinishTime));
    const wait = failed > 0 ? lastFailure + Math.min(BACKOFF_MS * 2 ** (failed - 1), MAX_BACKOFF_MS) - now.getTime() : 0;
    if (want > active.length && wait > 0) requeue = wait;
    else if (want > active.length) createPods(ctx, job, want - active.length);
    else if (want < active.length) deletePods(ctx, job, active.slice(want));
    if (job.spec.activeDeadlineSeconds != null) {
      const left = Date.parse(status.startTime) + job.spec.activeDeadlineSeconds * 1000 - now.getTime();
      requeue = Math.min(requeue ?? left, left);
    }
  }
  const current = ctx.api.list(R.pods, ns).filter((p) => controllerOf(p)?.uid === job!.metadata.uid);
  const terminating = current.filter((p) => p.metadata.deletionTimestamp && !finished(p)).length;
  status.active = current.filter(isPodActive).length || undefined;
  status.ready = current.filter((p) => isPodActive(p) && isPodReady(p)).length;
  status.terminating = terminating;
  status.uncountedTerminatedPods ??= {};
  if (interim && !status.active && terminating === 0 && !current.some((p) => hasTracking(p) && !finished(p))) {
    const success = interim.type === "SuccessCriteriaMet";
    const final = newCondition(success ? "Complete" : "Failed", interim.reason, interim.message, now);
    conditions = [...conditions, final];
    if (success) status.completionTime = rfc3339(now);
    recordEvent(ctx, job, success
      ? { type: "Normal", reason: "Completed", message: "Job completed" }
      : { type: "Warning", reason: interim.reason, message: interim.message }, JOB_CONTROLLER);
  }
  status.conditions = conditions.length ? conditions : undefined;
  if (status.active === undefined) delete status.active;
  if (status.conditions === undefined) delete status.conditions;
  ctx.api.update(R.jobs, { ...job, status }, "status");
  return requeue;
}

export const jobController: Component = {
  name: JOB_CONTROLLER,
  watches: [
    { resource: R.jobs, keys: (o) => [nsKey(o)] },
    { resource: R.pods, keys: ownerKeys("Job") },
  ],
  sync(key, ctx) {
    const after = syncJob(ctx, key);
    return after !== undefined && after > 0 ? { requeueAfterMs: after } : undefined;
  },
};

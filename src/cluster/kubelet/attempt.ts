// A running container instance as the kubelet drives it: its program catches up on the
// container's clock in order with what the kubelet does to it (probes on their periods, the
// postStart hook, the stop sequence with preStop, the stop signal and SIGKILL after the grace
// period, the OOM killer), and the exit is recorded at the exact virtual time it happened.
// Upstream: pkg/kubelet/kuberuntime/kuberuntime_container.go (startContainer's postStart,
// killContainer, executePreStopHook: grace minus the hook's seconds, at least 2 s).
import type { KObject } from "../apiserver/registry/types";
import type { ContainerRecord } from "./state";
import { containerFieldPath, finish, type WorkerContext } from "./containers";
import { runHook } from "./handlers";
import { nextProbeAt, runDueProbes } from "./probes";

/** minimumGracePeriodInSeconds. */
const MIN_GRACE_MS = 2000;
/** The postStart hook has no timeout upstream; a hook that never ends is cut after this long. */
const POST_START_LIMIT_MS = 10 * 60_000;

function event(w: WorkerContext, c: ContainerRecord, type: "Normal" | "Warning", reason: string, message: string): void {
  w.recorder.event({ kind: "Pod", apiVersion: "v1", metadata: w.pod.metadata }, type, reason, message, { fieldPath: containerFieldPath(c) });
}

/** Runs the postStart hook of a container just started at `at` (the container is not Running until it ends). */
export async function startHooks(w: WorkerContext, spec: KObject, c: ContainerRecord, at: number): Promise<void> {
  const hook = spec.lifecycle?.postStart as KObject | undefined;
  if (!hook) return;
  const a = c.current!;
  const r = await runHook({ rt: w.runtime, cid: a.id, spec, ip: w.rec.sandbox?.ip ?? "", at }, w.pod, hook, POST_START_LIMIT_MS);
  a.postStart = { until: r.endAt, error: r.error };
}

/** killContainer: Killing event, preStop within the grace period, then the stop signal; SIGKILL when the rest of it ends. */
export async function beginStop(w: WorkerContext, spec: KObject, c: ContainerRecord, at: number, graceMs: number, message: string, reason?: string): Promise<void> {
  const a = c.current;
  if (!a || a.finishedAt !== undefined || a.stop) return;
  event(w, c, "Normal", "Killing", message);
  let signalAt = at;
  let grace = graceMs;
  const preStop = spec.lifecycle?.preStop as KObject | undefined;
  if (preStop && graceMs > 0) {
    const r = await runHook({ rt: w.runtime, cid: a.id, spec, ip: w.rec.sandbox?.ip ?? "", at }, w.pod, preStop, graceMs);
    if (r.error) event(w, c, "Warning", "FailedPreStopHook", "PreStopHook failed");
    signalAt = Math.min(r.endAt, at + graceMs);
    grace = graceMs - Math.floor((signalAt - at) / 1000) * 1000;
  }
  grace = Math.max(grace, MIN_GRACE_MS);
  a.stop = { signalAt, killAt: signalAt + grace, reason };
}

function stopSignal(w: WorkerContext, id: string): string {
  return w.runtime.process(id)?.stopSignal ?? "TERM";
}

/** Performs everything due for the running attempt up to w.now; reports what is due next. */
export async function runAttempt(w: WorkerContext, spec: KObject, c: ContainerRecord): Promise<void> {
  const a = c.current!;
  const rt = w.runtime;
  if (!rt.has(a.id)) {
    // The runtime lost the container (it cannot be rebuilt): it is gone, as after a runtime crash.
    finish(c, w.now, 137, "Error");
    return;
  }
  // Where the container's clock stands (after an object restart: replayed up to there).
  let t = rt.caughtUpTo(a.id);
  await rt.advance(a.id, t);
  for (let guard = 0; guard < 100_000; guard++) {
    const probeAt = nextProbeAt(w, spec, c, t);
    const marks = [w.now, a.oomAt, a.postStart?.until, a.stop && !a.stop.signalled ? a.stop.signalAt : undefined, a.stop?.killAt, probeAt];
    const target = Math.max(t, Math.min(...marks.filter((m): m is number => m !== undefined)));
    await rt.advance(a.id, target);
    t = target;
    const exit = rt.exit(a.id);
    if (exit) { finish(c, exit.atMs, exit.code, exit.code === 0 ? "Completed" : "Error"); return; }
    if (a.oomAt !== undefined && t >= a.oomAt) {
      await rt.signal(a.id, "KILL", a.oomAt);
      finish(c, a.oomAt, 137, "OOMKilled");
      return;
    }
    if (a.postStart && t >= a.postStart.until) {
      const error = a.postStart.error;
      a.postStart = undefined;
      if (error) {
        event(w, c, "Warning", "FailedPostStartHook", "PostStartHook failed");
        await beginStop(w, spec, c, t, (w.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000, "FailedPostStartHook", "PostStartHookError");
        c.waiting = { reason: "PostStartHookError", message: error };
      }
      continue;
    }
    if (a.stop && !a.stop.signalled && t >= a.stop.signalAt) {
      a.stop.signalled = true;
      await rt.signal(a.id, stopSignal(w, a.id), t);
      continue;
    }
    if (a.stop && t >= a.stop.killAt) {
      await rt.signal(a.id, "KILL", t);
      finish(c, t, 137, "Error");
      return;
    }
    if (probeAt !== undefined && t >= probeAt) {
      const failed = await runDueProbes(w, spec, c, t);
      if (failed) {
        const probe = spec[`${failed}Probe`] as KObject;
        const grace = (probe.terminationGracePeriodSeconds ?? w.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000;
        await beginStop(w, spec, c, t, grace, `Container ${c.name} failed ${failed} probe, will be restarted`);
      }
      continue;
    }
    // The program may have changed what a settled probe depends on: probe again now if so.
    const again = nextProbeAt(w, spec, c, t);
    if (t >= w.now && (again === undefined || again > t)) break;
  }
  w.due(rt.nextDue(a.id));
  w.due(a.oomAt);
  w.due(a.postStart?.until);
  if (a.stop) w.due(a.stop.signalled ? a.stop.killAt : a.stop.signalAt);
  w.due(nextProbeAt(w, spec, c, w.now));
}

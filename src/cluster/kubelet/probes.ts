// Container probes (pkg/kubelet/prober: worker.go, prober.go, results): startup, then liveness
// and readiness, each on its period after initialDelaySeconds, counting consecutive results
// against failureThreshold/successThreshold, run against the container's program (handlers.ts).
// Lazily: a probe that passed without side effects (no output, no file written) while the
// program's state (files, ports) stays the same is settled: it needs no timer, because its
// outcome cannot change until the program does something, and the program's wake-ups have timers
// of their own. A failing probe, or one whose server logs each request, runs on its period.
import type { KObject } from "../apiserver/registry/types";
import type { ContainerRecord, ProbeCounter } from "./state";
import type { WorkerContext } from "./containers";
import { probeOnce } from "./handlers";

export type ProbeKind = "startup" | "liveness" | "readiness";
const LABEL: Record<ProbeKind, string> = { startup: "Startup", liveness: "Liveness", readiness: "Readiness" };

/**
 * The prober sees a container only once the status shows it running: the PLEG relists every
 * second (pkg/kubelet/pleg/generic.go relistPeriod), so the first probe is that long after start.
 */
const FIRST_PROBE_AFTER_MS = 1000;

function active(spec: KObject, c: ContainerRecord): ProbeKind[] {
  const a = c.current;
  if (!a || a.finishedAt !== undefined || a.stop || a.postStart) return [];
  const out: ProbeKind[] = [];
  if (spec.startupProbe && c.probes.startupDoneAt === undefined) return ["startup"];
  if (spec.livenessProbe) out.push("liveness");
  if (spec.readinessProbe) out.push("readiness");
  return out;
}

function counter(spec: KObject, c: ContainerRecord, kind: ProbeKind): ProbeCounter {
  const probe = spec[`${kind}Probe`] as KObject;
  const a = c.current!;
  const st = (c.probes[kind] ??= { failures: 0, successes: 0 });
  const from = kind === "startup" ? a.startedAt : c.probes.startupDoneAt ?? a.startedAt;
  st.next ??= from + Math.max((probe.initialDelaySeconds ?? 0) * 1000, FIRST_PROBE_AFTER_MS);
  return st;
}

/** The next probe time that matters; unsettles probes whose program state changed (as of `t`). */
export function nextProbeAt(w: WorkerContext, spec: KObject, c: ContainerRecord, t: number): number | undefined {
  let min: number | undefined;
  const key = w.runtime.stateKey(c.current?.id ?? "");
  for (const kind of active(spec, c)) {
    const st = counter(spec, c, kind);
    if (st.settled !== undefined) {
      if (st.settled === key) continue;
      const period = ((spec[`${kind}Probe`] as KObject).periodSeconds ?? 10) * 1000;
      st.settled = undefined;
      st.next = st.next! + Math.ceil(Math.max(0, t - st.next!) / period) * period;
    }
    if (min === undefined || st.next! < min) min = st.next;
  }
  return min;
}

/** Runs the probes due at `t`; returns the probe kind whose failure must restart the container. */
export async function runDueProbes(w: WorkerContext, spec: KObject, c: ContainerRecord, t: number): Promise<ProbeKind | undefined> {
  const a = c.current!;
  for (const kind of active(spec, c)) {
    const st = counter(spec, c, kind);
    if (st.settled !== undefined || st.next! > t) continue;
    const probe = spec[`${kind}Probe`] as KObject;
    const writes = w.runtime.writes(a.id);
    const key = w.runtime.stateKey(a.id);
    const r = await probeOnce({ rt: w.runtime, cid: a.id, spec, ip: w.rec.sandbox?.ip ?? "", at: t }, probe);
    st.next = t + (probe.periodSeconds ?? 10) * 1000;
    if (r.ok) {
      st.failures = 0;
      st.successes++;
      if (st.successes >= (probe.successThreshold ?? 1)) st.ok = true;
      if (kind === "startup" && st.ok) { c.probes.startupDoneAt = t; return undefined; }
      const quiet = w.runtime.writes(a.id) === writes && w.runtime.stateKey(a.id) === key;
      if (st.ok && quiet) st.settled = key;
      continue;
    }
    st.settled = undefined;
    st.successes = 0;
    st.failures++;
    w.recorder.event({ kind: "Pod", apiVersion: "v1", metadata: w.pod.metadata }, "Warning", "Unhealthy", `${LABEL[kind]} probe failed: ${r.output}`, { fieldPath: `spec.containers{${c.name}}` });
    if (st.failures >= (probe.failureThreshold ?? 3)) {
      if (kind === "readiness") st.ok = false;
      else return kind;
    }
  }
  return undefined;
}

// Pod printer: the columns and printPod of pkg/printers/internalversion/printers.go (v1.32):
// READY, the STATUS reason logic (Init:x/y, Init:<reason>, sidecar init containers,
// Completed/Running/NotReady, Signal:N, ExitCode:N, Terminating, Unknown for NodeLost),
// RESTARTS with "N (Xm ago)", and the wide IP / NODE / NOMINATED NODE / READINESS GATES.
import type { KObject } from "../registry/types";
import { coreV1 } from "./descriptions";
import { ageColumn, column, nameColumn } from "./columns";
import { parseTime, translateTimestampSince } from "./duration";
import { age, int } from "./format";
import type { Printer, TableRowCondition } from "./types";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const NODE_UNREACHABLE_POD_REASON = "NodeLost";
const POD_REASON_SCHEDULING_GATED = "SchedulingGated";

const columns = [
  nameColumn(),
  column("Ready", "string", "The aggregate readiness state of this pod for accepting traffic."),
  column("Status", "string", "The aggregate status of the containers in this pod."),
  column("Restarts", "string", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
  ageColumn(),
  column("IP", "string", coreV1.PodStatus.podIP, { priority: 1 }),
  column("Node", "string", coreV1.PodSpec.nodeName, { priority: 1 }),
  column("Nominated Node", "string", coreV1.PodStatus.nominatedNodeName, { priority: 1 }),
  column("Readiness Gates", "string", coreV1.PodSpec.readinessGates, { priority: 1 }),
];

/** podutil.IsRestartableInitContainer: an init container with restartPolicy Always (a sidecar). */
export function isRestartableInitContainer(c: Json | undefined): boolean {
  return c?.restartPolicy === "Always";
}

const hasCondition = (status: Json, type: string) =>
  (status.conditions ?? []).find((c: Json) => c.type === type)?.status === "True";

/** The later of a restart date and a container's last termination (metav1.Time.Before). */
function laterRestart(current: number | undefined, cs: Json): number | undefined {
  const finished = cs.lastState?.terminated ? parseTime(cs.lastState.terminated.finishedAt) : undefined;
  if (finished === undefined) return current;
  return current === undefined || current < finished ? finished : current;
}

/** The reason a terminated container without a reason shows: Signal:N or ExitCode:N. */
const exitReason = (t: Json) => (t.signal ? `Signal:${t.signal}` : `ExitCode:${int(t.exitCode)}`);

interface PodSummary { ready: number; total: number; reason: string; restarts: number; lastRestart?: number }

/** The READY, STATUS and RESTARTS values of printPod. */
export function summarizePod(pod: Json): PodSummary {
  const spec: Json = pod.spec ?? {};
  const status: Json = pod.status ?? {};
  const initSpecs: Json[] = spec.initContainers ?? [];
  const initByName = new Map<string, Json>(initSpecs.map((c) => [c.name, c]));
  let total = (spec.containers ?? []).length + initSpecs.filter(isRestartableInitContainer).length;
  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: number | undefined;
  let lastSidecarRestart: number | undefined;
  const phase: string = status.phase ?? "";
  let reason: string = status.reason || phase;
  for (const c of status.conditions ?? []) {
    if (c.type === "PodScheduled" && c.reason === POD_REASON_SCHEDULING_GATED) reason = POD_REASON_SCHEDULING_GATED;
  }

  let initializing = false;
  const initStatuses: Json[] = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    const state: Json = cs.state ?? {};
    const sidecar = isRestartableInitContainer(initByName.get(cs.name));
    restarts += int(cs.restartCount);
    lastRestart = laterRestart(lastRestart, cs);
    if (sidecar) {
      sidecarRestarts += int(cs.restartCount);
      lastSidecarRestart = laterRestart(lastSidecarRestart, cs);
    }
    if (state.terminated && int(state.terminated.exitCode) === 0) continue;
    if (sidecar && cs.started === true) {
      if (cs.ready) ready++;
      continue;
    }
    if (state.terminated) {
      const t = state.terminated;
      reason = t.reason ? `Init:${t.reason}` : `Init:${exitReason(t)}`;
    } else if (state.waiting?.reason && state.waiting.reason !== "PodInitializing") {
      reason = `Init:${state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(status, "Initialized")) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses: Json[] = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      const state: Json = cs.state ?? {};
      restarts += int(cs.restartCount);
      lastRestart = laterRestart(lastRestart, cs);
      if (state.waiting?.reason) reason = state.waiting.reason;
      else if (state.terminated?.reason) reason = state.terminated.reason;
      else if (state.terminated) reason = exitReason(state.terminated);
      else if (cs.ready && state.running) {
        hasRunning = true;
        ready++;
      }
    }
    // A pod whose last container completed but another still runs is Running (or NotReady).
    if (reason === "Completed" && hasRunning) reason = hasCondition(status, "Ready") ? "Running" : "NotReady";
  }

  const deleting = Boolean(pod.metadata?.deletionTimestamp);
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) reason = "Unknown";
  else if (deleting && phase !== "Succeeded" && phase !== "Failed") reason = "Terminating";
  return { ready, total, reason, restarts, lastRestart };
}

/** The RESTARTS cell: "N", or "N (Xm ago)" once a container has a last termination time. */
function restartsCell(s: PodSummary, now: Date): string {
  if (s.restarts !== 0 && s.lastRestart !== undefined) {
    return `${s.restarts} (${translateTimestampSince(new Date(s.lastRestart).toISOString(), now)} ago)`;
  }
  return String(s.restarts);
}

function readinessGatesCell(pod: Json): string {
  const gates: Json[] = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return "<none>";
  const conditions: Json[] = pod.status?.conditions ?? [];
  const trueConditions = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === "True").length;
  return `${trueConditions}/${gates.length}`;
}

function podCells(pod: KObject, now: Date): unknown[] {
  const s = summarizePod(pod);
  const status: Json = pod.status ?? {};
  // v1 -> internal conversion: status.podIP is authoritative over podIPs[0].
  const podIP = status.podIP || status.podIPs?.[0]?.ip || "<none>";
  return [
    pod.metadata.name, `${s.ready}/${s.total}`, s.reason, restartsCell(s, now), age(pod, now),
    podIP, pod.spec?.nodeName || "<none>", status.nominatedNodeName || "<none>", readinessGatesCell(pod),
  ];
}

const podSuccessConditions: TableRowCondition[] = [{ type: "Completed", status: "True", reason: "Succeeded", message: "The pod has completed successfully." }];
const podFailedConditions: TableRowCondition[] = [{ type: "Completed", status: "True", reason: "Failed", message: "The pod failed." }];

export const podPrinter: Printer = {
  columns,
  cells: podCells,
  conditions(pod) {
    const phase = pod.status?.phase;
    return phase === "Succeeded" ? podSuccessConditions : phase === "Failed" ? podFailedConditions : undefined;
  },
};

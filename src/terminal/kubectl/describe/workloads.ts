// The workload describers of describe.go: DescribePodTemplate, ReplicaSetDescriber,
// DeploymentDescriber (old and new ReplicaSets as deploymentutil finds them), DaemonSetDescriber,
// StatefulSetDescriber and JobDescriber, with pod counts by phase for the controller's own pods.
import type { KubeTransport } from "../../types";
import { formatLabelSelector, formatLabels, labelSelectorString } from "../../../cluster/apiserver/printers/format";
import { humanDuration } from "../../../cluster/apiserver/printers/duration";
import { LEVEL_0, LEVEL_1, tabbedString, type Writer } from "./prefix-writer";
import { goBool, goInt, rfc1123z, str, type Json } from "./go-format";
import { describeEvents, printAnnotationsMultiline, printController, printLabelsMultiline, printTolerationsMultilineWithIndent } from "./common";
import { describeContainers } from "./containers";
import { describeVolumes } from "./volumes";
import { describeTopologySpreadConstraints } from "./pod";
import { collectionPath, listAll } from "./fetch";

export function describePodTemplate(template: Json | undefined, w: Writer): void {
  w.write(LEVEL_0, "Pod Template:\n");
  if (!template) { w.write(LEVEL_1, "<unset>"); return; }
  const spec = template.spec ?? {};
  printLabelsMultiline(w, "  Labels", template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) printAnnotationsMultiline(w, "  Annotations", template.metadata.annotations);
  if (spec.serviceAccountName) w.write(LEVEL_1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (Array.isArray(spec.initContainers) && spec.initContainers.length > 0) {
    describeContainers("Init Containers", spec.initContainers, undefined, undefined, w, "  ");
  }
  describeContainers("Containers", spec.containers, undefined, undefined, w, "  ");
  describeVolumes(spec.volumes, w, "  ");
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, "  ");
  if (spec.priorityClassName) w.write(LEVEL_1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabelsMultiline(w, "  Node-Selectors", spec.nodeSelector);
  printTolerationsMultilineWithIndent(w, "", "  Tolerations", "\t", spec.tolerations);
}

export interface PodCounts { running: number; waiting: number; succeeded: number; failed: number; }

/** getPodStatusForController: the pods matching the selector that this controller (by uid) owns, by phase. */
export async function podStatusForController(t: KubeTransport, namespace: string, selector: Json, uid: string): Promise<PodCounts> {
  const sel = labelSelectorString(selector) ?? "";
  const pods = await listAll(t, collectionPath("", "v1", "pods", namespace), sel ? { labelSelector: sel } : {});
  const counts: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const p of pods) {
    const ref = ((p.metadata?.ownerReferences ?? []) as Json[]).find((r) => r.controller === true);
    if (!ref || ref.uid !== uid) continue;
    const phase = p.status?.phase;
    if (phase === "Running") counts.running++;
    else if (phase === "Pending") counts.waiting++;
    else if (phase === "Succeeded") counts.succeeded++;
    else if (phase === "Failed") counts.failed++;
  }
  return counts;
}

const countsLine = (c: PodCounts) => `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;

function header(w: Writer, obj: Json): void {
  w.write(LEVEL_0, `Name:\t${str(obj.metadata?.name)}\n`);
  w.write(LEVEL_0, `Namespace:\t${str(obj.metadata?.namespace)}\n`);
}

function conditionsTable(w: Writer, conditions: Json[] | undefined): void {
  if (!conditions || conditions.length === 0) return;
  w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tReason\n");
  w.write(LEVEL_1, "----\t------\t------\n");
  for (const c of conditions) w.write(LEVEL_1, `${str(c.type)} \t${str(c.status)}\t${str(c.reason)}\n`);
}

export function describeReplicaSet(rs: Json, events: Json[] | undefined, counts: PodCounts | string, now: Date): Promise<string> {
  return tabbedString((w) => {
    header(w, rs);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, "Labels", rs.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", rs.metadata?.annotations);
    const controlledBy = printController(rs);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${goInt(rs.status?.replicas)} current / ${goInt(rs.spec?.replicas)} desired\n`);
    w.write(LEVEL_0, "Pods Status:\t");
    w.write(LEVEL_0, typeof counts === "string" ? `error in fetching pods: ${counts}\n` : `${countsLine(counts)}\n`);
    describePodTemplate(rs.spec?.template, w);
    conditionsTable(w, rs.status?.conditions);
    if (events) describeEvents(events, w, now);
  });
}

/** printReplicaSetsByLabels: "name (2/2 replicas created)", comma-joined, or "<none>". */
function replicaSetsString(list: Json[]): string {
  return list.map((rs) => `${str(rs.metadata?.name)} (${goInt(rs.status?.replicas)}/${goInt(rs.spec?.replicas)} replicas created)`).join(", ") || "<none>";
}

export function describeDeployment(d: Json, rsets: { old: Json[]; new: Json[] } | undefined, events: Json[] | undefined, now: Date): Promise<string> {
  const spec = d.spec ?? {};
  const status = d.status ?? {};
  return tabbedString((w) => {
    header(w, d);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata?.creationTimestamp)}\n`);
    printLabelsMultiline(w, "Labels", d.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", d.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${labelSelectorString(spec.selector) ?? ""}\n`);
    w.write(LEVEL_0, `Replicas:\t${goInt(spec.replicas)} desired | ${goInt(status.updatedReplicas)} updated | ${goInt(status.replicas)} total | ` +
      `${goInt(status.availableReplicas)} available | ${goInt(status.unavailableReplicas)} unavailable\n`);
    w.write(LEVEL_0, `StrategyType:\t${str(spec.strategy?.type)}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${goInt(spec.minReadySeconds)}\n`);
    const ru = spec.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrStr(ru.maxUnavailable)} max unavailable, ${intOrStr(ru.maxSurge)} max surge\n`);
    describePodTemplate(spec.template, w);
    conditionsTable(w, status.conditions);
    if (rsets && (rsets.old.length > 0 || rsets.new.length > 0)) {
      w.write(LEVEL_0, `OldReplicaSets:\t${replicaSetsString(rsets.old)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${replicaSetsString(rsets.new)}\n`);
    }
    if (events) describeEvents(events, w, now);
  });
}

/** intstr String() of a *IntOrString ("<nil>" when unset, as %s of a nil pointer's String()). */
const intOrStr = (v: unknown): string => (typeof v === "number" ? String(v) : typeof v === "string" ? v : "<nil>");

export function describeDaemonSet(ds: Json, events: Json[] | undefined, counts: PodCounts, now: Date): Promise<string> {
  const status = ds.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(ds.metadata?.name)}\n`);
    w.write(LEVEL_0, `Selector:\t${labelSelectorString(ds.spec?.selector) ?? ""}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, "Labels", ds.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", ds.metadata?.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${goInt(status.desiredNumberScheduled)}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${goInt(status.currentNumberScheduled)}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${goInt(status.updatedNumberScheduled)}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${goInt(status.numberAvailable)}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${goInt(status.numberMisscheduled)}\n`);
    w.write(LEVEL_0, `Pods Status:\t${countsLine(counts)}\n`);
    describePodTemplate(ds.spec?.template, w);
    if (events) describeEvents(events, w, now);
  });
}

export function describeStatefulSet(ss: Json, events: Json[] | undefined, counts: PodCounts, now: Date): Promise<string> {
  const spec = ss.spec ?? {};
  return tabbedString((w) => {
    header(w, ss);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(ss.metadata?.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${labelSelectorString(spec.selector) ?? ""}\n`);
    printLabelsMultiline(w, "Labels", ss.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", ss.metadata?.annotations);
    w.write(LEVEL_0, `Replicas:\t${goInt(spec.replicas)} desired | ${goInt(ss.status?.replicas)} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${str(spec.updateStrategy?.type)}\n`);
    const ru = spec.updateStrategy?.rollingUpdate;
    if (ru && typeof ru.partition === "number") {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined) w.write(LEVEL_1, `MaxUnavailable:\t${intOrStr(ru.maxUnavailable)}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${countsLine(counts)}\n`);
    describePodTemplate(spec.template, w);
    const templates = (spec.volumeClaimTemplates ?? []) as Json[];
    if (templates.length === 0) w.write(LEVEL_0, "Volume Claims:\t<none>\n");
    else {
      w.write(LEVEL_0, "Volume Claims:\n");
      for (const pvc of templates) {
        w.write(LEVEL_1, `Name:\t${str(pvc.metadata?.name)}\n`);
        w.write(LEVEL_1, `StorageClass:\t${str(pvc.metadata?.annotations?.["volume.beta.kubernetes.io/storage-class"] ?? pvc.spec?.storageClassName)}\n`);
        printLabelsMultilineIndent(w, "Labels", pvc.metadata?.labels);
        printLabelsMultilineIndent(w, "Annotations", pvc.metadata?.annotations);
        const cap = pvc.spec?.resources?.requests?.storage;
        w.write(LEVEL_1, `Capacity:\t${cap !== undefined ? str(cap) : "<default>"}\n`);
        w.write(LEVEL_1, `Access Modes:\t[${((pvc.spec?.accessModes ?? []) as string[]).join(" ")}]\n`);
      }
    }
    if (events) describeEvents(events, w, now);
  });
}

function printLabelsMultilineIndent(w: Writer, title: string, labels: Record<string, string> | undefined): void {
  const keys = Object.keys(labels ?? {}).sort();
  w.write(LEVEL_0, `  ${title}:\t`);
  if (keys.length === 0) { w.writeLine("<none>"); return; }
  keys.forEach((k, i) => { if (i !== 0) { w.write(LEVEL_0, "  "); w.write(LEVEL_0, "\t"); } w.write(LEVEL_0, `${k}=${labels![k]}\n`); });
}

/** capIndexesListOrNone: the completed indexes, cut after the first comma past 50 characters. */
function capIndexes(indexes: string, softLimit: number): string {
  if (!indexes) return "<none>";
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ",") ix++;
  return ix >= indexes.length ? indexes : `${indexes.slice(0, ix + 1)}...`;
}

export function describeJob(job: Json, events: Json[] | undefined, now: Date): Promise<string> {
  const spec = job.spec ?? {};
  const status = job.status ?? {};
  return tabbedString((w) => {
    header(w, job);
    const sel = labelSelectorString(spec.selector);
    w.write(LEVEL_0, sel === undefined ? "Selector:\tFailed to get selector\n" : `Selector:\t${sel}\n`);
    printLabelsMultiline(w, "Labels", job.metadata?.labels);
    printAnnotationsMultiline(w, "Annotations", job.metadata?.annotations);
    const controlledBy = printController(job);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (typeof spec.parallelism === "number") w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(LEVEL_0, typeof spec.completions === "number" ? `Completions:\t${spec.completions}\n` : "Completions:\t<unset>\n");
    if (spec.completionMode) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
    if (typeof spec.suspend === "boolean") w.write(LEVEL_0, `Suspend:\t${goBool(spec.suspend)}\n`);
    if (typeof spec.backoffLimit === "number") w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (typeof spec.ttlSecondsAfterFinished === "number") w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    if (status.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
    if (status.startTime && status.completionTime) {
      w.write(LEVEL_0, `Duration:\t${humanDuration(Date.parse(status.completionTime) - Date.parse(status.startTime))}\n`);
    }
    if (typeof spec.activeDeadlineSeconds === "number") w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    w.write(LEVEL_0, typeof status.ready !== "number"
      ? `Pods Statuses:\t${goInt(status.active)} Active / ${goInt(status.succeeded)} Succeeded / ${goInt(status.failed)} Failed\n`
      : `Pods Statuses:\t${goInt(status.active)} Active (${status.ready} Ready) / ${goInt(status.succeeded)} Succeeded / ${goInt(status.failed)} Failed\n`);
    if (spec.completionMode === "Indexed") w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(str(status.completedIndexes), 50)}\n`);
    describePodTemplate(spec.template, w);
    if (events) describeEvents(events, w, now);
  });
}

// PodDescriber of describe.go: the pod's header (priority, service account, node, start time,
// labels, annotations, status or "Terminating (lasts ...)", IPs, controller), its containers,
// readiness gates, conditions (rows end with a space: "%v \t%v \n"), volumes, QoS class,
// node selectors, tolerations, topology spread constraints and events (searched by name,
// namespace and uid, without kind; a mirror pod's events by its mirror annotation).
import type { KubeTransport } from "../../types";
import { getPodQOS } from "../../../cluster/apiserver/registry/qos";
import { translateTimestampSince } from "../../../cluster/apiserver/printers/duration";
import { formatLabelSelector } from "../../../cluster/apiserver/printers/format";
import { LEVEL_0, LEVEL_1, tabbedString, type Writer } from "./prefix-writer";
import { byBytes, goInt, rfc1123z, str, type Json } from "./go-format";
import { describeEvents, describeResources, printAnnotationsMultiline, printController, printLabelsMultiline,
  printPodTolerationsMultiline } from "./common";
import { describeContainers, envValueRetriever } from "./containers";
import { describeVolumes } from "./volumes";
import { searchEvents } from "./fetch";

const MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";

/** The events PodDescriber shows: by name, namespace and uid (the mirror pod's source uid for a static pod). */
export function podEvents(t: KubeTransport, pod: Json): Promise<Json[] | undefined> {
  const mirror = pod.metadata?.annotations?.[MIRROR_POD_ANNOTATION];
  const uid = typeof mirror === "string" ? mirror : pod.metadata?.uid;
  return searchEvents(t, { namespace: str(pod.metadata?.namespace), name: str(pod.metadata?.name), uid });
}

function describePodIPs(pod: Json, w: Writer, space: string): void {
  const ips = (pod.status?.podIPs ?? []) as Json[];
  if (ips.length === 0) { w.write(LEVEL_0, `${space}IPs:\t<none>\n`); return; }
  w.write(LEVEL_0, `${space}IPs:\n`);
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${str(ip.ip)}\n`);
}

export function describeTopologySpreadConstraints(tscs: Json[] | undefined, w: Writer, space: string): void {
  const list = [...(tscs ?? [])].sort((a, b) => byBytes(str(a.topologyKey), str(b.topologyKey)));
  if (list.length === 0) return;
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  list.forEach((tsc, i) => {
    if (i !== 0) { w.write(LEVEL_0, space); w.write(LEVEL_0, "\t"); }
    let s = `${str(tsc.topologyKey)}:${str(tsc.whenUnsatisfiable)} when max skew ${goInt(tsc.maxSkew)} is exceeded`;
    if (tsc.labelSelector) s += ` for selector ${formatLabelSelector(tsc.labelSelector)}`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

export function describePod(pod: Json, events: Json[] | undefined, now: Date): Promise<string> {
  const meta = pod.metadata ?? {};
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    if (typeof spec.priority === "number") w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    w.write(LEVEL_0, spec.nodeName ? `Node:\t${spec.nodeName}/${str(status.hostIP)}\n` : "Node:\t<none>\n");
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabelsMultiline(w, "Labels", meta.labels);
    printAnnotationsMultiline(w, "Annotations", meta.annotations);
    if (meta.deletionTimestamp && status.phase !== "Failed" && status.phase !== "Succeeded") {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, now)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${goInt(meta.deletionGracePeriodSeconds)}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${str(status.phase)}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = spec.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${str(seccomp.type)}\n`);
      if (seccomp.type === "Localhost") w.write(LEVEL_0, `LocalhostProfile:\t${str(seccomp.localhostProfile)}\n`);
    }
    w.write(LEVEL_0, `IP:\t${str(status.podIP)}\n`);
    describePodIPs(pod, w, "");
    const controlledBy = printController(pod);
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    if (spec.resources) { w.write(LEVEL_0, "Resources:\n"); describeResources(spec.resources, w, LEVEL_1); }
    const resolve = envValueRetriever(pod);
    if (Array.isArray(spec.initContainers) && spec.initContainers.length > 0) {
      describeContainers("Init Containers", spec.initContainers, status.initContainerStatuses, resolve, w, "");
    }
    describeContainers("Containers", spec.containers, status.containerStatuses, resolve, w, "");
    if (Array.isArray(spec.ephemeralContainers) && spec.ephemeralContainers.length > 0) {
      describeContainers("Ephemeral Containers", spec.ephemeralContainers, status.ephemeralContainerStatuses, resolve, w, "");
    }
    const conditions = (status.conditions ?? []) as Json[];
    if (Array.isArray(spec.readinessGates) && spec.readinessGates.length > 0) {
      w.write(LEVEL_0, "Readiness Gates:\n  Type\tStatus\n");
      for (const g of spec.readinessGates as Json[]) {
        const c = conditions.find((x) => x.type === g.conditionType);
        w.write(LEVEL_1, `${str(g.conditionType)} \t${c ? str(c.status) : "<none>"} \n`);
      }
    }
    if (conditions.length > 0) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\n");
      for (const c of conditions) w.write(LEVEL_1, `${str(c.type)} \t${str(c.status)} \n`);
    }
    describeVolumes(spec.volumes, w, "");
    w.write(LEVEL_0, `QoS Class:\t${str(status.qosClass) || getPodQOS(pod)}\n`);
    printLabelsMultiline(w, "Node-Selectors", spec.nodeSelector);
    printPodTolerationsMultiline(w, "Tolerations", spec.tolerations);
    describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, "");
    if (events) describeEvents(events, w, now);
  });
}

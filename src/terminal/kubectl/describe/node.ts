// NodeDescriber of describe.go: roles, labels, annotations, taints, the node's Lease (holder,
// acquire and renew times), conditions, addresses, capacity/allocatable, system info, pod CIDRs,
// the non-terminated pods on the node with their requests and limits as a share of allocatable,
// the allocated totals, and events (searched twice: by the node's uid and by its name as uid).
import type { KubeTransport } from "../../types";
import { findNodeRoles } from "../../../cluster/apiserver/printers/node";
import { translateTimestampSince } from "../../../cluster/apiserver/printers/duration";
import { LEVEL_0, LEVEL_1, tabbedString, type Writer } from "./prefix-writer";
import { byBytes, goBool, rfc1123z, str, type Json } from "./go-format";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, printNodeTaintsMultiline, quantityStr } from "./common";
import { ApiError, listAll, searchEvents, tryGetJson } from "./fetch";
import { milli, percent, podRequestsAndLimits, q, qs, totalRequestsAndLimits, value } from "./resources";
import { tryParseQuantity, zeroQuantity } from "../../../cluster/apiserver/validation/quantity";

export interface NodeExtras { pods?: Json[]; canViewPods: boolean; lease: Json | ApiError; events?: Json[]; }

/** The related objects NodeDescriber fetches. */
export async function fetchNodeExtras(t: KubeTransport, node: Json, showEvents: boolean): Promise<NodeExtras> {
  const name = str(node.metadata?.name);
  let pods: Json[] | undefined;
  let canViewPods = true;
  try {
    pods = await listAll(t, "/api/v1/pods", { fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed` });
  } catch (e) {
    if (!(e instanceof ApiError) || e.reason !== "Forbidden") throw e;
    canViewPods = false;
  }
  let events: Json[] | undefined;
  if (showEvents) {
    const byUid = await searchEvents(t, { kind: "Node", namespace: "", name, uid: node.metadata?.uid });
    const byName = await searchEvents(t, { kind: "Node", namespace: "", name, uid: name });
    events = [...(byUid ?? []), ...(byName ?? [])];
  }
  const lease = await tryGetJson(t, `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${encodeURIComponent(name)}`);
  return { pods, canViewPods, lease, events };
}

function describeNodeLease(lease: Json, w: Writer): void {
  w.write(LEVEL_0, "Lease:\n");
  const spec = lease.spec ?? {};
  w.write(LEVEL_1, `HolderIdentity:\t${typeof spec.holderIdentity === "string" ? spec.holderIdentity : "<unset>"}\n`);
  w.write(LEVEL_1, `AcquireTime:\t${spec.acquireTime ? rfc1123z(spec.acquireTime) : "<unset>"}\n`);
  w.write(LEVEL_1, `RenewTime:\t${spec.renewTime ? rfc1123z(spec.renewTime) : "<unset>"}\n`);
}

function printResourceList(list: Json, w: Writer): void {
  for (const name of Object.keys(list).sort(byBytes)) w.write(LEVEL_0, `  ${name}:\t${quantityStr(list[name])}\n`);
}

const STANDARD = new Set(["cpu", "memory", "ephemeral-storage"]);

function describeNodeResource(pods: Json[], node: Json, w: Writer, now: Date): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(LEVEL_1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  const alloc: Json = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status.allocatable : node.status?.capacity ?? {};
  const allocQ = (name: string) => tryParseQuantity(alloc[name]) ?? zeroQuantity();
  const cpuAlloc = milli(allocQ("cpu"));
  const memAlloc = value(allocQ("memory"));
  for (const pod of pods) {
    const { reqs, limits } = podRequestsAndLimits(pod);
    const cells = [
      `${qs(q(reqs, "cpu"))} (${percent(milli(q(reqs, "cpu")), cpuAlloc)}%)`,
      `${qs(q(limits, "cpu"))} (${percent(milli(q(limits, "cpu")), cpuAlloc)}%)`,
      `${qs(q(reqs, "memory"))} (${percent(value(q(reqs, "memory")), memAlloc)}%)`,
      `${qs(q(limits, "memory"))} (${percent(value(q(limits, "memory")), memAlloc)}%)`,
    ];
    w.write(LEVEL_1, `${str(pod.metadata?.namespace)}\t${str(pod.metadata?.name)}\t\t${cells.join("\t")}\t` +
      `${translateTimestampSince(pod.metadata?.creationTimestamp, now)}\n`);
  }
  w.write(LEVEL_0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(LEVEL_1, "Resource\tRequests\tLimits\n");
  w.write(LEVEL_1, "--------\t--------\t------\n");
  const { reqs, limits } = totalRequestsAndLimits(pods);
  const row = (name: string, a: number, useMilli: boolean) => {
    const get = useMilli ? milli : value;
    const r = q(reqs, name);
    const l = q(limits, name);
    const pr = a !== 0 ? percent(get(r), a) : "0";
    const pl = a !== 0 ? percent(get(l), a) : "0";
    w.write(LEVEL_1, `${name}\t${qs(r)} (${pr}%)\t${qs(l)} (${pl}%)\n`);
  };
  row("cpu", cpuAlloc, true);
  row("memory", memAlloc, false);
  row("ephemeral-storage", value(allocQ("ephemeral-storage")), false);
  const names = Object.keys(alloc).sort(byBytes);
  for (const name of names.filter((n) => n.startsWith("hugepages-"))) row(name, value(allocQ(name)), false);
  for (const name of names.filter((n) => !n.startsWith("hugepages-") && !STANDARD.has(n) && n !== "pods")) {
    w.write(LEVEL_1, `${name}\t${qs(q(reqs, name))}\t${qs(q(limits, name))}\n`);
  }
}

export function describeNode(node: Json, extras: NodeExtras, now: Date): Promise<string> {
  const meta = node.metadata ?? {};
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    const roles = findNodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length > 0 ? roles.join(",") : "<none>"}\n`);
    printLabelsMultiline(w, "Labels", meta.labels);
    printAnnotationsMultiline(w, "Annotations", meta.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
    printNodeTaintsMultiline(w, "Taints", spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${goBool(spec.unschedulable)}\n`);
    if (extras.lease instanceof ApiError) w.write(LEVEL_0, `Lease:\tFailed to get lease: ${extras.lease.message}\n`);
    else describeNodeLease(extras.lease, w);
    const conditions = (status.conditions ?? []) as Json[];
    if (conditions.length > 0) {
      w.write(LEVEL_0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
      w.write(LEVEL_1, "----\t------\t-----------------\t------------------\t------\t-------\n");
      for (const c of conditions) {
        w.write(LEVEL_1, `${str(c.type)} \t${str(c.status)} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t` +
          `${str(c.reason)} \t${str(c.message)}\n`);
      }
    }
    w.write(LEVEL_0, "Addresses:\n");
    for (const a of (status.addresses ?? []) as Json[]) w.write(LEVEL_1, `${str(a.type)}:\t${str(a.address)}\n`);
    if (Object.keys(status.capacity ?? {}).length > 0) { w.write(LEVEL_0, "Capacity:\n"); printResourceList(status.capacity, w); }
    if (Object.keys(status.allocatable ?? {}).length > 0) { w.write(LEVEL_0, "Allocatable:\n"); printResourceList(status.allocatable, w); }
    const info = status.nodeInfo ?? {};
    w.write(LEVEL_0, "System Info:\n");
    for (const [label, key] of [["Machine ID", "machineID"], ["System UUID", "systemUUID"], ["Boot ID", "bootID"],
      ["Kernel Version", "kernelVersion"], ["OS Image", "osImage"], ["Operating System", "operatingSystem"],
      ["Architecture", "architecture"], ["Container Runtime Version", "containerRuntimeVersion"],
      ["Kubelet Version", "kubeletVersion"], ["Kube-Proxy Version", "kubeProxyVersion"]]) {
      w.write(LEVEL_0, `  ${label}:\t${str(info[key])}\n`);
    }
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
    if (Array.isArray(spec.podCIDRs) && spec.podCIDRs.length > 0) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(",")}\n`);
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
    if (extras.canViewPods && extras.pods) describeNodeResource(extras.pods, node, w, now);
    else w.write(LEVEL_0, "Pods:\tnot authorized\n");
    if (extras.events) describeEvents(extras.events, w, now);
  });
}

// Node printer: the columns and printNode of pkg/printers/internalversion/printers.go: STATUS from
// the Ready condition (+SchedulingDisabled), ROLES from node-role.kubernetes.io/<role> and
// kubernetes.io/role labels, VERSION, and the wide INTERNAL-IP, EXTERNAL-IP, OS-IMAGE,
// KERNEL-VERSION, CONTAINER-RUNTIME.
import type { KObject } from "../registry/types";
import { coreV1 } from "./descriptions";
import { ageColumn, column, nameColumn } from "./columns";
import { age } from "./format";
import type { Printer } from "./types";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const LABEL_NODE_ROLE_PREFIX = "node-role.kubernetes.io/";
const NODE_LABEL_ROLE = "kubernetes.io/role";

const columns = [
  nameColumn(),
  column("Status", "string", "The status of the node"),
  column("Roles", "string", "The roles of the node"),
  ageColumn(),
  column("Version", "string", coreV1.NodeSystemInfo.kubeletVersion),
  column("Internal-IP", "string", coreV1.NodeStatus.addresses, { priority: 1 }),
  column("External-IP", "string", coreV1.NodeStatus.addresses, { priority: 1 }),
  column("OS-Image", "string", coreV1.NodeSystemInfo.osImage, { priority: 1 }),
  column("Kernel-Version", "string", coreV1.NodeSystemInfo.kernelVersion, { priority: 1 }),
  column("Container-Runtime", "string", coreV1.NodeSystemInfo.containerRuntimeVersion, { priority: 1 }),
];

/** The STATUS cell: Ready / NotReady / Unknown, then SchedulingDisabled when cordoned. */
export function nodeStatus(node: Json): string {
  // The last condition of a type wins, as upstream fills a map from the list.
  const ready = (node.status?.conditions ?? []).filter((c: Json) => c.type === "Ready").pop();
  const status: string[] = [];
  if (ready) status.push(ready.status === "True" ? "Ready" : "NotReady");
  if (status.length === 0) status.push("Unknown");
  if (node.spec?.unschedulable) status.push("SchedulingDisabled");
  return status.join(",");
}

/** findNodeRoles: the sorted, de-duplicated roles from the node's labels. */
export function findNodeRoles(node: Json): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries<string>(node.metadata?.labels ?? {})) {
    if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = k.slice(LABEL_NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === NODE_LABEL_ROLE && v !== "") {
      roles.add(v);
    }
  }
  return [...roles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const nodeAddress = (node: Json, type: string): string =>
  (node.status?.addresses ?? []).find((a: Json) => a.type === type)?.address ?? "<none>";

function nodeCells(node: KObject, now: Date): unknown[] {
  const info: Json = node.status?.nodeInfo ?? {};
  return [
    node.metadata.name, nodeStatus(node), findNodeRoles(node).join(",") || "<none>", age(node, now),
    info.kubeletVersion ?? "",
    nodeAddress(node, "InternalIP"), nodeAddress(node, "ExternalIP"),
    info.osImage || "<unknown>", info.kernelVersion || "<unknown>", info.containerRuntimeVersion || "<unknown>",
  ];
}

export const nodePrinter: Printer = { columns, cells: nodeCells };

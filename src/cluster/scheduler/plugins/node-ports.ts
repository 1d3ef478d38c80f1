// NodePorts: rejects nodes where a requested host port (ip, protocol, port) is taken; 0.0.0.0
// conflicts with every address. Mirrors pkg/scheduler/framework/plugins/nodeports/node_ports.go
// and HostPortInfo.CheckConflict of pkg/scheduler/framework/types.go.
import { podHostPorts } from "../framework/node-info";
import { newStatus, type HostPort, type Plugin } from "../framework/types";

export const ErrReasonNodePorts = "node(s) didn't have free ports for the requested pod ports";
const KEY = "PreFilterNodePorts";

export function checkConflict(used: HostPort[], want: HostPort): boolean {
  if (want.port <= 0) return false;
  return used.some(
    (u) => u.port === want.port && u.protocol === want.protocol && (want.ip === "0.0.0.0" || u.ip === "0.0.0.0" || u.ip === want.ip),
  );
}

export const nodePorts: Plugin = {
  name: "NodePorts",
  preFilter(state, pod) {
    const ports = podHostPorts(pod);
    if (ports.length === 0) return newStatus("Skip");
    state.write(KEY, ports);
    return undefined;
  },
  filter(state, pod, nodeInfo) {
    const ports = state.read<HostPort[]>(KEY) ?? podHostPorts(pod);
    if (ports.some((p) => checkConflict(nodeInfo.usedPorts, p))) return newStatus("Unschedulable", ErrReasonNodePorts);
    return undefined;
  },
  events: [
    { resource: "Pod", actionType: ["Delete"] },
    { resource: "Node", actionType: ["Add", "Update"] },
  ],
};

// NodeName: a pod with spec.nodeName set fits only that node.
// Mirrors pkg/scheduler/framework/plugins/nodename/node_name.go.
import { newStatus, type Plugin } from "../framework/types";

export const ErrReasonNodeName = "node(s) didn't match the requested node name";

export const nodeName: Plugin = {
  name: "NodeName",
  filter(_state, pod, nodeInfo) {
    const want = pod.spec?.nodeName;
    if (!want || want === nodeInfo.name) return undefined;
    return newStatus("UnschedulableAndUnresolvable", ErrReasonNodeName);
  },
  events: [{ resource: "Node", actionType: ["Add", "Update"] }],
};

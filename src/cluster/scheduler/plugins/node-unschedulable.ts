// NodeUnschedulable: rejects nodes with spec.unschedulable unless the pod tolerates the
// node.kubernetes.io/unschedulable:NoSchedule taint.
// Mirrors pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go.
import { newStatus, type Plugin } from "../framework/types";
import { podTolerations, tolerationsTolerateTaint } from "../framework/taints";

export const ErrReasonUnschedulable = "node(s) were unschedulable";

export const nodeUnschedulable: Plugin = {
  name: "NodeUnschedulable",
  filter(_state, pod, nodeInfo) {
    if (!nodeInfo.node.spec?.unschedulable) return undefined;
    const tolerates = tolerationsTolerateTaint(podTolerations(pod), {
      key: "node.kubernetes.io/unschedulable",
      effect: "NoSchedule",
    });
    return tolerates ? undefined : newStatus("UnschedulableAndUnresolvable", ErrReasonUnschedulable);
  },
  events: [
    { resource: "Node", actionType: ["Add", "UpdateNodeTaint"] },
    { resource: "Pod", actionType: ["UpdatePodTolerations"] },
  ],
};

// TaintNodesByCondition (plugin/pkg/admission/nodetaint/admission.go): a node is created with the
// node.kubernetes.io/not-ready:NoSchedule taint, until the node lifecycle controller sees it Ready.
import type { AdmissionPlugin } from "./types";
import type { Json } from "../validation/common";

export const taintNodesByCondition: AdmissionPlugin = {
  name: "TaintNodesByCondition",
  admit(a) {
    if (a.operation !== "CREATE" || a.subresource || a.resource.group !== "" || a.resource.resource !== "nodes" || !a.object) return;
    const spec = (a.object.spec ??= {});
    const taints: Json[] = spec.taints ?? [];
    if (taints.some((t) => t.key === "node.kubernetes.io/not-ready" && t.effect === "NoSchedule")) return;
    spec.taints = [...taints, { key: "node.kubernetes.io/not-ready", effect: "NoSchedule" }];
  },
};

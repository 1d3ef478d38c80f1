// The unschedulable taint of the node lifecycle controller (pkg/controller/nodelifecycle
// node_lifecycle_controller.go doNoScheduleTaintingPass): a cordoned node (spec.unschedulable)
// carries node.kubernetes.io/unschedulable:NoSchedule, stamped with the time it was added
// (SwapNodeControllerTaint); an uncordoned one loses it.
import type { Component } from "../engine/component";
import type { KObject } from "../apiserver/registry/types";
import { rfc3339 } from "../apiserver/object-meta";
import { isStatusError } from "../apiserver/status";
import { R } from "./util";

export const UNSCHEDULABLE_TAINT_KEY = "node.kubernetes.io/unschedulable";
const isUnschedulableTaint = (t: KObject) => t.key === UNSCHEDULABLE_TAINT_KEY && t.effect === "NoSchedule";

export const nodeUnschedulableTaint: Component = {
  name: "node-lifecycle-controller-unschedulable",
  watches: [{ resource: R.nodes, keys: (o) => [o.metadata.name] }],
  sync(name, ctx) {
    const node = ctx.api.get(R.nodes, undefined, name);
    if (!node) return;
    const taints = (node.spec?.taints ?? []) as KObject[];
    const has = taints.some(isUnschedulableTaint);
    const want = node.spec?.unschedulable === true;
    if (has === want) return;
    const next = want
      ? [...taints, { key: UNSCHEDULABLE_TAINT_KEY, effect: "NoSchedule", timeAdded: rfc3339(ctx.now()) }]
      : taints.filter((t) => !isUnschedulableTaint(t));
    try {
      ctx.api.update(R.nodes, { ...node, spec: { ...node.spec, taints: next.length ? next : undefined } });
    } catch (e) {
      if (!isStatusError(e) || e.code !== 409) throw e;
      return { requeueAfterMs: 0 };
    }
  },
};

// The namespace controller: when a namespace is being deleted, delete everything in it, report
// progress in its status conditions, and finalize it once empty
// (pkg/controller/namespace/deletion/namespaced_resources_deleter.go).
import type { Component, ComponentContext } from "../engine/component";
import { ApiClient } from "../engine/client";
import { RESOURCES } from "../apiserver/resources";
import type { KObject } from "../apiserver/registry/types";
import { rfc3339 } from "../apiserver/object-meta";

const namespaces = ApiClient.resource("", "namespaces");

/** Namespaced resources that hold content (events.k8s.io events share storage with core events). */
const CONTENT = RESOURCES.filter((r) => r.namespaced && r.verbs.includes("delete") && r.verbs.includes("list") && r.group !== "events.k8s.io");

function condition(type: string, status: string, reason: string, message: string, now: string) {
  return { type, status, lastTransitionTime: now, reason, message };
}

function setConditions(ns: KObject, remaining: Map<string, number>, now: string): KObject {
  const rest = [...remaining.entries()].map(([r, n]) => `${r} has ${n} resource instances`).join(", ");
  const conds = [
    condition("NamespaceDeletionDiscoveryFailure", "False", "ResourcesDiscovered", "All resources successfully discovered", now),
    condition("NamespaceDeletionGroupVersionParsingFailure", "False", "ParsedGroupVersions", "All legacy kube types successfully parsed", now),
    condition("NamespaceDeletionContentFailure", "False", "ContentDeleted", "All content successfully deleted, may be waiting on finalization", now),
    remaining.size
      ? condition("NamespaceContentRemaining", "True", "SomeResourcesRemain", `Some resources are remaining: ${rest}`, now)
      : condition("NamespaceContentRemaining", "False", "ContentRemoved", "All content successfully removed", now),
    condition("NamespaceFinalizersRemaining", "False", "ContentHasNoFinalizers", "All content-preserving finalizers finished", now),
  ];
  const old = (ns.status?.conditions ?? []) as KObject[];
  const merged = conds.map((c) => {
    const prev = old.find((o) => o.type === c.type);
    return prev && prev.status === c.status ? { ...c, lastTransitionTime: prev.lastTransitionTime } : c;
  });
  return { ...ns, status: { ...ns.status, phase: "Terminating", conditions: merged } };
}

export const namespaceController: Component = {
  name: "namespace-controller",
  watches: [{ resource: namespaces, keys: (o) => (o.metadata.deletionTimestamp ? [o.metadata.name] : []) }],

  sync(name: string, ctx: ComponentContext) {
    const ns = ctx.api.get(namespaces, undefined, name);
    if (!ns?.metadata.deletionTimestamp) return;
    const remaining = new Map<string, number>();
    let waitSeconds = 0;
    for (const ri of CONTENT) {
      for (const obj of ctx.api.list(ri, name)) {
        if (!obj.metadata.deletionTimestamp) {
          const r = ctx.api.delete(ri, name, obj.metadata.name);
          if (r.deleted) continue;
        }
        const label = ri.group ? `${ri.resource}.${ri.group}` : ri.resource;
        remaining.set(label, (remaining.get(label) ?? 0) + 1);
        waitSeconds = Math.max(waitSeconds, obj.metadata.deletionGracePeriodSeconds ?? 0);
      }
    }
    const now = rfc3339(ctx.now());
    const updated = setConditions(ns, remaining, now);
    ctx.api.update(namespaces, updated, "status");
    if (remaining.size) return { requeueAfterMs: Math.max(1, Math.min(waitSeconds, 15)) * 1000 };
    const current = ctx.api.get(namespaces, undefined, name);
    if (!current) return;
    const finalizers = ((current.spec?.finalizers ?? []) as string[]).filter((f) => f !== "kubernetes");
    ctx.api.update(namespaces, { ...current, spec: { ...current.spec, finalizers } }, "finalize");
    return;
  },
};

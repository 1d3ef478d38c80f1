// The DaemonSet controller (pkg/controller/daemon/daemon_controller.go syncDaemonSet, manage,
// podsShouldBeOnNode, updateDaemonSetStatus; update.go rollingUpdate): one pod `<ds>-<5 chars>` per
// eligible node, pinned by node affinity, with the daemon tolerations, the controller-revision-hash
// and pod-template-generation labels; failed pods are replaced; RollingUpdate replaces old pods
// up to maxUnavailable at a time.
import type { Component, ComponentContext } from "../engine/component";
import type { KObject } from "../apiserver/registry/types";
import { isStatusError } from "../apiserver/status";
import { recordEvent } from "./events";
import { computeHash } from "./hash";
import { addDaemonTolerations, nodeShouldRunDaemonPod, pinToNode } from "./daemon-pod";
import {
  R, claimPods, isPodAvailable, isPodReady, newControllerRef, nsKey, omitEmpty, ownerKeys, podFromTemplate, podsPrefix,
  scaledValue, splitKey, updateStatus,
} from "./util";

export const DAEMONSET_CONTROLLER = "daemonset-controller";
const REVISION_HASH = "controller-revision-hash";
const TEMPLATE_GENERATION = "pod-template-generation";

/** The node a daemon pod is for: spec.nodeName, or its pinned affinity. */
function podNode(p: KObject): string | undefined {
  return p.spec?.nodeName ?? p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]?.matchFields?.[0]?.values?.[0];
}

function createPod(ctx: ComponentContext, ds: KObject, node: string, hash: string): void {
  const pod = podFromTemplate(ds.spec.template, newControllerRef(ds, "apps/v1", "DaemonSet"), podsPrefix(ds.metadata.name));
  pod.metadata.labels = { ...pod.metadata.labels, [REVISION_HASH]: hash, [TEMPLATE_GENERATION]: String(ds.metadata.generation ?? 1) };
  addDaemonTolerations(pod.spec);
  pinToNode(pod.spec, node);
  try {
    const created = ctx.api.create(R.pods, ds.metadata.namespace, pod);
    recordEvent(ctx, ds, { type: "Normal", reason: "SuccessfulCreate", message: `Created pod: ${created.metadata.name}` }, DAEMONSET_CONTROLLER);
  } catch (e) {
    if (!isStatusError(e)) throw e;
    recordEvent(ctx, ds, { type: "Warning", reason: "FailedCreate", message: `Error creating: ${e.message}` }, DAEMONSET_CONTROLLER);
  }
}

function deletePod(ctx: ComponentContext, ds: KObject, p: KObject): void {
  try {
    ctx.api.delete(R.pods, p.metadata.namespace, p.metadata.name);
    recordEvent(ctx, ds, { type: "Normal", reason: "SuccessfulDelete", message: `Deleted pod: ${p.metadata.name}` }, DAEMONSET_CONTROLLER);
  } catch (e) {
    if (!isStatusError(e) || e.code !== 404) throw e;
  }
}

function syncDaemonSet(ctx: ComponentContext, ds: KObject): void {
  const hash = computeHash(ds.spec.template, ds.status?.collisionCount);
  const nodes = ctx.api.list(R.nodes);
  const pods = claimPods(ctx, ds, newControllerRef(ds, "apps/v1", "DaemonSet"));
  const byNode = new Map<string, KObject[]>();
  for (const p of pods) {
    const n = podNode(p);
    if (n) byNode.set(n, [...(byNode.get(n) ?? []), p]);
  }
  const isNew = (p: KObject) => p.metadata.labels?.[REVISION_HASH] === hash;
  const manage = !ds.metadata.deletionTimestamp;
  const minReady = ds.spec.minReadySeconds ?? 0;
  const now = ctx.now();
  let desired = 0, current = 0, misscheduled = 0, ready = 0, updated = 0, available = 0;
  const rollingOld: KObject[] = [];
  for (const node of nodes) {
    const should = nodeShouldRunDaemonPod(node, ds);
    const mine = (byNode.get(node.metadata.name) ?? []).filter((p) => !p.metadata.deletionTimestamp);
    if (!should) {
      if (mine.length) misscheduled++;
      if (manage) for (const p of mine) deletePod(ctx, ds, p);
      continue;
    }
    desired++;
    const failed = mine.filter((p) => p.status?.phase === "Failed");
    const running = mine.filter((p) => p.status?.phase !== "Failed");
    if (manage) for (const p of failed) {
      recordEvent(ctx, ds, { type: "Warning", reason: "FailedDaemonPod", message: `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${node.metadata.name}, will try to kill it` }, DAEMONSET_CONTROLLER);
      deletePod(ctx, ds, p);
    }
    if (running.length === 0) {
      if (manage && !(byNode.get(node.metadata.name) ?? []).some((p) => p.metadata.deletionTimestamp)) createPod(ctx, ds, node.metadata.name, hash);
      continue;
    }
    // Keep the oldest pod; extra ones go.
    running.sort((a, b) => Date.parse(a.metadata.creationTimestamp) - Date.parse(b.metadata.creationTimestamp));
    if (manage) for (const extra of running.slice(1)) deletePod(ctx, ds, extra);
    const p = running[0]!;
    current++;
    if (isPodReady(p)) ready++;
    if (isPodAvailable(p, minReady, now)) available++;
    if (isNew(p)) updated++;
    else rollingOld.push(p);
  }
  if (manage && ds.spec.updateStrategy?.type === "RollingUpdate" && rollingOld.length) {
    const maxUnavailable = Math.max(1, scaledValue(ds.spec.updateStrategy.rollingUpdate?.maxUnavailable ?? 1, desired, true));
    const budget = maxUnavailable - (desired - available);
    const oldUnavailable = rollingOld.filter((p) => !isPodAvailable(p, minReady, now));
    const oldAvailable = rollingOld.filter((p) => isPodAvailable(p, minReady, now));
    for (const p of [...oldUnavailable, ...oldAvailable.slice(0, Math.max(0, budget))]) deletePod(ctx, ds, p);
  }
  updateStatus(ctx, R.daemonsets, ds, omitEmpty({
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
    observedGeneration: ds.metadata.generation,
    updatedNumberScheduled: updated,
    numberAvailable: available,
    numberUnavailable: desired - available,
    collisionCount: ds.status?.collisionCount,
  }, ["currentNumberScheduled", "numberMisscheduled", "desiredNumberScheduled", "numberReady"]));
}

export const daemonSetController: Component = {
  name: DAEMONSET_CONTROLLER,
  watches: [
    { resource: R.daemonsets, keys: (o) => [nsKey(o)] },
    { resource: R.pods, keys: ownerKeys("DaemonSet") },
    // A node change can change where every DaemonSet runs.
    { resource: R.nodes, keys: () => ["*"] },
  ],
  sync(key, ctx) {
    if (key === "*") {
      for (const ds of ctx.api.list(R.daemonsets)) {
        const fresh = ctx.api.get(R.daemonsets, ds.metadata.namespace, ds.metadata.name);
        if (fresh) syncDaemonSet(ctx, fresh);
      }
      return;
    }
    const [ns, name] = splitKey(key);
    const ds = ctx.api.get(R.daemonsets, ns, name);
    if (ds) syncDaemonSet(ctx, ds);
  },
};

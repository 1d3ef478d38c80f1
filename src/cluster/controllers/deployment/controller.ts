// The Deployment controller (pkg/controller/deployment/deployment_controller.go syncDeployment;
// sync.go checkPausedConditions, isScalingEvent, sync): ReplicaSets named `<deployment>-<hash>`,
// rolled out by strategy, scaled proportionally, history trimmed to revisionHistoryLimit.
// `kubectl rollout undo` and `rollout restart` change the template client-side; this controller
// then finds (or creates) the matching ReplicaSet like any template change.
import type { Component } from "../../engine/component";
import { labelSelectorFromLabelSelectorObject } from "../../apiserver/selectors/labels";
import { R, nsKey, ownerKeys, splitKey } from "../util";
import { recordEvent } from "../events";
import { allReplicaSetsAndSyncRevision, cleanupDeployment, DEPLOYMENT_CONTROLLER, replicaSetsFor, scale, type DeploymentSync } from "./replicasets";
import { syncDeploymentStatus } from "./status";
import { rolloutRecreate, rolloutRolling } from "./rollout";
import { activeReplicaSets, getCondition, hasProgressDeadline, newCondition, replicas, setCondition, DESIRED_REPLICAS } from "./util";

/** checkPausedConditions: Progressing Unknown with DeploymentPaused / DeploymentResumed. */
function checkPausedConditions(s: DeploymentSync): void {
  const d = s.d;
  if (!hasProgressDeadline(d)) return;
  const cond = getCondition(d.status, "Progressing");
  if (cond?.reason === "ProgressDeadlineExceeded") return;
  const paused = cond?.reason === "DeploymentPaused";
  const status = structuredClone(d.status ?? {});
  if (d.spec.paused && !paused) {
    setCondition(status, newCondition("Progressing", "Unknown", "DeploymentPaused", "Deployment is paused", s.ctx.now()));
  } else if (!d.spec.paused && paused) {
    setCondition(status, newCondition("Progressing", "Unknown", "DeploymentResumed", "Deployment is resumed", s.ctx.now()));
  } else return;
  s.d = s.ctx.api.update(R.deployments, { ...d, status }, "status");
}

/** isScalingEvent: an active ReplicaSet's desired-replicas annotation differs from spec.replicas. */
function isScalingEvent(s: DeploymentSync, rss: ReturnType<typeof replicaSetsFor>): boolean {
  const [newRS, oldRSs] = allReplicaSetsAndSyncRevision(s, rss, false);
  return activeReplicaSets([...oldRSs, newRS]).some((rs) => {
    const desired = rs.metadata.annotations?.[DESIRED_REPLICAS];
    return desired !== undefined && Number.parseInt(desired, 10) !== replicas(s.d);
  });
}

export const deploymentController: Component = {
  name: DEPLOYMENT_CONTROLLER,
  watches: [
    { resource: R.deployments, keys: (o) => [nsKey(o)] },
    { resource: R.replicasets, keys: ownerKeys("Deployment") },
  ],

  sync(key, ctx) {
    const [ns, name] = splitKey(key);
    const d = ctx.api.get(R.deployments, ns, name);
    if (!d) return;
    const s: DeploymentSync = { ctx, d };
    const sel = d.spec?.selector;
    if (sel && Object.keys(sel.matchLabels ?? {}).length === 0 && (sel.matchExpressions ?? []).length === 0) {
      recordEvent(ctx, d, { type: "Warning", reason: "SelectorOverride", message: "This deployment is selecting all pods. A non-empty selector is required." }, DEPLOYMENT_CONTROLLER);
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        ctx.api.update(R.deployments, { ...d, status: { ...d.status, observedGeneration: d.metadata.generation } }, "status");
      }
      return;
    }
    labelSelectorFromLabelSelectorObject(sel);
    const rss = replicaSetsFor(s);
    if (d.metadata.deletionTimestamp) {
      const [newRS, oldRSs] = allReplicaSetsAndSyncRevision(s, rss, false);
      syncDeploymentStatus(s, [...oldRSs, newRS], newRS);
      return;
    }
    checkPausedConditions(s);
    if (s.d.spec.paused || isScalingEvent(s, rss)) {
      const [newRS, oldRSs] = allReplicaSetsAndSyncRevision(s, rss, false);
      scale(s, newRS, oldRSs);
      if (s.d.spec.paused) cleanupDeployment(s, oldRSs);
      const fresh = replicaSetsFor(s);
      const [n2, o2] = allReplicaSetsAndSyncRevision(s, fresh, false);
      syncDeploymentStatus(s, [...o2, n2], n2);
      return;
    }
    // isScalingEvent may have synced annotations: roll out from what is stored now.
    const current = replicaSetsFor(s);
    const after = s.d.spec.strategy?.type === "Recreate" ? rolloutRecreate(s, current) : rolloutRolling(s, current);
    return after !== undefined ? { requeueAfterMs: after } : undefined;
  },
};

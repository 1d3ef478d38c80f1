// Deployment status (pkg/controller/deployment/sync.go calculateStatus, syncDeploymentStatus;
// progress.go syncRolloutStatus, requeueStuckDeployment): replica counts over the ReplicaSets,
// the Available and Progressing conditions with upstream reasons and messages.
import type { KObject } from "../../apiserver/registry/types";
import { R, omitEmpty, sameJson } from "../util";
import type { DeploymentSync } from "./replicasets";
import {
  actualReplicaCount, availableReplicaCount, deploymentComplete, deploymentProgressing, deploymentTimedOut, getCondition,
  hasProgressDeadline, maxUnavailable, newCondition, readyReplicaCount, removeCondition, replicas, setCondition, specReplicaCount,
} from "./util";

export function calculateStatus(s: DeploymentSync, all: (KObject | undefined)[], newRS: KObject | undefined): KObject {
  const d = s.d;
  const available = availableReplicaCount(all);
  const status: KObject = omitEmpty({
    observedGeneration: d.metadata.generation,
    replicas: actualReplicaCount(all),
    updatedReplicas: actualReplicaCount([newRS]),
    readyReplicas: readyReplicaCount(all),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, specReplicaCount(all) - available),
    collisionCount: d.status?.collisionCount,
  });
  status.conditions = structuredClone(d.status?.conditions ?? []);
  if (available >= replicas(d) - maxUnavailable(d)) {
    setCondition(status, newCondition("Available", "True", "MinimumReplicasAvailable", "Deployment has minimum availability.", s.ctx.now()));
  } else {
    setCondition(status, newCondition("Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability.", s.ctx.now()));
  }
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  return status;
}

function writeStatus(s: DeploymentSync, status: KObject): void {
  s.d = s.ctx.api.update(R.deployments, { ...s.d, status }, "status");
}

/** syncDeploymentStatus: only the counts and Available (scaling and paused deployments). */
export function syncDeploymentStatus(s: DeploymentSync, all: (KObject | undefined)[], newRS: KObject | undefined): void {
  const status = calculateStatus(s, all, newRS);
  if (!sameJson(s.d.status ?? {}, status)) writeStatus(s, status);
}

/** syncRolloutStatus: counts, Available and Progressing; returns when to look again for the deadline. */
export function syncRolloutStatus(s: DeploymentSync, all: (KObject | undefined)[], newRS: KObject | undefined): number | undefined {
  const d = s.d;
  const now = s.ctx.now();
  const status = calculateStatus(s, all, newRS);
  if (!hasProgressDeadline(d)) removeCondition(status, "Progressing");
  const cur = getCondition(d.status, "Progressing");
  const complete = status.replicas === status.updatedReplicas && cur?.reason === "NewReplicaSetAvailable";
  const name = newRS?.metadata.name;
  if (hasProgressDeadline(d) && !complete) {
    if (deploymentComplete(d, status)) {
      if (newRS) setCondition(status, newCondition("Progressing", "True", "NewReplicaSetAvailable", `ReplicaSet "${name}" has successfully progressed.`, now));
    } else if (deploymentProgressing(d, status)) {
      if (newRS) {
        const c = newCondition("Progressing", "True", "ReplicaSetUpdated", `ReplicaSet "${name}" is progressing.`, now);
        if (cur) {
          if (cur.status === "True") c.lastTransitionTime = cur.lastTransitionTime;
          removeCondition(status, "Progressing");
        }
        setCondition(status, c);
      }
    } else if (deploymentTimedOut(d, status, now)) {
      if (newRS) setCondition(status, newCondition("Progressing", "False", "ProgressDeadlineExceeded", `ReplicaSet "${name}" has timed out progressing.`, now));
    }
  }
  if (sameJson(d.status ?? {}, status)) return requeueStuck(d, status, now);
  writeStatus(s, status);
  return requeueStuck(s.d, status, now);
}

/** requeueStuckDeployment: when the progress deadline would pass, look again a second after. */
function requeueStuck(d: KObject, status: KObject, now: Date): number | undefined {
  const c = getCondition(status, "Progressing");
  if (!hasProgressDeadline(d) || !c) return undefined;
  if (deploymentComplete(d, status) || c.reason === "NewReplicaSetAvailable" || c.reason === "ProgressDeadlineExceeded") return undefined;
  const after = Date.parse(c.lastUpdateTime) + d.spec.progressDeadlineSeconds * 1000 - now.getTime();
  return after < 1000 ? 1000 : after + 1000;
}

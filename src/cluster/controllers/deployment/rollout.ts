// Rollouts (pkg/controller/deployment/rolling.go rolloutRolling, reconcileNewReplicaSet,
// reconcileOldReplicaSets, cleanupUnhealthyReplicas, scaleDownOldReplicaSetsForRollingUpdate;
// recreate.go rolloutRecreate, oldPodsRunning).
import type { KObject } from "../../apiserver/registry/types";
import { R, controllerOf } from "../util";
import { allReplicaSetsAndSyncRevision, cleanupDeployment, scaleAndRecord, type DeploymentSync } from "./replicasets";
import { syncRolloutStatus } from "./status";
import {
  activeReplicaSets, availableReplicaCount, byCreation, deploymentComplete, maxUnavailable, newRSNewReplicas, replicas, specReplicaCount,
} from "./util";

function reconcileNewReplicaSet(s: DeploymentSync, all: KObject[], newRS: KObject): boolean {
  const d = s.d;
  if (replicas(newRS) === replicas(d)) return false;
  if (replicas(newRS) > replicas(d)) return scaleAndRecord(s, newRS, replicas(d))[0];
  return scaleAndRecord(s, newRS, newRSNewReplicas(d, all, newRS))[0];
}

function cleanupUnhealthyReplicas(s: DeploymentSync, oldRSs: KObject[], maxCleanup: number): [KObject[], number] {
  let total = 0;
  const out = [...oldRSs].sort(byCreation).map((rs) => {
    if (total >= maxCleanup || replicas(rs) === 0) return rs;
    const unhealthy = replicas(rs) - (rs.status?.availableReplicas ?? 0);
    if (unhealthy <= 0) return rs;
    const down = Math.min(maxCleanup - total, unhealthy);
    total += down;
    return scaleAndRecord(s, rs, replicas(rs) - down)[1];
  });
  return [out, total];
}

function scaleDownOldForRollingUpdate(s: DeploymentSync, all: KObject[], oldRSs: KObject[]): number {
  const minAvailable = replicas(s.d) - maxUnavailable(s.d);
  const available = availableReplicaCount(all);
  if (available <= minAvailable) return 0;
  const target = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(byCreation)) {
    if (total >= target) break;
    if (replicas(rs) === 0) continue;
    const down = Math.min(replicas(rs), target - total);
    scaleAndRecord(s, rs, replicas(rs) - down);
    total += down;
  }
  return total;
}

function reconcileOldReplicaSets(s: DeploymentSync, all: KObject[], oldRSs: KObject[], newRS: KObject): boolean {
  if (specReplicaCount(oldRSs) === 0) return false;
  const minAvailable = replicas(s.d) - maxUnavailable(s.d);
  const newUnavailable = replicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = specReplicaCount(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const [cleaned, cleanup] = cleanupUnhealthyReplicas(s, oldRSs, maxScaledDown);
  const scaledDown = scaleDownOldForRollingUpdate(s, [...cleaned, newRS], cleaned);
  return cleanup + scaledDown > 0;
}

export function rolloutRolling(s: DeploymentSync, rss: KObject[]): number | undefined {
  const [newRS, oldRSs] = allReplicaSetsAndSyncRevision(s, rss, true);
  if (!newRS) return 1000;
  const all = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(s, all, newRS)) return syncRolloutStatus(s, all, newRS);
  if (reconcileOldReplicaSets(s, all, activeReplicaSets(oldRSs), newRS)) return syncRolloutStatus(s, all, newRS);
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupDeployment(s, oldRSs);
  return syncRolloutStatus(s, all, newRS);
}

/** oldPodsRunning: old ReplicaSets still have replicas, or pods of theirs have not finished. */
function oldPodsRunning(s: DeploymentSync, newRS: KObject | undefined, oldRSs: KObject[]): boolean {
  if (oldRSs.reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0) > 0) return true;
  const oldUids = new Set(oldRSs.map((rs) => rs.metadata.uid));
  return s.ctx.api.list(R.pods, s.d.metadata.namespace).some((p) => {
    const uid = controllerOf(p)?.uid;
    if (!uid || !oldUids.has(uid) || uid === newRS?.metadata.uid) return false;
    return p.status?.phase !== "Failed" && p.status?.phase !== "Succeeded";
  });
}

export function rolloutRecreate(s: DeploymentSync, rss: KObject[]): number | undefined {
  let [newRS, oldRSs] = allReplicaSetsAndSyncRevision(s, rss, false);
  let scaledDown = false;
  for (const rs of activeReplicaSets(oldRSs)) if (scaleAndRecord(s, rs, 0)[0]) scaledDown = true;
  if (scaledDown) return syncRolloutStatus(s, [...oldRSs, newRS], newRS);
  if (oldPodsRunning(s, newRS, oldRSs)) return syncRolloutStatus(s, [...oldRSs, newRS], newRS);
  if (!newRS) [newRS, oldRSs] = allReplicaSetsAndSyncRevision(s, rss, true);
  if (newRS && scaleAndRecord(s, newRS, replicas(s.d))[0]) return syncRolloutStatus(s, [...oldRSs, newRS], newRS);
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupDeployment(s, oldRSs);
  return syncRolloutStatus(s, [...oldRSs, newRS], newRS);
}

// The deployment controller's work on ReplicaSets (pkg/controller/deployment/sync.go:
// getAllReplicaSetsAndSyncRevision, getNewReplicaSet, scale, scaleReplicaSet, cleanupDeployment;
// deployment_controller.go getReplicaSetsForDeployment).
import type { KObject } from "../../apiserver/registry/types";
import type { ComponentContext } from "../../engine/component";
import { isStatusError } from "../../apiserver/status";
import { labelSelectorFromLabelSelectorObject } from "../../apiserver/selectors/labels";
import { recordEvent } from "../events";
import { computeHash } from "../hash";
import { R, controllerOf, newControllerRef } from "../util";
import {
  POD_TEMPLATE_HASH, REVISION, activeReplicaSets, byCreation, equalIgnoreHash, findNewReplicaSet, isRollingUpdate,
  maxRevision, maxSurge, newCondition, newRSNewReplicas, proportion, replicas, replicasAnnotationsNeedUpdate,
  setCondition, setNewReplicaSetAnnotations, setReplicasAnnotations, getCondition, hasProgressDeadline, specReplicaCount,
} from "./util";

export const DEPLOYMENT_CONTROLLER = "deployment-controller";

/** The deployment being synced; `d` is replaced by what each write returns. */
export interface DeploymentSync {
  ctx: ComponentContext;
  d: KObject;
}

/** getReplicaSetsForDeployment: owned ReplicaSets, and orphans matching the selector adopted. */
export function replicaSetsFor(s: DeploymentSync): KObject[] {
  const { ctx, d } = s;
  const match = labelSelectorFromLabelSelectorObject(d.spec?.selector);
  const out: KObject[] = [];
  for (const rs of ctx.api.list(R.replicasets, d.metadata.namespace)) {
    const c = controllerOf(rs);
    if (c) { if (c.uid === d.metadata.uid) out.push(rs); continue; }
    if (d.metadata.deletionTimestamp || rs.metadata.deletionTimestamp || !match(rs.metadata.labels ?? {})) continue;
    const refs = [...(rs.metadata.ownerReferences ?? []), newControllerRef(d, "apps/v1", "Deployment")];
    out.push(ctx.api.update(R.replicasets, { ...rs, metadata: { ...rs.metadata, ownerReferences: refs } }));
  }
  return out;
}

function writeStatusAndAnnotations(s: DeploymentSync): void {
  s.d = s.ctx.api.update(R.deployments, s.d, "status");
}

/** getNewReplicaSet: syncs an existing new ReplicaSet's annotations, or creates it when asked. */
function getNewReplicaSet(s: DeploymentSync, rss: KObject[], oldRSs: KObject[], create: boolean): KObject | undefined {
  const { ctx } = s;
  const existing = findNewReplicaSet(s.d, rss);
  const newRevision = String(maxRevision(oldRSs) + 1);
  if (existing) {
    const copy = structuredClone(existing);
    const changed = setNewReplicaSetAnnotations(s.d, copy, newRevision, true);
    const minReadyChanged = (copy.spec.minReadySeconds ?? 0) !== (s.d.spec.minReadySeconds ?? 0);
    if (minReadyChanged) copy.spec.minReadySeconds = s.d.spec.minReadySeconds;
    const rs = changed || minReadyChanged ? ctx.api.update(R.replicasets, copy) : existing;
    let needs = setDeploymentRevision(s.d, rs.metadata.annotations?.[REVISION]);
    if (hasProgressDeadline(s.d) && !getCondition(s.d.status, "Progressing")) {
      setCondition((s.d.status ??= {}), newCondition("Progressing", "True", "FoundNewReplicaSet", `Found new replica set "${rs.metadata.name}"`, ctx.now()));
      needs = true;
    }
    if (needs) writeStatusAndAnnotations(s);
    return rs;
  }
  if (!create) return undefined;
  return createNewReplicaSet(s, oldRSs, newRevision);
}

function setDeploymentRevision(d: KObject, revision: string | undefined): boolean {
  if (!revision || d.metadata.annotations?.[REVISION] === revision) return false;
  d.metadata.annotations = { ...d.metadata.annotations, [REVISION]: revision };
  return true;
}

function createNewReplicaSet(s: DeploymentSync, oldRSs: KObject[], newRevision: string): KObject | undefined {
  const { ctx, d } = s;
  const template = structuredClone(d.spec.template);
  const hash = computeHash(d.spec.template, d.status?.collisionCount);
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [POD_TEMPLATE_HASH]: hash } };
  const selector = structuredClone(d.spec.selector ?? {});
  selector.matchLabels = { ...selector.matchLabels, [POD_TEMPLATE_HASH]: hash };
  const rs: KObject = {
    apiVersion: "apps/v1", kind: "ReplicaSet",
    metadata: {
      name: `${d.metadata.name}-${hash}`, namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels }, ownerReferences: [newControllerRef(d, "apps/v1", "Deployment")],
    },
    spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds ?? 0, selector, template },
  };
  rs.spec.replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
  setNewReplicaSetAnnotations(d, rs, newRevision, false);
  let createdRS: KObject;
  let alreadyExists = false;
  try {
    createdRS = ctx.api.create(R.replicasets, d.metadata.namespace, rs);
  } catch (e) {
    if (!isStatusError(e) || e.code !== 409) throw e;
    const found = ctx.api.get(R.replicasets, d.metadata.namespace, rs.metadata.name)!;
    if (controllerOf(found)?.uid === d.metadata.uid && equalIgnoreHash(found.spec.template, d.spec.template)) {
      createdRS = found;
      alreadyExists = true;
    } else {
      // A hash collision: bump collisionCount so the next sync computes another name.
      s.d.status = { ...s.d.status, collisionCount: (s.d.status?.collisionCount ?? 0) + 1 };
      writeStatusAndAnnotations(s);
      return undefined;
    }
  }
  if (!alreadyExists && replicas(createdRS) > 0) {
    recordEvent(ctx, d, { type: "Normal", reason: "ScalingReplicaSet", message: `Scaled up replica set ${createdRS.metadata.name} from 0 to ${replicas(createdRS)}` }, DEPLOYMENT_CONTROLLER);
  }
  let needs = setDeploymentRevision(s.d, newRevision);
  if (!alreadyExists && hasProgressDeadline(s.d)) {
    setCondition((s.d.status ??= {}), newCondition("Progressing", "True", "NewReplicaSetCreated", `Created new replica set "${createdRS.metadata.name}"`, ctx.now()));
    needs = true;
  }
  if (needs) writeStatusAndAnnotations(s);
  return createdRS;
}

/** getAllReplicaSetsAndSyncRevision: [new, olds]. */
export function allReplicaSetsAndSyncRevision(s: DeploymentSync, rss: KObject[], create: boolean): [KObject | undefined, KObject[]] {
  const newOne = findNewReplicaSet(s.d, rss);
  const oldRSs = rss.filter((rs) => rs.metadata.uid !== newOne?.metadata.uid);
  return [getNewReplicaSet(s, rss, oldRSs, create), oldRSs];
}

/** scaleReplicaSet: spec.replicas and the replica annotations, with the ScalingReplicaSet event. */
export function scaleReplicaSet(s: DeploymentSync, rs: KObject, newScale: number): [boolean, KObject] {
  const { ctx, d } = s;
  const sizeChanged = replicas(rs) !== newScale;
  const max = replicas(d) + maxSurge(d);
  if (!sizeChanged && !replicasAnnotationsNeedUpdate(rs, replicas(d), max)) return [false, rs];
  const oldScale = replicas(rs);
  const copy = structuredClone(rs);
  copy.spec.replicas = newScale;
  setReplicasAnnotations(copy, replicas(d), max);
  const updated = ctx.api.update(R.replicasets, copy);
  if (sizeChanged) {
    const op = oldScale < newScale ? "up" : "down";
    recordEvent(ctx, d, { type: "Normal", reason: "ScalingReplicaSet", message: `Scaled ${op} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}` }, DEPLOYMENT_CONTROLLER);
  }
  return [sizeChanged, updated];
}

/** scaleReplicaSetAndRecordEvent. */
export function scaleAndRecord(s: DeploymentSync, rs: KObject, newScale: number): [boolean, KObject] {
  return replicas(rs) === newScale ? [false, rs] : scaleReplicaSet(s, rs, newScale);
}

/** FindActiveOrLatest: the only active ReplicaSet, or the newest when none is active. */
function activeOrLatest(newRS: KObject | undefined, oldRSs: KObject[]): KObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const olds = [...oldRSs].sort(byCreation).reverse();
  const active = activeReplicaSets([...olds, newRS]);
  if (active.length === 0) return newRS ?? olds[0];
  return active.length === 1 ? active[0] : undefined;
}

function isSaturated(d: KObject, rs: KObject | undefined): boolean {
  if (!rs) return false;
  const desired = Number.parseInt(rs.metadata.annotations?.["deployment.kubernetes.io/desired-replicas"] ?? "", 10);
  return desired === replicas(d) && replicas(rs) === replicas(d) && (rs.status?.availableReplicas ?? 0) === replicas(d);
}

/** scale: a scaling event, shared proportionally among the active ReplicaSets of a rolling update. */
export function scale(s: DeploymentSync, newRS: KObject | undefined, oldRSs: KObject[]): void {
  const d = s.d;
  const only = activeOrLatest(newRS, oldRSs);
  if (only) {
    if (replicas(only) !== replicas(d)) scaleAndRecord(s, only, replicas(d));
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) scaleAndRecord(s, old, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const all = activeReplicaSets([...oldRSs, newRS]);
  const allowed = replicas(d) > 0 ? replicas(d) + maxSurge(d) : 0;
  const toAdd = allowed - specReplicaCount(all);
  if (toAdd > 0) all.sort((a, b) => replicas(b) - replicas(a) || -byCreation(a, b));
  else if (toAdd < 0) all.sort((a, b) => replicas(b) - replicas(a) || byCreation(a, b));
  let added = 0;
  const sizes = all.map((rs) => {
    if (toAdd === 0) return replicas(rs);
    const p = proportion(rs, d, toAdd, added);
    added += p;
    return replicas(rs) + p;
  });
  all.forEach((rs, i) => {
    if (i === 0 && toAdd !== 0) sizes[0] = Math.max(0, sizes[0]! + toAdd - added);
    scaleReplicaSet(s, rs, sizes[i]!);
  });
}

/** cleanupDeployment: old, empty ReplicaSets beyond revisionHistoryLimit are deleted, oldest revision first. */
export function cleanupDeployment(s: DeploymentSync, oldRSs: KObject[]): void {
  const limit = s.d.spec?.revisionHistoryLimit;
  if (limit == null) return;
  const alive = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = alive.length - limit;
  if (diff <= 0) return;
  alive.sort((a, b) => {
    const ra = Number.parseInt(a.metadata.annotations?.[REVISION] ?? "", 10);
    const rb = Number.parseInt(b.metadata.annotations?.[REVISION] ?? "", 10);
    if (Number.isNaN(ra) || Number.isNaN(rb) || ra === rb) return byCreation(a, b);
    return ra - rb;
  });
  for (const rs of alive.slice(0, diff)) {
    if ((rs.status?.replicas ?? 0) !== 0 || replicas(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    s.ctx.api.delete(R.replicasets, rs.metadata.namespace, rs.metadata.name);
  }
}


// Deployment helpers (pkg/controller/deployment/util/deployment_util.go): revision and replica
// annotations, max surge / max unavailable, replica counts over ReplicaSets, conditions,
// FindNewReplicaSet / FindOldReplicaSets, NewRSNewReplicas and proportional scaling.
import type { KObject } from "../../apiserver/registry/types";
import { rfc3339 } from "../../apiserver/object-meta";
import { created, sameJson, scaledValue, type Json } from "../util";

export const REVISION = "deployment.kubernetes.io/revision";
export const REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
export const DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
export const MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
export const POD_TEMPLATE_HASH = "pod-template-hash";
const SKIP_COPY = new Set([
  "kubectl.kubernetes.io/last-applied-configuration", REVISION, REVISION_HISTORY, DESIRED_REPLICAS, MAX_REPLICAS,
  "deprecated.deployment.rollback.to",
]);

export const replicas = (o: KObject | undefined): number => o?.spec?.replicas ?? 0;
export const isRollingUpdate = (d: KObject) => d.spec?.strategy?.type === "RollingUpdate";

/** ResolveFenceposts: surge rounds up, unavailable down; both zero makes unavailable 1. */
export function resolveFenceposts(d: KObject): [number, number] {
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  const desired = replicas(d);
  const surge = scaledValue(ru.maxSurge, desired, true);
  let unavailable = scaledValue(ru.maxUnavailable, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export const maxSurge = (d: KObject) => (isRollingUpdate(d) ? resolveFenceposts(d)[0] : 0);

export function maxUnavailable(d: KObject): number {
  if (!isRollingUpdate(d) || replicas(d) === 0) return 0;
  return Math.min(resolveFenceposts(d)[1], replicas(d));
}

const sum = (rss: (KObject | undefined)[], f: (rs: KObject) => number) => rss.reduce((n, rs) => n + (rs ? f(rs) : 0), 0);
export const specReplicaCount = (rss: (KObject | undefined)[]) => sum(rss, (rs) => replicas(rs));
export const actualReplicaCount = (rss: (KObject | undefined)[]) => sum(rss, (rs) => rs.status?.replicas ?? 0);
export const readyReplicaCount = (rss: (KObject | undefined)[]) => sum(rss, (rs) => rs.status?.readyReplicas ?? 0);
export const availableReplicaCount = (rss: (KObject | undefined)[]) => sum(rss, (rs) => rs.status?.availableReplicas ?? 0);

export const revisionOf = (rs: KObject) => Number.parseInt(rs.metadata.annotations?.[REVISION] ?? "", 10) || 0;
export const maxRevision = (rss: KObject[]) => Math.max(0, ...rss.map(revisionOf));

/** ReplicaSetsByCreationTimestamp (name breaks ties). */
export function byCreation(a: KObject, b: KObject): number {
  return created(a) - created(b) || (a.metadata.name < b.metadata.name ? -1 : 1);
}

function templateWithoutHash(t: KObject | undefined): Json {
  const c: Json = structuredClone(t ?? {});
  if (c.metadata?.labels) {
    delete c.metadata.labels[POD_TEMPLATE_HASH];
    if (Object.keys(c.metadata.labels).length === 0) delete c.metadata.labels;
  }
  return c;
}

/** EqualIgnoreHash: the templates are equal apart from the pod-template-hash label. */
export const equalIgnoreHash = (a: KObject | undefined, b: KObject | undefined) => sameJson(templateWithoutHash(a), templateWithoutHash(b));

/** FindNewReplicaSet: the oldest ReplicaSet whose template is the deployment's. */
export function findNewReplicaSet(d: KObject, rss: KObject[]): KObject | undefined {
  return [...rss].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

export const activeReplicaSets = (rss: (KObject | undefined)[]) => rss.filter((rs): rs is KObject => !!rs && replicas(rs) > 0);

/** NewRSNewReplicas: how many replicas the new ReplicaSet may have now. */
export function newRSNewReplicas(d: KObject, all: KObject[], newRS: KObject): number {
  if (!isRollingUpdate(d)) return replicas(d);
  const surge = scaledValue(d.spec.strategy.rollingUpdate?.maxSurge, replicas(d), true);
  const current = specReplicaCount(all);
  const maxTotal = replicas(d) + surge;
  if (current >= maxTotal) return replicas(newRS);
  return replicas(newRS) + Math.min(maxTotal - current, replicas(d) - replicas(newRS));
}

/** SetReplicasAnnotations; true when something changed. */
export function setReplicasAnnotations(rs: KObject, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  if (a[DESIRED_REPLICAS] === String(desired) && a[MAX_REPLICAS] === String(max)) return false;
  a[DESIRED_REPLICAS] = String(desired);
  a[MAX_REPLICAS] = String(max);
  return true;
}

export function replicasAnnotationsNeedUpdate(rs: KObject, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[DESIRED_REPLICAS] !== String(desired) || a[MAX_REPLICAS] !== String(max);
}

/** SetNewReplicaSetAnnotations: the deployment's annotations, the revision (keeping revision-history on rollback). */
export function setNewReplicaSetAnnotations(d: KObject, rs: KObject, newRevision: string, exists: boolean): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries((d.metadata.annotations ?? {}) as Record<string, string>)) {
    if (SKIP_COPY.has(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  const had = REVISION in a;
  const oldRevision = Number.parseInt(a[REVISION] ?? "0", 10) || 0;
  if (oldRevision < Number.parseInt(newRevision, 10)) {
    if (had) a[REVISION_HISTORY] = a[REVISION_HISTORY] ? `${a[REVISION_HISTORY]},${a[REVISION]}` : a[REVISION];
    a[REVISION] = newRevision;
    changed = true;
  }
  if (!exists && setReplicasAnnotations(rs, replicas(d), replicas(d) + maxSurge(d))) changed = true;
  return changed;
}

/** GetProportion: a ReplicaSet's share of a scaling of the whole deployment. */
export function proportion(rs: KObject, d: KObject, toAdd: number, added: number): number {
  if (replicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  let fraction: number;
  if (replicas(d) === 0) fraction = -replicas(rs);
  else {
    const annotated = Number.parseInt(rs.metadata.annotations?.[MAX_REPLICAS] ?? "", 10);
    const base = Number.isFinite(annotated) ? annotated : (d.status?.replicas ?? 0);
    fraction = Math.round((replicas(rs) * (replicas(d) + maxSurge(d))) / base) - replicas(rs);
  }
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

export interface Condition {
  type: string; status: string; lastUpdateTime: string; lastTransitionTime: string; reason: string; message: string;
}

export function newCondition(type: string, status: string, reason: string, message: string, now: Date): Condition {
  const t = rfc3339(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

export const getCondition = (status: KObject | undefined, type: string): Condition | undefined =>
  ((status?.conditions ?? []) as Condition[]).find((c) => c.type === type);

/** SetDeploymentCondition: unchanged when status and reason are; keeps the transition time when status is. */
export function setCondition(status: KObject, c: Condition): void {
  const cur = getCondition(status, c.type);
  if (cur && cur.status === c.status && cur.reason === c.reason) return;
  if (cur && cur.status === c.status) c.lastTransitionTime = cur.lastTransitionTime;
  status.conditions = [...((status.conditions ?? []) as Condition[]).filter((x) => x.type !== c.type), c];
}

export function removeCondition(status: KObject, type: string): void {
  status.conditions = ((status.conditions ?? []) as Condition[]).filter((x) => x.type !== type);
}

export const hasProgressDeadline = (d: KObject) => d.spec?.progressDeadlineSeconds != null && d.spec.progressDeadlineSeconds !== 2147483647;

/** DeploymentComplete. */
export function deploymentComplete(d: KObject, s: KObject): boolean {
  const n = replicas(d);
  return (s.updatedReplicas ?? 0) === n && (s.replicas ?? 0) === n && (s.availableReplicas ?? 0) === n &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

/** DeploymentProgressing: more updated, ready or available replicas, or fewer old ones. */
export function deploymentProgressing(d: KObject, s: KObject): boolean {
  const o = d.status ?? {};
  const oldOld = (o.replicas ?? 0) - (o.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (s.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) || newOld < oldOld ||
    (s.readyReplicas ?? 0) > (o.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (o.availableReplicas ?? 0);
}

/** DeploymentTimedOut. */
export function deploymentTimedOut(d: KObject, s: KObject, now: Date): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(s, "Progressing");
  if (!c || c.reason === "NewReplicaSetAvailable") return false;
  if (c.reason === "ProgressDeadlineExceeded") return true;
  return Date.parse(c.lastUpdateTime) + d.spec.progressDeadlineSeconds * 1000 < now.getTime();
}

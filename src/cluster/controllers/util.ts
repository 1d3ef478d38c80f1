// Helpers shared by the controllers (pkg/controller/controller_utils.go, controller_ref_manager.go,
// pkg/api/v1/pod/util.go, apimachinery intstr): resources, keys, controller references, pod
// readiness and availability, pods made from templates, scaled int-or-percent values.
import type { KObject } from "../apiserver/registry/types";
import type { ComponentContext } from "../engine/component";
import { ApiClient } from "../engine/client";
import { labelSelectorFromLabelSelectorObject } from "../apiserver/selectors/labels";
import { deepEqual, type Json } from "../apiserver/validation/common";

export type { Json };

export const R = {
  pods: ApiClient.resource("", "pods"),
  nodes: ApiClient.resource("", "nodes"),
  namespaces: ApiClient.resource("", "namespaces"),
  services: ApiClient.resource("", "services"),
  endpoints: ApiClient.resource("", "endpoints"),
  serviceaccounts: ApiClient.resource("", "serviceaccounts"),
  configmaps: ApiClient.resource("", "configmaps"),
  deployments: ApiClient.resource("apps", "deployments"),
  replicasets: ApiClient.resource("apps", "replicasets"),
  daemonsets: ApiClient.resource("apps", "daemonsets"),
  statefulsets: ApiClient.resource("apps", "statefulsets"),
  jobs: ApiClient.resource("batch", "jobs"),
  endpointslices: ApiClient.resource("discovery.k8s.io", "endpointslices"),
  customresourcedefinitions: ApiClient.resource("apiextensions.k8s.io", "customresourcedefinitions"),
};

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

/** The work-queue key of a namespaced object: `namespace/name` (cache.MetaNamespaceKeyFunc). */
export const nsKey = (o: KObject) => `${o.metadata.namespace}/${o.metadata.name}`;

export function splitKey(key: string): [string, string] {
  const i = key.indexOf("/");
  return [key.slice(0, i), key.slice(i + 1)];
}

/** metav1.GetControllerOf. */
export function controllerOf(obj: KObject): OwnerReference | undefined {
  return ((obj.metadata.ownerReferences ?? []) as OwnerReference[]).find((r) => r.controller === true);
}

/** metav1.NewControllerRef. */
export function newControllerRef(owner: KObject, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: true };
}

/** Watch keys for a dependent: its controller's key when the controller is of `kind`. */
export function ownerKeys(kind: string) {
  return (obj: KObject): string[] => {
    const ref = controllerOf(obj);
    return ref?.kind === kind ? [`${obj.metadata.namespace}/${ref.name}`] : [];
  };
}

/** IsPodActive: not finished and not being deleted. */
export function isPodActive(pod: KObject): boolean {
  const phase = pod.status?.phase;
  return phase !== "Succeeded" && phase !== "Failed" && !pod.metadata.deletionTimestamp;
}

export function podCondition(pod: KObject, type: string): KObject | undefined {
  return ((pod.status?.conditions ?? []) as KObject[]).find((c) => c.type === type);
}

export const isPodReady = (pod: KObject) => podCondition(pod, "Ready")?.status === "True";

/** IsPodAvailable: ready for at least minReadySeconds. */
export function isPodAvailable(pod: KObject, minReadySeconds: number, now: Date): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const since = Date.parse(podCondition(pod, "Ready")?.lastTransitionTime ?? "");
  return Number.isFinite(since) && since + minReadySeconds * 1000 < now.getTime();
}

/** Virtual ms until a ready pod becomes available (0 when it already is or is not ready). */
export function msUntilAvailable(pod: KObject, minReadySeconds: number, now: Date): number {
  if (!isPodReady(pod) || !minReadySeconds) return 0;
  const since = Date.parse(podCondition(pod, "Ready")?.lastTransitionTime ?? "");
  return Math.max(0, since + minReadySeconds * 1000 - now.getTime() + 1000);
}

/** Pods of a namespace matched by a LabelSelector object (a null selector matches nothing). */
export function selectPods(ctx: ComponentContext, ns: string, selector: unknown): KObject[] {
  const m = labelSelectorFromLabelSelectorObject(selector as never);
  return ctx.api.list(R.pods, ns).filter((p) => m(p.metadata.labels ?? {}));
}

/**
 * The pods an owner controls (ClaimPods): its own by controller reference, plus orphans matching
 * its selector, adopted by adding the controller reference; owned pods no longer matching are released.
 */
export function claimPods(ctx: ComponentContext, owner: KObject, ref: OwnerReference): KObject[] {
  const match = labelSelectorFromLabelSelectorObject(owner.spec?.selector);
  const out: KObject[] = [];
  for (const pod of ctx.api.list(R.pods, owner.metadata.namespace)) {
    const c = controllerOf(pod);
    const matches = match(pod.metadata.labels ?? {});
    if (c && c.uid !== owner.metadata.uid) continue;
    if (c && matches) { out.push(pod); continue; }
    if (c && !matches) {
      if (pod.metadata.deletionTimestamp) continue;
      const refs = (pod.metadata.ownerReferences as OwnerReference[]).filter((r) => r.uid !== owner.metadata.uid);
      ctx.api.update(R.pods, { ...pod, metadata: { ...pod.metadata, ownerReferences: refs.length ? refs : undefined } });
      continue;
    }
    if (!matches || pod.metadata.deletionTimestamp || owner.metadata.deletionTimestamp) continue;
    const refs = [...(pod.metadata.ownerReferences ?? []), ref];
    out.push(ctx.api.update(R.pods, { ...pod, metadata: { ...pod.metadata, ownerReferences: refs } }));
  }
  return out;
}

/** GetPodFromTemplate: labels, annotations, finalizers and spec of the template, the controller reference. */
export function podFromTemplate(template: KObject, ref: OwnerReference | undefined, generateName?: string): KObject {
  const meta: KObject["metadata"] = {};
  if (generateName) meta.generateName = generateName;
  const t = template?.metadata ?? {};
  if (t.labels) meta.labels = { ...t.labels };
  if (t.annotations) meta.annotations = { ...t.annotations };
  if (t.finalizers) meta.finalizers = [...t.finalizers];
  if (ref) meta.ownerReferences = [ref];
  return { apiVersion: "v1", kind: "Pod", metadata: meta, spec: structuredClone(template?.spec ?? {}) };
}

/** getPodsPrefix: `<name>-`. */
export const podsPrefix = (controllerName: string) => `${controllerName}-`;

/** intstr.GetScaledValueFromIntOrPercent. */
export function scaledValue(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === "number") return v;
  const n = Number.parseInt(String(v).replace(/%$/, ""), 10);
  const x = (n * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}

/** Drops fields Go's omitempty would leave out (zero numbers, empty lists), keeping `keep`. */
export function omitEmpty(status: Record<string, unknown>, keep: string[] = []): Json {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(status)) {
    if (keep.includes(k)) { out[k] = v ?? 0; continue; }
    if (v === undefined || v === null || v === 0 || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

export const sameJson = (a: unknown, b: unknown) => deepEqual(a, b);

/** Writes `status` through the status subresource when it differs from the stored one. */
export function updateStatus(ctx: ComponentContext, ri: (typeof R)[keyof typeof R], obj: KObject, status: Json): KObject {
  if (sameJson(obj.status ?? {}, status)) return obj;
  return ctx.api.update(ri, { ...obj, status }, "status");
}

/** Creation time in ms (for ordering). */
export const created = (o: KObject) => Date.parse(o.metadata.creationTimestamp ?? "") || 0;

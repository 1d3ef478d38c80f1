// Pod resource requests as the scheduler counts them: PodRequests of
// k8s.io/component-helpers/resource/helpers.go (containers summed, restartable init containers
// (sidecars) added, other init containers by the max rule, pod overhead added) and the scheduler's
// non-zero defaults of pkg/scheduler/util/pod_resources.go (100m cpu, 200 MB memory).
import type { KObject } from "../../apiserver/registry/types";
import { quantityMilliValue, quantityValue } from "../quantity";
import { emptyResource, type Resource } from "./types";

/** Defaults for containers that request no cpu / memory (schedutil.DefaultMilliCPURequest, DefaultMemoryRequest). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** A resource list with cpu in millicores and everything else in units (Value()). */
export type ResourceValues = Record<string, number>;

export function toValues(list: Record<string, unknown> | undefined): ResourceValues {
  const out: ResourceValues = {};
  for (const [name, q] of Object.entries(list ?? {})) {
    out[name] = name === "cpu" ? quantityMilliValue(q) : quantityValue(q);
  }
  return out;
}

function add(into: ResourceValues, list: ResourceValues): void {
  for (const [k, v] of Object.entries(list)) into[k] = (into[k] ?? 0) + v;
}

function max(into: ResourceValues, list: ResourceValues): void {
  for (const [k, v] of Object.entries(list)) into[k] = Math.max(into[k] ?? 0, v);
}

function containerRequests(c: KObject, nonMissing: boolean): ResourceValues {
  const reqs = toValues(c.resources?.requests);
  if (nonMissing) {
    if (!("cpu" in reqs)) reqs.cpu = DEFAULT_MILLI_CPU_REQUEST;
    if (!("memory" in reqs)) reqs.memory = DEFAULT_MEMORY_REQUEST;
  }
  return reqs;
}

export interface PodRequestOptions {
  /** Apply the scheduler's non-zero defaults to containers that miss cpu or memory. */
  nonMissing?: boolean;
  excludeOverhead?: boolean;
}

/** resourcehelper.PodRequests. */
export function podRequests(pod: KObject, opts: PodRequestOptions = {}): ResourceValues {
  const nonMissing = opts.nonMissing ?? false;
  const reqs: ResourceValues = {};
  for (const c of pod.spec?.containers ?? []) add(reqs, containerRequests(c, nonMissing));
  const restartable: ResourceValues = {};
  const initMax: ResourceValues = {};
  for (const c of pod.spec?.initContainers ?? []) {
    let r = containerRequests(c, nonMissing);
    if (c.restartPolicy === "Always") {
      add(reqs, r);
      add(restartable, r);
      r = { ...restartable };
    } else {
      const tmp: ResourceValues = {};
      add(tmp, r);
      add(tmp, restartable);
      r = tmp;
    }
    max(initMax, r);
  }
  max(reqs, initMax);
  if (!opts.excludeOverhead && pod.spec?.overhead) add(reqs, toValues(pod.spec.overhead));
  return reqs;
}

/** Whether a resource name is a scalar resource (extended, hugepages-, attachable-volumes-). */
export function isScalarResourceName(name: string): boolean {
  return name.startsWith("hugepages-") || name.startsWith("attachable-volumes-") || isExtendedResourceName(name);
}

/** IsExtendedResourceName: a domain-qualified name outside kubernetes.io/ that is not requests.* */
export function isExtendedResourceName(name: string): boolean {
  if (name.startsWith("requests.")) return false;
  // IsNativeResource: no domain, or a kubernetes.io/ prefixed name.
  return name.includes("/") && !name.includes("kubernetes.io/");
}

/** Resource.Add for a resource list. */
export function addToResource(r: Resource, list: ResourceValues, sign = 1): void {
  for (const [name, v] of Object.entries(list)) {
    if (name === "cpu") r.milliCPU += sign * v;
    else if (name === "memory") r.memory += sign * v;
    else if (name === "pods") r.allowedPodNumber += sign * v;
    else if (name === "ephemeral-storage") r.ephemeralStorage += sign * v;
    else if (isScalarResourceName(name)) r.scalar[name] = (r.scalar[name] ?? 0) + sign * v;
  }
}

export function resourceFrom(list: ResourceValues): Resource {
  const r = emptyResource();
  addToResource(r, list);
  return r;
}

/** Pod priority (corev1helpers.PodPriority): spec.priority, 0 when unset. */
export function podPriority(pod: KObject): number {
  return typeof pod.spec?.priority === "number" ? pod.spec.priority : 0;
}

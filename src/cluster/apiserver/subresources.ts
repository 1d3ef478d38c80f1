// Subresources: status, scale (autoscaling/v1 Scale), pods/binding, pods/eviction, pods/log,
// pods/exec|attach, namespaces/finalize, pods/ephemeralcontainers
// (pkg/registry/core/pod/storage/storage.go, pkg/registry/apps/deployment/storage/storage.go).
import type { Call } from "./resource-handlers";
import type { KObject } from "./registry/types";
import { findResource } from "./resources";
import { json } from "./responses";
import { badRequest, conflict, methodNotSupported, StatusError, successStatus } from "./status";
import { decodeObject, mediaType, readBody } from "./codec";
import { applyPatch } from "./patch";
import { patchMetaLookup } from "./openapi";
import { labelSelectorToString } from "./selectors/labels";
import { rfc3339 } from "./object-meta";

const SCALE = { group: "autoscaling", version: "v1", kind: "Scale" };

export async function handleSubresource(c: Call): Promise<Response> {
  const sub = c.info.subresource!;
  const declared = c.ri.subresources.find((s) => s.name === sub);
  if (!declared) throw new StatusError("NotFound", "the server could not find the requested resource", {});
  switch (sub) {
    case "status": case "finalize": case "ephemeralcontainers": return objectSubresource(c, sub);
    case "scale": return scale(c);
    case "binding": return binding(c);
    case "eviction": return eviction(c);
    case "log": return log(c);
    case "exec": case "attach": return exec(c, sub);
  }
  throw methodNotSupported(c.ri, c.info.verb);
}

const opts = (c: Call, subresource: string) => ({ user: c.user, dryRun: c.dryRun, fieldManager: c.fieldManager, subresource, trace: c.trace });

/** A subresource whose body is the whole object; only its part of the object is kept by the strategy. */
async function objectSubresource(c: Call, sub: string): Promise<Response> {
  const { registry } = c.deps;
  const ns = c.info.namespace;
  const name = c.info.name!;
  if (c.info.verb === "get") return json(registry.get(c.ri, ns, name));
  const current = registry.get(c.ri, ns, name);
  let next: KObject;
  if (c.info.verb === "update") {
    next = decodeObject(c.ri, c.req.headers.get("content-type"), await readBody(c.req));
  } else if (c.info.verb === "patch") {
    next = applyPatch(mediaType(c.req.headers.get("content-type")), current, await readBody(c.req),
      patchMetaLookup(c.ri.group, c.ri.version, c.ri.kind), { fieldManager: c.fieldManager, now: c.deps.now() }) as KObject;
  } else {
    throw methodNotSupported(c.ri, c.info.verb);
  }
  if (sub === "finalize") next = { ...current, spec: { ...current.spec, finalizers: next.spec?.finalizers ?? [] }, metadata: { ...current.metadata, resourceVersion: next.metadata?.resourceVersion } };
  if (sub === "ephemeralcontainers") next = { ...current, spec: { ...current.spec, ephemeralContainers: next.spec?.ephemeralContainers ?? [] }, metadata: { ...current.metadata, resourceVersion: next.metadata?.resourceVersion } };
  return json(registry.update(c.ri, ns, name, next, opts(c, sub === "status" ? "status" : sub)));
}

function toScale(obj: KObject): KObject {
  return {
    kind: "Scale", apiVersion: "autoscaling/v1",
    metadata: {
      name: obj.metadata.name, namespace: obj.metadata.namespace, uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion, creationTimestamp: obj.metadata.creationTimestamp,
    },
    spec: { replicas: obj.spec?.replicas ?? 0 },
    status: { replicas: obj.status?.replicas ?? 0, selector: obj.spec?.selector ? labelSelectorToString(obj.spec.selector) : "" },
  };
}

async function scale(c: Call): Promise<Response> {
  const { registry } = c.deps;
  const ns = c.info.namespace;
  const name = c.info.name!;
  const current = registry.get(c.ri, ns, name);
  if (c.info.verb === "get") return json(toScale(current));
  const scaleRi = { ...c.ri, group: SCALE.group, version: SCALE.version, kind: SCALE.kind };
  let next: KObject;
  if (c.info.verb === "update") {
    next = decodeObject(scaleRi, c.req.headers.get("content-type"), await readBody(c.req), "Scale", "autoscaling/v1");
  } else if (c.info.verb === "patch") {
    next = applyPatch(mediaType(c.req.headers.get("content-type")), toScale(current), await readBody(c.req),
      patchMetaLookup(SCALE.group, SCALE.version, SCALE.kind), { fieldManager: c.fieldManager, now: c.deps.now() }) as KObject;
  } else {
    throw methodNotSupported(c.ri, c.info.verb);
  }
  const replicas = next.spec?.replicas;
  if (replicas !== undefined && (!Number.isInteger(replicas) || replicas < 0)) {
    throw new StatusError("Invalid", `Scale.autoscaling "${name}" is invalid: spec.replicas: Invalid value: ${replicas}: must be greater than or equal to 0`,
      { name, group: "autoscaling", kind: "Scale", causes: [{ reason: "FieldValueInvalid", message: `Invalid value: ${replicas}: must be greater than or equal to 0`, field: "spec.replicas" }] });
  }
  if (next.metadata?.resourceVersion && next.metadata.resourceVersion !== current.metadata.resourceVersion) throw conflict(c.ri, name);
  const updated = registry.update(c.ri, ns, name, { ...current, spec: { ...current.spec, replicas: replicas ?? 0 } }, opts(c, "scale"));
  return json(toScale(updated));
}

/** pods/binding (and POST namespaces/{ns}/bindings): sets spec.nodeName once, as the scheduler does. */
async function binding(c: Call): Promise<Response> {
  if (c.info.verb !== "create") throw methodNotSupported(c.ri, c.info.verb);
  const bindingRi = findResource("", "v1", "bindings")!;
  const b = decodeObject(bindingRi, c.req.headers.get("content-type"), await readBody(c.req));
  return json(bindPod(c, c.info.name!, b), 201);
}

/** POST namespaces/{ns}/bindings: the older form of pods/binding, naming the pod in metadata.name. */
export async function createBinding(c: Call): Promise<Response> {
  const b = decodeObject(c.ri, c.req.headers.get("content-type"), await readBody(c.req));
  if (!b.metadata?.name) throw badRequest("Binding.metadata.name: Required value");
  return json(bindPod({ ...c, ri: findResource("", "v1", "pods")! }, b.metadata.name, b), 201);
}

export function bindPod(c: Call, podName: string, b: KObject): KObject {
  const { registry } = c.deps;
  const ns = c.info.namespace;
  const target = b.target ?? {};
  if (!target.name) throw badRequest("Binding.target.name: Required value");
  if (target.kind && target.kind !== "Node") throw badRequest(`Binding.target.kind: Unsupported value: "${target.kind}"`);
  const pod = registry.get(c.ri, ns, podName);
  if (pod.metadata.deletionTimestamp) throw conflict(c.ri, podName, `pod ${podName} is being deleted, cannot be assigned to a host`);
  if (pod.spec?.nodeName) throw conflict(c.ri, podName, `pod ${podName} is already assigned to node "${pod.spec.nodeName}"`);
  if (b.metadata?.uid && b.metadata.uid !== pod.metadata.uid) throw conflict(c.ri, podName, `Precondition failed: UID in precondition: ${b.metadata.uid}, UID in object meta: ${pod.metadata.uid}`);
  const annotations = { ...(pod.metadata.annotations ?? {}), ...(b.metadata?.annotations ?? {}) };
  // As the pod registry's assignPod: the binding also records PodScheduled=True.
  const conditions = ((pod.status?.conditions ?? []) as Record<string, unknown>[]).filter((x) => x.type !== "PodScheduled");
  conditions.push({ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: rfc3339(c.deps.now()) });
  const next = {
    ...pod,
    metadata: { ...pod.metadata, ...(Object.keys(annotations).length ? { annotations } : {}) },
    spec: { ...pod.spec, nodeName: target.name },
    status: { ...pod.status, conditions },
  };
  registry.update(c.ri, ns, podName, next, { ...opts(c, "binding"), subresource: "binding" });
  return successStatus();
}

/** pods/eviction: a graceful delete (PodDisruptionBudgets are checked by the disruption logic when present). */
async function eviction(c: Call): Promise<Response> {
  if (c.info.verb !== "create") throw methodNotSupported(c.ri, c.info.verb);
  const body = await readBody(c.req);
  const ev = body.byteLength ? JSON.parse(new TextDecoder().decode(body)) : {};
  const grace = ev.deleteOptions?.gracePeriodSeconds;
  c.deps.registry.delete(c.ri, c.info.namespace, c.info.name!, { ...opts(c, "eviction"), gracePeriodSeconds: grace });
  return json(successStatus(), 201);
}

async function log(c: Call): Promise<Response> {
  if (c.info.verb !== "get") throw methodNotSupported(c.ri, c.info.verb);
  const pod = c.deps.registry.get(c.ri, c.info.namespace, c.info.name!);
  const container = c.q.get("container");
  const names: string[] = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((x: KObject) => x.name);
  if (container && !names.includes(container)) {
    throw badRequest(`container ${container} is not valid for pod ${pod.metadata.name}`);
  }
  if (!container && (pod.spec?.containers?.length ?? 0) > 1) {
    throw badRequest(`a container name must be specified for pod ${pod.metadata.name}, choose one of: [${pod.spec.containers.map((x: KObject) => x.name).join(" ")}]`);
  }
  if (!pod.spec?.nodeName) throw badRequest(`pod ${pod.metadata.name} does not have a host assigned`);
  if (!c.deps.nodeProxy) throw badRequest(`pod ${pod.metadata.name} does not have a host assigned`);
  return c.deps.nodeProxy.podLogs(pod, c.q);
}

/**
 * pods/exec and pods/attach: the container must be named when the pod has several and must be
 * one of the pod's, and the pod must be on a node (streamLocation in
 * pkg/registry/core/pod/strategy.go); then the node's kubelet takes the stream.
 */
async function exec(c: Call, sub: "exec" | "attach"): Promise<Response> {
  const pod = c.deps.registry.get(c.ri, c.info.namespace, c.info.name!);
  const name = pod.metadata.name;
  const container = c.q.get("container");
  const names = (list?: KObject[]) => (list ?? []).map((x) => x.name as string);
  if (!container) {
    const containers = names(pod.spec?.containers);
    if (containers.length === 0) throw badRequest(`a container name must be specified for pod ${name}`);
    if (containers.length > 1) {
      const inits = names(pod.spec?.initContainers);
      throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${containers.join(" ")}]` +
        (inits.length ? ` or one of the init containers: [${inits.join(" ")}]` : ""));
    }
  } else if (![...names(pod.spec?.containers), ...names(pod.spec?.initContainers), ...names(pod.spec?.ephemeralContainers)].includes(container)) {
    throw badRequest(`container ${container} is not valid for pod ${name}`);
  }
  if (!pod.spec?.nodeName || !c.deps.nodeProxy?.podExec) {
    throw badRequest(`pod ${name} does not have a host assigned`);
  }
  return c.deps.nodeProxy.podExec(pod, c.req, c.q, sub);
}

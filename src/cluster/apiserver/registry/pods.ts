// Pods: defaults, create/update/status preparation, validation, field selectors and graceful
// deletion, as pkg/registry/core/pod/strategy.go (podStrategy, podStatusStrategy, ToSelectableFields,
// CheckGracefulDelete).
import { validateEphemeralContainersUpdate } from "../validation/pod-ephemeral";
import type { KObject, Strategy } from "./types";
import { keepStatus, str } from "./common";
import { getPodQOS } from "./qos";
import { defaultPod } from "./defaults/pod";
import { canonicalizePodSpecQuantities } from "./defaults/quantities";
import { validatePod } from "../validation/pod";
import { validatePodStatusUpdate, validatePodUpdate } from "../validation/pod-update";

const SCHEDULING_GATED = {
  type: "PodScheduled", status: "False", reason: "SchedulingGated",
  message: "Scheduling is blocked due to non-empty scheduling gates",
};

/** v1 mirrors: podIP ↔ podIPs[0], hostIP ↔ hostIPs[0] (the conversion keeps both forms in step). */
function mirrorStatusIPs(status: KObject["status"]): void {
  if (!status) return;
  if (status.podIPs?.length && !status.podIP) status.podIP = status.podIPs[0].ip;
  if (status.podIP && !status.podIPs?.length) status.podIPs = [{ ip: status.podIP }];
  if (status.hostIPs?.length && !status.hostIP) status.hostIP = status.hostIPs[0].ip;
  if (status.hostIP && !status.hostIPs?.length) status.hostIPs = [{ ip: status.hostIP }];
}

/**
 * The grace period a DELETE uses (CheckGracefulDelete): the requested one or the pod's
 * terminationGracePeriodSeconds; 0 when the pod was never scheduled or has already finished;
 * a negative request becomes 1.
 */
export function podGracePeriod(pod: KObject, requested?: number): number {
  let period = requested ?? pod.spec?.terminationGracePeriodSeconds ?? 0;
  if (!pod.spec?.nodeName) period = 0;
  if (pod.status?.phase === "Failed" || pod.status?.phase === "Succeeded") period = 0;
  return period < 0 ? 1 : period;
}

export const podStrategy: Strategy = {
  hasStatus: true,
  returnDeletedObject: true,
  defaults(obj) {
    canonicalizePodSpecQuantities(obj.spec, "Pod", "v1");
    defaultPod(obj);
  },
  prepareForCreate(obj) {
    obj.status = { phase: "Pending", qosClass: getPodQOS(obj) };
    if ((obj.spec?.schedulingGates ?? []).length > 0) obj.status.conditions = [{ ...SCHEDULING_GATED }];
    if (obj.spec?.serviceAccountName) obj.spec.serviceAccount = obj.spec.serviceAccountName;
  },
  prepareForUpdate(obj, old) {
    keepStatus(obj, old);
    if (obj.spec?.serviceAccountName) obj.spec.serviceAccount = obj.spec.serviceAccountName;
  },
  prepareForStatusUpdate(obj, old) {
    obj.spec = structuredClone(old.spec);
    if (old.metadata.ownerReferences) obj.metadata.ownerReferences = structuredClone(old.metadata.ownerReferences);
    else delete obj.metadata.ownerReferences;
    obj.status ??= {};
    if (!obj.status.qosClass && old.status?.qosClass) obj.status.qosClass = old.status.qosClass;
    mirrorStatusIPs(obj.status);
  },
  validate: (obj) => validatePod(obj),
  validateUpdate: (obj, old) => validatePodUpdate(obj, old),
  validateStatusUpdate: (obj, old) => validatePodStatusUpdate(obj, old),
  validateSubresourceUpdate: (sub, obj, old) => (sub === "ephemeralcontainers" ? validateEphemeralContainersUpdate(obj, old) : []),
  fields(obj) {
    const spec = obj.spec ?? {};
    const status = obj.status ?? {};
    return {
      "spec.nodeName": str(spec.nodeName),
      "spec.restartPolicy": str(spec.restartPolicy),
      "spec.schedulerName": str(spec.schedulerName),
      "spec.serviceAccountName": str(spec.serviceAccountName),
      "spec.hostNetwork": String(!!spec.hostNetwork),
      "status.phase": str(status.phase),
      "status.podIP": str(status.podIPs?.[0]?.ip ?? status.podIP),
      "status.nominatedNodeName": str(status.nominatedNodeName),
    };
  },
  gracePeriodSeconds: (obj, requested) => podGracePeriod(obj, requested),
};

// VolumeRestrictions (the disk-conflict part): a GCE PD, AWS EBS, ISCSI or RBD volume already
// mounted by a pod on the node conflicts unless both mounts are read-only (EBS always conflicts).
// ReadWriteOncePod claims need PVC objects and are not checked here.
// Mirrors pkg/scheduler/framework/plugins/volumerestrictions/volume_restrictions.go.
import type { KObject } from "../../apiserver/registry/types";
import { newStatus, type Plugin } from "../framework/types";

export const ErrReasonDiskConflict = "node(s) had no available disk";

type Volume = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function conflicts(v: Volume, e: Volume): boolean {
  if (v.gcePersistentDisk && e.gcePersistentDisk) {
    const a = v.gcePersistentDisk, b = e.gcePersistentDisk;
    return a.pdName === b.pdName && !(a.readOnly && b.readOnly);
  }
  if (v.awsElasticBlockStore && e.awsElasticBlockStore) {
    return v.awsElasticBlockStore.volumeID === e.awsElasticBlockStore.volumeID;
  }
  if (v.iscsi && e.iscsi) {
    return v.iscsi.iqn === e.iscsi.iqn && !(v.iscsi.readOnly && e.iscsi.readOnly);
  }
  if (v.rbd && e.rbd) {
    const a = v.rbd, b = e.rbd;
    const sharesMonitor = (a.monitors ?? []).some((m: string) => (b.monitors ?? []).includes(m));
    return sharesMonitor && (a.pool ?? "rbd") === (b.pool ?? "rbd") && a.image === b.image && !(a.readOnly && b.readOnly);
  }
  return false;
}

function restrictedVolumes(pod: KObject): Volume[] {
  return (pod.spec?.volumes ?? []).filter((v: Volume) => v.gcePersistentDisk || v.awsElasticBlockStore || v.iscsi || v.rbd);
}

export const volumeRestrictions: Plugin = {
  name: "VolumeRestrictions",
  preFilter(_state, pod) {
    return restrictedVolumes(pod).length === 0 ? newStatus("Skip") : undefined;
  },
  filter(_state, pod, nodeInfo) {
    for (const v of restrictedVolumes(pod)) {
      for (const pi of nodeInfo.pods) {
        if ((pi.pod.spec?.volumes ?? []).some((e: Volume) => conflicts(v, e))) {
          return newStatus("Unschedulable", ErrReasonDiskConflict);
        }
      }
    }
    return undefined;
  },
  events: [
    { resource: "Pod", actionType: ["Delete"] },
    { resource: "Node", actionType: ["Add"] },
  ],
};

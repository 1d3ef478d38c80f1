// A small PatchMetaLookup for tests: the pod fields whose patch strategies matter (as the Pod OpenAPI schema says).
import type { PatchMeta, PatchMetaLookup } from "./patch-meta";

const TABLE: Record<string, PatchMeta> = {
  "spec.containers": { patchStrategy: "merge", patchMergeKey: "name", present: true },
  "spec.containers.ports": { patchStrategy: "merge", patchMergeKey: "containerPort", listMapKeys: ["containerPort", "protocol"] },
  "spec.containers.env": { patchStrategy: "merge", patchMergeKey: "name" },
  "spec.containers.volumeMounts": { patchStrategy: "merge", patchMergeKey: "mountPath" },
  "spec.volumes": { patchStrategy: "merge,retainKeys", patchMergeKey: "name" },
  "metadata.finalizers": { patchStrategy: "merge", listType: "set" },
  "metadata.ownerReferences": { patchStrategy: "merge", patchMergeKey: "uid" },
  "status.conditions": { patchStrategy: "merge", patchMergeKey: "type" },
  "spec.tolerations": {},
  "spec.selector": { mapType: "atomic" },
};

export const podLookup: PatchMetaLookup = (path) => TABLE[path.join(".")];

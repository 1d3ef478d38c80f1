// Nodes (pkg/registry/core/node/strategy.go; defaults SetDefaults_NodeStatus): every field,
// status included, may be set on create; allocatable defaults to capacity; field selector spec.unschedulable.
import type { Strategy } from "./types";
import { nodeHeartbeats } from "./heartbeats";
import { keepSpec, keepStatus } from "./common";
import { canonicalizeQuantityMap } from "./defaults/quantities";
import { validateNode, validateNodeUpdate } from "../validation/core-misc";

export const nodeStrategy: Strategy = {
  hasStatus: true,
  computed: nodeHeartbeats,
  defaults(obj) {
    const st = obj.status;
    if (!st) return;
    canonicalizeQuantityMap(st.capacity, "Node", "v1");
    canonicalizeQuantityMap(st.allocatable, "Node", "v1");
    if (!st.allocatable && st.capacity) st.allocatable = { ...st.capacity };
  },
  prepareForUpdate: (obj, old) => keepStatus(obj, old),
  prepareForStatusUpdate: (obj, old) => keepSpec(obj, old),
  validate: (obj) => validateNode(obj),
  validateUpdate: (obj, old) => validateNodeUpdate(obj, old),
  validateStatusUpdate: (obj, old) => validateNodeUpdate(obj, old),
  fields: (obj) => ({ "spec.unschedulable": String(!!obj.spec?.unschedulable) }),
};

// PriorityClasses (pkg/registry/scheduling/priorityclass/strategy.go; SetDefaults_PriorityClass:
// preemptionPolicy PreemptLowerPriority). Value and preemption policy are fixed after creation.
import type { Strategy } from "./types";
import { validatePriorityClass, validatePriorityClassUpdate } from "../validation/misc";

export const priorityClassStrategy: Strategy = {
  defaults(obj) {
    if (!obj.preemptionPolicy) obj.preemptionPolicy = "PreemptLowerPriority";
  },
  validate: (obj) => validatePriorityClass(obj),
  validateUpdate: (obj, old) => validatePriorityClassUpdate(obj, old),
};

// PodDisruptionBudgets (pkg/registry/policy/poddisruptionbudget/strategy.go): zeroed status and
// generation 1 on create; generation bumps on spec change.
import type { Strategy } from "./types";
import { statusSplitUpdates } from "./common";
import { validatePodDisruptionBudget, validatePodDisruptionBudgetUpdate } from "../validation/misc";
import { validateObjectMetaUpdate } from "../validation/objectmeta";

export const podDisruptionBudgetStrategy: Strategy = {
  hasStatus: true,
  prepareForCreate(obj) {
    obj.status = { disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 };
    obj.metadata.generation = 1;
  },
  ...statusSplitUpdates(),
  validate: (obj) => validatePodDisruptionBudget(obj),
  validateUpdate: (obj, old) => validatePodDisruptionBudgetUpdate(obj, old),
  validateStatusUpdate: (obj, old) => validateObjectMetaUpdate(obj.metadata, old.metadata),
};

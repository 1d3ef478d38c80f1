// ConfigMaps (pkg/registry/core/configmap/strategy.go): keys, size and immutability are validated; metadata-only field selectors.
import type { Strategy } from "./types";
import { validateConfigMap, validateConfigMapUpdate } from "../validation/config";

export const configMapStrategy: Strategy = {
  validate: (obj) => validateConfigMap(obj),
  validateUpdate: (obj, old) => validateConfigMapUpdate(obj, old),
};

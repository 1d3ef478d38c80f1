// Endpoints (pkg/registry/core/endpoint/strategy.go; SetDefaults_Endpoints: port protocol TCP).
import type { Strategy } from "./types";
import { validateEndpoints } from "../validation/core-misc";
import { validateObjectMetaUpdate } from "../validation/objectmeta";

export const endpointsStrategy: Strategy = {
  defaults(obj) {
    for (const ss of obj.subsets ?? []) for (const p of ss.ports ?? []) p.protocol ??= "TCP";
  },
  validate: (obj) => validateEndpoints(obj),
  validateUpdate: (obj, old) => validateObjectMetaUpdate(obj.metadata, old.metadata).concat(validateEndpoints(obj).filter((e) => !e.field.startsWith("metadata."))),
};

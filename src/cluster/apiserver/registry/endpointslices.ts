// EndpointSlices (pkg/registry/discovery/endpointslice/strategy.go; SetDefaults_EndpointPort: protocol TCP, name "").
import type { Strategy } from "./types";
import { validateEndpointSlice, validateEndpointSliceUpdate } from "../validation/misc";

export const endpointSliceStrategy: Strategy = {
  defaults(obj) {
    for (const p of obj.ports ?? []) {
      p.protocol ??= "TCP";
      p.name ??= "";
    }
  },
  prepareForCreate(obj) {
    obj.metadata.generation = 1;
  },
  prepareForUpdate(obj, old) {
    const changed = JSON.stringify([obj.endpoints, obj.ports, obj.addressType]) !== JSON.stringify([old.endpoints, old.ports, old.addressType]);
    obj.metadata.generation = (old.metadata.generation ?? 0) + (changed ? 1 : 0);
  },
  validate: (obj) => validateEndpointSlice(obj),
  validateUpdate: (obj, old) => validateEndpointSliceUpdate(obj, old),
};

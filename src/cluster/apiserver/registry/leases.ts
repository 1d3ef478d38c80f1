// Leases (pkg/registry/coordination/lease/strategy.go).
import type { Strategy } from "./types";
import { validateLease, validateLeaseUpdate } from "../validation/misc";

export const leaseStrategy: Strategy = {
  validate: (obj) => validateLease(obj),
  validateUpdate: (obj, old) => validateLeaseUpdate(obj, old),
};

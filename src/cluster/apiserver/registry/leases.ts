// Leases (pkg/registry/coordination/lease/strategy.go).
import type { Strategy } from "./types";
import { leaseRenewals } from "./heartbeats";
import { validateLease, validateLeaseUpdate } from "../validation/misc";

export const leaseStrategy: Strategy = {
  computed: leaseRenewals,
  validate: (obj) => validateLease(obj),
  validateUpdate: (obj, old) => validateLeaseUpdate(obj, old),
};

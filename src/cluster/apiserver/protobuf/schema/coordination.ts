// Protobuf field numbers and JSON names of coordination.k8s.io/v1 Lease.
// Mirrors k8s.io/api/coordination/v1/generated.proto (v1.32); flags from the Go types (see ../fields.ts).
import type { Schema } from "../fields";

export const coordination: Schema = {
  Lease: { 1: "metadata:meta.ObjectMeta", 2: "spec:LeaseSpec" },
  LeaseSpec: {
    1: "holderIdentity:string!", 2: "leaseDurationSeconds:int32!", 3: "acquireTime:MicroTime",
    4: "renewTime:MicroTime", 5: "leaseTransitions:int32!", 6: "strategy:string!",
    7: "preferredHolder:string!"
  },
};

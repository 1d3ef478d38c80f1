// Protobuf field numbers and JSON names of scheduling.k8s.io/v1 PriorityClass.
// Mirrors k8s.io/api/scheduling/v1/generated.proto (v1.32); flags from the Go types (see ../fields.ts).
import type { Schema } from "../fields";

export const scheduling: Schema = {
  PriorityClass: {
    1: "metadata:meta.ObjectMeta", 2: "value:int32!", 3: "globalDefault:bool", 4: "description:string",
    5: "preemptionPolicy:string!"
  },
};

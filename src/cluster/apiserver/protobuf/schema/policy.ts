// Protobuf field numbers and JSON names of policy/v1 PodDisruptionBudget and Eviction.
// Mirrors k8s.io/api/policy/v1/generated.proto (v1.32); flags from the Go types (see ../fields.ts).
import type { Schema } from "../fields";

export const policy: Schema = {
  PodDisruptionBudget: {
    1: "metadata:meta.ObjectMeta", 2: "spec:PodDisruptionBudgetSpec", 3: "status:PodDisruptionBudgetStatus"
  },
  Eviction: { 1: "metadata:meta.ObjectMeta", 2: "deleteOptions:meta.DeleteOptions" },
  PodDisruptionBudgetSpec: {
    1: "minAvailable:IntOrString", 2: "selector:meta.LabelSelector", 3: "maxUnavailable:IntOrString",
    4: "unhealthyPodEvictionPolicy:string!"
  },
  PodDisruptionBudgetStatus: {
    1: "observedGeneration:int64", 2: "disruptedPods:{Time}", 3: "disruptionsAllowed:int32!",
    4: "currentHealthy:int32!", 5: "desiredHealthy:int32!", 6: "expectedPods:int32!",
    7: "conditions:meta.Condition[]"
  },
};

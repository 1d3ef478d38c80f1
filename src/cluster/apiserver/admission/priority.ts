// Priority (plugin/pkg/admission/priority/admission.go): a new pod's spec.priority and
// preemptionPolicy come from its PriorityClass (or the global default class, else 0 and
// PreemptLowerPriority); an unknown class is a 403. Only one PriorityClass may be globalDefault.
import type { AdmissionAttributes, AdmissionPlugin } from "./types";
import { isPodCreate, newForbidden } from "./forbidden";
import type { Json } from "../validation/common";

const isPriorityClass = (a: AdmissionAttributes) => a.resource.group === "scheduling.k8s.io" && a.resource.resource === "priorityclasses";

function defaultClass(a: AdmissionAttributes): Json | undefined {
  // The lowest-valued global default wins when several exist (getDefaultPriorityClass).
  const defaults = a.reader.list("scheduling.k8s.io", "priorityclasses").filter((pc) => pc.globalDefault);
  return defaults.sort((x, y) => (x.value ?? 0) - (y.value ?? 0))[0];
}

function admitPod(a: AdmissionAttributes): void {
  const spec = (a.object!.spec ??= {});
  let priority = 0;
  let policy: string | undefined = "PreemptLowerPriority";
  if (!spec.priorityClassName) {
    const pc = defaultClass(a);
    if (pc) {
      spec.priorityClassName = pc.metadata.name;
      priority = pc.value ?? 0;
      policy = pc.preemptionPolicy;
    }
  } else {
    const pc = a.reader.get("scheduling.k8s.io", "priorityclasses", undefined, spec.priorityClassName);
    if (!pc) throw newForbidden(a, `no PriorityClass with name ${spec.priorityClassName} was found`);
    priority = pc.value ?? 0;
    policy = pc.preemptionPolicy;
  }
  if (spec.priority != null && spec.priority !== priority) {
    throw newForbidden(a, `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
  }
  spec.priority = priority;
  if (policy) {
    if (spec.preemptionPolicy != null && spec.preemptionPolicy !== policy) {
      throw newForbidden(a, `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`);
    }
    spec.preemptionPolicy = policy;
  }
}

export const priority: AdmissionPlugin = {
  name: "Priority",
  admit(a) {
    if (isPodCreate(a)) admitPod(a);
  },
  validate(a) {
    if (!isPriorityClass(a) || (a.operation !== "CREATE" && a.operation !== "UPDATE") || !a.object?.globalDefault) return;
    const other = a.reader.list("scheduling.k8s.io", "priorityclasses")
      .find((pc) => pc.globalDefault && pc.metadata.name !== a.object!.metadata.name);
    if (other) throw newForbidden(a, `PriorityClass ${a.object.metadata.name} is marked as default. Only one default can exist`);
  },
};

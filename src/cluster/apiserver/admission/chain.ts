// The admission chain in upstream's recommended order (pkg/kubeapiserver/options/plugins.go
// AllOrderedPlugins, the default-on subset Podlab simulates): every mutating admit, then every
// validating validate (k8s.io/apiserver/pkg/admission/chain.go). Each step is traced.
import type { AdmissionAttributes, AdmissionPlugin } from "./types";
import type { RequestTrace } from "../trace";
import { namespaceLifecycle } from "./namespace-lifecycle";
import { serviceAccount } from "./service-account";
import { taintNodesByCondition } from "./taint-nodes-by-condition";
import { priority } from "./priority";
import { defaultTolerationSeconds } from "./default-toleration-seconds";

export const admissionPlugins: AdmissionPlugin[] = [
  namespaceLifecycle,
  serviceAccount,
  taintNodesByCondition,
  priority,
  defaultTolerationSeconds,
];

export function runAdmission(attrs: AdmissionAttributes, trace?: RequestTrace): void {
  for (const p of admissionPlugins) {
    if (!p.admit) continue;
    p.admit(attrs);
    trace?.add("admission", p.name, "admit");
  }
  for (const p of admissionPlugins) {
    if (!p.validate) continue;
    p.validate(attrs);
    trace?.add("admission", p.name, "validate");
  }
}

// Taints and tolerations: Toleration.ToleratesTaint (k8s.io/api/core/v1/toleration.go) and
// FindMatchingUntoleratedTaint (component-helpers/scheduling/corev1/helpers.go).
import type { KObject } from "../../apiserver/registry/types";

export interface Taint { key: string; value?: string; effect: string }
export interface Toleration { key?: string; operator?: string; value?: string; effect?: string; tolerationSeconds?: number }

export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? "") {
    case "":
    case "Equal":
      return (t.value ?? "") === (taint.value ?? "");
    case "Exists":
      return true;
    default:
      return false;
  }
}

export function tolerationsTolerateTaint(tolerations: Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => toleratesTaint(t, taint));
}

export function podTolerations(pod: KObject): Toleration[] {
  return pod.spec?.tolerations ?? [];
}

export function nodeTaints(node: KObject): Taint[] {
  return node.spec?.taints ?? [];
}

/** The first taint accepted by `filter` that no toleration tolerates. */
export function findMatchingUntoleratedTaint(
  taints: Taint[],
  tolerations: Toleration[],
  filter: (t: Taint) => boolean,
): Taint | undefined {
  return taints.find((t) => filter(t) && !tolerationsTolerateTaint(tolerations, t));
}

/** DoNotScheduleTaintsFilterFunc: NoSchedule and NoExecute taints. */
export const doNotScheduleTaints = (t: Taint): boolean => t.effect === "NoSchedule" || t.effect === "NoExecute";

// DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds/admission.go): every new
// pod tolerates node.kubernetes.io/not-ready and unreachable (NoExecute) for 300 s unless it
// already tolerates them.
import type { AdmissionPlugin } from "./types";
import { isPodCreate } from "./forbidden";
import type { Json } from "../validation/common";

export const DEFAULT_NOT_READY_TOLERATION_SECONDS = 300;
export const DEFAULT_UNREACHABLE_TOLERATION_SECONDS = 300;

const tolerates = (tolerations: Json[], key: string) =>
  tolerations.some((t) => (t.key === key || !t.key) && (t.effect === "NoExecute" || !t.effect));

export const defaultTolerationSeconds: AdmissionPlugin = {
  name: "DefaultTolerationSeconds",
  admit(a) {
    if (!isPodCreate(a)) return;
    const spec = (a.object!.spec ??= {});
    const tolerations: Json[] = spec.tolerations ?? [];
    const add: Json[] = [];
    if (!tolerates(tolerations, "node.kubernetes.io/not-ready")) {
      add.push({ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: DEFAULT_NOT_READY_TOLERATION_SECONDS });
    }
    if (!tolerates(tolerations, "node.kubernetes.io/unreachable")) {
      add.push({ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: DEFAULT_UNREACHABLE_TOLERATION_SECONDS });
    }
    if (add.length) spec.tolerations = [...tolerations, ...add];
  },
};

// A pod's containers as kubectl names them when it picks one for you: the default-container
// annotation, and the "Defaulted container" notice listing every container (ephemeral and init
// ones marked). Mirrors staging/src/k8s.io/kubectl/pkg/cmd/util/podcmd/podcmd.go (AllContainerNames).
import type { Obj } from "./client";

export const DEFAULT_CONTAINER_ANNOTATION = "kubectl.kubernetes.io/default-container";

const names = (list: unknown): string[] => ((list ?? []) as Obj[]).map((c) => String(c.name));

/** Every container of the pod by name: regular, init and ephemeral ones. */
export function containerNames(pod: Obj): string[] {
  return [...names(pod.spec?.containers), ...names(pod.spec?.initContainers), ...names(pod.spec?.ephemeralContainers)];
}

/**
 * `Defaulted container "c" out of: c, d, dbg (ephem), setup (init)` when the pod has more than
 * its one regular container; undefined otherwise.
 */
export function defaultedContainerNotice(pod: Obj): string | undefined {
  const regular = names(pod.spec?.containers), init = names(pod.spec?.initContainers), ephemeral = names(pod.spec?.ephemeralContainers);
  if (regular.length <= 1 && !init.length && !ephemeral.length) return undefined;
  const all = [...regular, ...ephemeral.map((n) => `${n} (ephem)`), ...init.map((n) => `${n} (init)`)];
  return `Defaulted container ${JSON.stringify(regular[0] ?? "")} out of: ${all.join(", ")}\n`;
}

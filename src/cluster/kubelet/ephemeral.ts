// Ephemeral (debug) containers in the kubelet's SyncPod (pkg/kubelet/kuberuntime/
// kuberuntime_manager.go computePodActions: EphemeralContainersToStart, SyncPod step 5): once the
// sandbox is up, each ephemeral container without a runtime status is pulled, created and started
// like any container (same events, fieldPath spec.ephemeralContainers{name}), before the init and
// regular containers so a debugger starts even when those fail; it is never restarted. They have no
// probes, ports or resources (validation forbids them).
import type { KObject } from "../apiserver/registry/types";
import { advance, newContainerRecord, type WorkerContext } from "./containers";

/** spec.ephemeralContainers as containers (EphemeralContainerCommon plus targetContainerName). */
export function ephemeralSpecs(pod: KObject): KObject[] {
  return (pod.spec?.ephemeralContainers ?? []) as KObject[];
}

/** Starts (or keeps running) every ephemeral container of the pod; restart policy does not apply. */
export async function syncEphemeralContainers(w: WorkerContext): Promise<void> {
  for (const spec of ephemeralSpecs(w.pod)) {
    const c = (w.rec.containers[spec.name] ??= newContainerRecord(spec.name, "ephemeral"));
    await advance(w, spec, c, "Never");
  }
}

// The components a cluster runs, in the order the engine visits them each round.
import type { Component } from "./engine/component";
import { namespaceController } from "./controllers/namespace";
import { createScheduler } from "./scheduler/component";

export function clusterComponents(): Component[] {
  return [namespaceController, createScheduler()];
}

/** The user each component acts as, as upstream's credentials name them. */
export function componentUser(name: string) {
  if (name === "default-scheduler") return { username: "system:kube-scheduler", groups: ["system:authenticated"] };
  if (name.startsWith("kubelet/")) return { username: `system:node:${name.slice(8)}`, groups: ["system:nodes", "system:authenticated"] };
  return { username: `system:serviceaccount:kube-system:${name}`, groups: ["system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"] };
}

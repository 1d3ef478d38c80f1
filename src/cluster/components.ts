// The components a cluster runs, in the order the engine visits them each round: the control
// plane's controllers and scheduler, then every node's kubelet.
import type { Component } from "./engine/component";
import type { ApiClient } from "./engine/client";
import { namespaceController } from "./controllers/namespace";
import { controllers } from "./controllers/index";
import { createScheduler } from "./scheduler/component";
import { kubeletComponents, nodeLifecycleComponent } from "./kubelet/index";
import type { TimingProfile } from "./sim/profiles/types";

export interface ComponentOptions {
  sql: SqlStorage;
  profile: TimingProfile;
  /** The client a node's kubelet acts with (user system:node:<node>). */
  kubeletClient(node: string): ApiClient;
}

export function clusterComponents(o: ComponentOptions): Component[] {
  return [
    namespaceController, ...controllers, nodeLifecycleComponent(o.sql, o.profile),
    createScheduler(),
    ...kubeletComponents({ sql: o.sql, profile: o.profile, clientFor: o.kubeletClient }),
  ];
}

/** The user each component acts as, as upstream's credentials name them. */
export function componentUser(name: string) {
  if (name === "default-scheduler") return { username: "system:kube-scheduler", groups: ["system:authenticated"] };
  if (name.startsWith("kubelet/")) return { username: `system:node:${name.slice(8)}`, groups: ["system:nodes", "system:authenticated"] };
  return { username: `system:serviceaccount:kube-system:${name}`, groups: ["system:serviceaccounts", "system:serviceaccounts:kube-system", "system:authenticated"] };
}

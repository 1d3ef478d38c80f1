// The host's own programs beside the shell's: kubeadm, systemctl and crictl, reading the
// cluster's real state through the session's transport.
import type { Command } from "../../shell/types";
import type { KubeTransport } from "../types";

export interface HostEnv {
  transport: KubeTransport;
  /** Virtual time of the cluster (ms). */
  now(): number;
  /** The API server URL (kubeadm prints its host and port). */
  server: string;
}

export function hostCommands(_env: HostEnv): [string, Command][] {
  return [];
}

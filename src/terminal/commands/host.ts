// The host's own programs beside the shell's: kubeadm, systemctl and crictl, reading the
// cluster's real state through the session's transport.
import type { Command } from "../../shell/types";
import type { KubeTransport } from "../types";
import { crictlCommand } from "./crictl";
import { kubeadmCommand } from "./kubeadm";
import { systemctlCommand } from "./systemctl";

export interface HostEnv {
  transport: KubeTransport;
  /** Virtual time of the cluster (ms). */
  now(): number;
  /** The API server URL (kubeadm prints its host and port). */
  server: string;
}

export function hostCommands(env: HostEnv): [string, Command][] {
  return [["kubeadm", kubeadmCommand(env)], ["systemctl", systemctlCommand(env)], ["crictl", crictlCommand(env)]];
}

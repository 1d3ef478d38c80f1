// The commands a terminal job can run: the shell's own (coreutils-like, sh), kubectl with the
// job's transport, the interactive builtins (history, alias, clear), watch, the host's programs
// (kubeadm, systemctl, crictl) and the session's aliases as commands.
import { shellCommands } from "../../shell/index";
import type { Shell } from "../../shell/interp";
import { type BufferOutput, emptyInput } from "../../shell/io";
import type { Command, CommandRegistry } from "../../shell/types";
import { aliasCommand, aliasRunner, clearCommand, historyCommand, unaliasCommand } from "../commands/builtins";
import { hostCommands } from "../commands/host";
import { kubeadmCommand } from "../commands/kubeadm";
import { sshCommand, sudoCommand } from "../commands/ssh";
import { watchCommand } from "../commands/watch";
import { kubectlCommand } from "../kubectl-command";
import type { KubectlEnv } from "../types";
import type { SessionState } from "./store";

export interface JobCommandDeps {
  env: KubectlEnv;
  state(): SessionState;
  now(): number;
  size(): { cols: number; rows: number };
  /** The host the session's shell is logged in to, and ssh's way to log in to another. */
  host(): string;
  enterHost(host: string): void;
  /** A shell for this job running with `commands` (watch runs its command line in one). */
  shellFor(commands: CommandRegistry): Shell;
}

export function jobCommands(d: JobCommandDeps): CommandRegistry {
  let registry: CommandRegistry;
  const runLine = async (line: string, _ctx: unknown, buf: BufferOutput) => d.shellFor(registry).run(line, { 0: emptyInput, 1: buf, 2: buf });
  const own: [string, Command][] = [
    ["kubectl", kubectlCommand(d.env)],
    ["history", historyCommand(d.state)],
    ["alias", aliasCommand(d.state)],
    ["unalias", unaliasCommand(d.state)],
    ["clear", clearCommand],
    ["watch", watchCommand({ hostname: d.host(), size: d.size, runLine })],
    ...hostCommands({ transport: d.env.transport, now: d.now, server: d.env.server }),
    ["kubeadm", kubeadmCommand({ transport: d.env.transport, now: d.now, server: d.env.server }, d.host)],
    ["ssh", sshCommand({ transport: d.env.transport, host: d.host, enterHost: d.enterHost })],
    ["sudo", sudoCommand],
    ...Object.entries(d.state().aliases).map(([name, value]): [string, Command] => [name, aliasRunner(value)]),
  ];
  registry = shellCommands(own, "bash");
  return registry;
}

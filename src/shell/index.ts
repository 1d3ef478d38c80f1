// The shell's public face: build a registry with `sh` included, run a script or an argv against
// a host. Used by container programs (src/cluster/kubelet/program) and the web terminal.
import { commandRegistry } from "./commands/index";
import { type Dialect, Shell } from "./interp";
import { type Input, type Output, emptyInput } from "./io";
import { shCommand } from "./sh-command";
import type { Command, CommandRegistry, ShellHost } from "./types";

export { Shell, type Dialect } from "./interp";
export { Vfs } from "./fs";
export { VirtualTime } from "./vtime";
export * from "./io";
export type * from "./types";

/** Core commands plus sh/ash/bash/dash, plus `extra` (servers, kubectl…). */
export function shellCommands(extra: Iterable<[string, Command]> = [], dialect: Dialect = "ash"): CommandRegistry {
  let reg: CommandRegistry;
  const sh = shCommand(() => reg, dialect);
  reg = commandRegistry([["sh", sh], ["ash", sh], ["bash", sh], ["dash", sh]], extra);
  return reg;
}

export interface RunOptions {
  host: ShellHost;
  commands?: CommandRegistry;
  env?: Record<string, string>;
  cwd?: string;
  stdin?: Input;
  stdout: Output;
  stderr: Output;
  dialect?: Dialect;
  /** The program is a container's PID 1 (signals without a handler are ignored). */
  pid1?: boolean;
}

/** Run an argv (as exec would: no shell parsing). Returns the shell that runs it, for signals. */
export function startArgv(argv: string[], opts: RunOptions): { shell: Shell; done: Promise<number> } {
  const shell = newShell(opts);
  const fds = { 0: opts.stdin ?? emptyInput, 1: opts.stdout, 2: opts.stderr };
  const done = shell.runCommand(argv, fds).catch((e) => shell.fatal(e, fds));
  return { shell, done };
}

/** Run a script text (as `sh -c`). */
export function startScript(script: string, opts: RunOptions & { arg0?: string; positional?: string[] }): { shell: Shell; done: Promise<number> } {
  const shell = newShell(opts, opts.arg0, opts.positional);
  const done = shell.run(script, { 0: opts.stdin ?? emptyInput, 1: opts.stdout, 2: opts.stderr });
  return { shell, done };
}

function newShell(opts: RunOptions, arg0?: string, positional?: string[]): Shell {
  return new Shell({
    host: opts.host,
    commands: opts.commands ?? shellCommands([], opts.dialect),
    env: opts.env,
    cwd: opts.cwd,
    dialect: opts.dialect,
    pid1: opts.pid1,
    arg0,
    positional,
  });
}

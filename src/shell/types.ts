// Contracts between the shell interpreter, the commands it runs, and whoever hosts it (a
// simulated container's runtime, or the web terminal). Commands are pluggable functions of a
// CommandContext; the host supplies the filesystem, virtual time, network and process services.
// No upstream file.
import type { Vfs } from "./fs";
import type { Input, Output } from "./io";

export interface HttpRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

export type NetError = "refused" | "nohost" | "timeout";

/** The cluster network as a process sees it (pod IPs, Service names via DNS). */
export interface Network {
  /** Resolve a host name to an IP, or undefined (no such host). */
  resolve?(host: string): string | undefined;
  /** Open a TCP connection and close it: does something listen on host:port? */
  connect(host: string, port: number): Promise<true | NetError>;
  /** One HTTP exchange. */
  http(req: HttpRequest): Promise<HttpResponse | NetError>;
}

export type HttpHandler = (req: HttpRequest) => HttpResponse | Promise<HttpResponse>;

/** Services of the simulated process a command runs in (the container's main process). */
export interface ProcessServices {
  /** Start listening on a TCP port; HTTP requests to it go to `handler` (absent: TCP only). */
  listen(port: number, handler?: HttpHandler): void;
  unlisten(port: number): void;
  /** Install a signal handler for the process; returns a function that removes it. */
  onSignal(handler: (signal: string) => void): () => void;
}

export interface ShellHost {
  fs: Vfs;
  /** Virtual time (ms since epoch). */
  now(): number;
  /** Resolves after `ms` of virtual time; rejects if the process is killed meanwhile. */
  sleep(ms: number): Promise<void>;
  hostname: string;
  net?: Network;
  process?: ProcessServices;
  user?: { uid: number; gid: number; name: string; group: string; groups?: string };
  /** Standard input is a terminal (container `tty: true`): interactive shells print prompts. */
  tty?: boolean;
  /** The process id the shell reports as $$ (1 when it is a container's main process). */
  pid?: number;
  /** Busy loops: after this many commands without sleeping, virtual time advances by `cpuSliceMs`. */
  cpuSliceCommands?: number;
  cpuSliceMs?: number;
}

export interface CommandContext {
  /** argv[0] as typed (e.g. "echo" or "/bin/echo"). */
  name: string;
  args: string[];
  /** Environment (exported variables plus the command's own assignments). */
  env: Record<string, string>;
  cwd: string;
  stdin: Input;
  stdout: Output;
  stderr: Output;
  host: ShellHost;
  fs: Vfs;
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Count one unit of work; busy commands (yes, long loops) call it so virtual time can pass. */
  tick(): Promise<void>;
  /** Run another command by argv (for env, nice, timeout, xargs). */
  run(argv: string[], env?: Record<string, string>): Promise<number>;
  /** Change the shell's working directory (only cd uses it). */
  chdir(path: string): void;
}

export type Command = (ctx: CommandContext) => Promise<number>;

export type CommandRegistry = ReadonlyMap<string, Command>;

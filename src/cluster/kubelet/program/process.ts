// A simulated container process: builds the container's filesystem from its image, mounts and
// the kubelet's files; works out argv with Kubernetes command/args semantics; fails to start
// like runc when the executable is missing; otherwise runs the program (a `sh -c` script through
// the interpreter, a server, or any implemented command) on virtual time. It answers `listens`
// and HTTP for probes and Services, takes signals (the image's STOPSIGNAL for graceful stop; PID
// 1 without a handler ignores TERM, so a plain shell is killed after the grace period: 137),
// and reports output chunks with their virtual times. No upstream file.
import { Killed } from "../../../shell/control";
import { Vfs, resolvePath } from "../../../shell/fs";
import { type Input, type Output, sinkOutput } from "../../../shell/io";
import { type Shell, shellCommands, startArgv, startScript } from "../../../shell/index";
import type { CommandRegistry, HttpHandler, HttpRequest, HttpResponse, Network } from "../../../shell/types";
import type { VirtualTime } from "../../../shell/vtime";
import type { Image } from "../images";
import { containerArgv, expandVarRefs, startErrorMessage } from "./argv";
import { programCommands } from "./programs";
import { kubeletManagedFiles, rootfsFor, shDialect } from "./rootfs";

export interface Mount {
  path: string;
  files: Record<string, string>;
  readOnly?: boolean;
}

export interface ContainerOptions {
  image: Image;
  command?: string[];
  args?: string[];
  /** The container's resolved env (pod spec env, envFrom, service links), over the image's. */
  env?: Record<string, string>;
  workingDir?: string;
  hostname: string;
  namespace?: string;
  podIP?: string;
  clusterDNS?: string;
  /** CPUs the node reports (nginx starts one worker per CPU). */
  cpus?: number;
  /** Attached standard input (container `stdin: true`); absent = /dev/null. */
  stdin?: Input;
  /** Container `tty: true`: interactive shells print prompts. */
  tty?: boolean;
  mounts?: Mount[];
  time: VirtualTime;
  net?: Network;
  onOutput(stream: "stdout" | "stderr", data: string, atMs: number): void;
  /** Busy-loop pacing (see ShellHost). */
  cpuSliceCommands?: number;
  cpuSliceMs?: number;
}

export type StartResult = { ok: true; process: ContainerProcess } | { ok: false; reason: "StartError"; message: string; exitCode: 128 };

export type HttpResult = HttpResponse | "refused" | "malformed";

export class ContainerProcess {
  readonly fs: Vfs;
  argv: string[] = [];
  env: Record<string, string> = {};
  exit?: { code: number; atMs: number };
  done!: Promise<number>;
  private shell!: Shell;
  private commands?: CommandRegistry;
  private readonly ports = new Map<number, HttpHandler | undefined>();
  private readonly signalHandlers: ((s: string) => void)[] = [];

  constructor(private readonly o: ContainerOptions) {
    this.fs = new Vfs(() => o.time.now());
  }

  /** Stop signal from the image config (containerd uses it for StopContainer); default TERM. */
  get stopSignal(): string {
    return (this.o.image.config.stopSignal ?? "SIGTERM").replace(/^SIG/, "");
  }

  get memoryBytes(): number {
    return this.o.image.memoryBytes;
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  listens(port: number): boolean {
    return this.running && this.ports.has(port);
  }

  listeningPorts(): number[] {
    return this.running ? [...this.ports.keys()] : [];
  }

  async http(port: number, req: HttpRequest): Promise<HttpResult> {
    if (!this.listens(port)) return "refused";
    const h = this.ports.get(port);
    return h ? h(req) : "malformed";
  }

  /** Deliver a signal by name (TERM, SIGQUIT, KILL…). */
  signal(sig: string): void {
    const name = sig.toUpperCase().replace(/^SIG/, "");
    if (!this.running) return;
    if (name === "KILL") return this.kill();
    const handler = this.signalHandlers[this.signalHandlers.length - 1];
    if (handler) handler(name);
    else this.shell.signal(name);
  }

  /** SIGKILL: the process ends with 137 at once. */
  kill(): void {
    if (!this.running) return;
    this.shell.kill(137);
    this.o.time.cancelOwner(this, new Killed(137));
  }

  /** Prepare and start; returns a StartError like runc's when argv[0] cannot be executed. */
  start(): StartResult {
    const o = this.o;
    const img = o.image;
    this.fs.seed(rootfsFor(img));
    this.fs.seed(kubeletManagedFiles({ hostname: o.hostname, podIP: o.podIP, namespace: o.namespace ?? "default", clusterDNS: o.clusterDNS }));
    for (const m of o.mounts ?? []) this.fs.mount(m.path, m.files, m.readOnly);
    const imageEnv = Object.fromEntries(img.config.env.map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));
    this.env = { ...imageEnv, HOSTNAME: o.hostname, ...(o.env ?? {}) };
    if (!("HOME" in this.env)) this.env.HOME = "/root";
    const raw = containerArgv(img.config.entrypoint, img.config.cmd, o.command, o.args);
    this.argv = raw.map((a) => expandVarRefs(a, this.env));
    const cwd = o.workingDir ?? img.config.workingDir ?? "/";
    if (!this.fs.isDir(cwd)) this.fs.mkdir(cwd, true);
    if (this.argv.length === 0) return { ok: false, reason: "StartError", exitCode: 128, message: "failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: no command specified: unknown" };
    const found = this.findExecutable(this.argv[0]!);
    if (found !== "ok") return { ok: false, reason: "StartError", exitCode: 128, message: startErrorMessage(this.argv[0]!, found) };
    this.launch(cwd);
    return { ok: true, process: this };
  }

  private registry(): CommandRegistry {
    this.commands ??= shellCommands(programCommands(this.o.image, { podIP: this.o.podIP ?? "127.0.0.1", cpus: this.o.cpus ?? 2 }), shDialect(this.o.image.distro));
    return this.commands;
  }

  /** `Started` processes only: whether argv[0] resolves in the container's file tree. */
  canExec(argv0: string): boolean {
    return this.findExecutable(argv0) === "ok";
  }

  /**
   * Another process in the container (kubectl exec, exec probes, lifecycle hooks): the same file
   * tree, environment and programs, on the caller's clock; not PID 1, so TERM ends it.
   */
  spawn(argv: string[], io: { now(): number; sleep(ms: number): Promise<void>; stdin?: Input; stdout: Output; stderr: Output; tty?: boolean }): { shell: Shell; done: Promise<number> } {
    const host = { fs: this.fs, now: io.now, sleep: io.sleep, hostname: this.o.hostname, net: this.o.net, tty: io.tty, pid: 100 };
    return startArgv(argv, { host, commands: this.registry(), env: this.env, cwd: this.o.workingDir ?? this.o.image.config.workingDir ?? "/", stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, dialect: shDialect(this.o.image.distro) });
  }

  private findExecutable(argv0: string): "ok" | "missing" | "directory" {
    const check = (p: string) => {
      const n = this.fs.lookup(p);
      return !n.ok ? "missing" : n.value.kind === "dir" ? "directory" : "ok";
    };
    if (argv0.includes("/")) return check(resolvePath("/", argv0));
    const dirs = (this.env.PATH ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin").split(":");
    return dirs.some((d) => d && check(`${resolvePath("/", d)}/${argv0}`) === "ok") ? "ok" : "missing";
  }

  private launch(cwd: string): void {
    const o = this.o;
    const time = o.time;
    const host = {
      fs: this.fs,
      now: () => time.now(),
      sleep: (ms: number) => time.sleep(ms, this),
      hostname: o.hostname,
      net: o.net,
      tty: o.tty,
      pid: 1,
      cpuSliceCommands: o.cpuSliceCommands,
      cpuSliceMs: o.cpuSliceMs,
      process: {
        listen: (port: number, handler?: HttpHandler) => void this.ports.set(port, handler),
        unlisten: (port: number) => void this.ports.delete(port),
        onSignal: (h: (s: string) => void) => {
          this.signalHandlers.push(h);
          return () => {
            const i = this.signalHandlers.lastIndexOf(h);
            if (i >= 0) this.signalHandlers.splice(i, 1);
          };
        },
      },
    };
    const dialect = shDialect(o.image.distro);
    const commands = this.registry();
    const common = {
      host,
      commands,
      env: this.env,
      cwd,
      stdin: o.stdin,
      stdout: sinkOutput((d) => o.onOutput("stdout", d, time.now())),
      stderr: sinkOutput((d) => o.onOutput("stderr", d, time.now())),
      dialect,
      pid1: true,
    };
    const [a0, flag, script, ...rest] = this.argv;
    const shName = a0!.slice(a0!.lastIndexOf("/") + 1);
    const isShell = ["sh", "ash", "bash", "dash"].includes(shName) && /^-[a-z]*c[a-z]*$/.test(flag ?? "") && script !== undefined;
    const started = isShell
      ? startScript(script!, { ...common, dialect: shName === "bash" ? "bash" : dialect, arg0: rest[0] ?? shName, positional: rest.slice(1) })
      : startArgv(this.argv, common);
    if (isShell && flag!.includes("e")) started.shell.errexit = true;
    this.shell = started.shell;
    this.done = started.done.then((code) => {
      this.exit = { code, atMs: time.now() };
      this.ports.clear();
      this.signalHandlers.length = 0;
      time.dropOwner(this);
      return code;
    });
  }
}

/** Create and start a container process. */
export function startContainer(o: ContainerOptions): StartResult {
  return new ContainerProcess(o).start();
}

// The shell interpreter: evaluates the syntax tree asynchronously. Time passes only through the
// host's `sleep` (virtual time), so a script like `while true; do date; sleep 5; done` is driven
// entirely by the simulation's clock (see vtime.ts). Commands come from a pluggable registry;
// special builtins (exit, export, set, cd, trap, wait, …) live in special-builtins.ts.
// Messages follow busybox ash (dialect "ash") or dash ("dash"). No upstream file.
import { type Node, ShellSyntaxError, type Word } from "./ast";
import { ExitSignal, Killed, LoopSignal, ReturnSignal, SIGNALS, signalName } from "./control";
import { type ExpandEnv, ExpansionError, expandFields, expandString } from "./expand";
import { resolvePath } from "./fs";
import { BrokenPipe, BufferOutput, type Output, emptyInput } from "./io";
import { parse } from "./parser";
import { type Fds, RedirectError, applyRedirects } from "./redirect";
import { specialBuiltins } from "./special-builtins";
import { execCase, execFor, execLoop, execPipeline } from "./compound";
import { runInteractive } from "./interactive";
import type { Command, CommandContext, CommandRegistry, ShellHost } from "./types";

export type Dialect = "ash" | "dash" | "bash";

export interface ShellOptions {
  host: ShellHost;
  commands: CommandRegistry;
  /** Initial environment (exported). */
  env?: Record<string, string>;
  /** $0 (e.g. "sh"). */
  arg0?: string;
  positional?: string[];
  dialect?: Dialect;
  cwd?: string;
  /** The shell is PID 1 of a container: default-action signals (TERM, INT) are ignored. */
  pid1?: boolean;
}

interface Var {
  value: string;
  exported: boolean;
}

let nextPid = 100;

export class Shell {
  vars = new Map<string, Var>();
  functions = new Map<string, Node>();
  positional: string[];
  arg0: string;
  status = 0;
  cwd: string;
  errexit = false;
  nounset = false;
  traps = new Map<string, string>();
  /** Set once the shell has run `exit` (or was killed): an interactive loop stops. */
  exited = false;
  /** Names exported before they were set (`export X` then `X=1`). */
  exportLater = new Set<string>();
  readonly host: ShellHost;
  readonly commands: CommandRegistry;
  readonly dialect: Dialect;
  readonly pid1: boolean;
  /** Background jobs (`cmd &`) by pid. */
  jobs = new Map<number, Promise<number>>();
  lastBgPid = 0;
  private pending: string[] = [];
  private signalWaiters: (() => void)[] = [];
  private steps = 0;
  private conditionDepth = 0;
  private killed?: Killed;
  private readonly shared: { killed?: Killed };

  constructor(opts: ShellOptions, shared?: { killed?: Killed }) {
    this.host = opts.host;
    this.commands = opts.commands;
    this.dialect = opts.dialect ?? "ash";
    this.pid1 = opts.pid1 ?? false;
    this.arg0 = opts.arg0 ?? "sh";
    this.positional = opts.positional ?? [];
    this.cwd = opts.cwd ?? "/";
    for (const [k, v] of Object.entries(opts.env ?? {})) this.vars.set(k, { value: v, exported: true });
    if (!this.vars.has("PWD")) this.vars.set("PWD", { value: this.cwd, exported: true });
    this.shared = shared ?? {};
  }

  /** Parse and run a script; resolves with the exit status (exit, end of script, or kill). */
  async run(src: string, fds: Fds): Promise<number> {
    let status: number;
    try {
      status = await this.exec(parse(src), fds);
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof Killed) this.exited = true;
      status = await this.fatal(e, fds);
    }
    return this.runExitTrap(status, fds);
  }

  /** Read commands from standard input one line at a time (see interactive.ts). */
  interactive(fds: Fds): Promise<number> {
    return runInteractive(this, fds);
  }

  /** Deliver a signal: run its trap, ignore it (PID 1 / trap ''), or terminate. */
  signal(sig: string): void {
    const name = signalName(sig) ?? sig;
    const trap = this.traps.get(name);
    if (name !== "KILL" && trap !== undefined) {
      if (trap !== "") this.pending.push(name);
      for (const w of this.signalWaiters.splice(0)) w();
      return;
    }
    if (name === "KILL" || !this.pid1 || name === "PIPE") this.kill(128 + (SIGNALS[name] ?? 15));
  }

  /** Terminate the shell and everything it runs (status 128 + signal). */
  kill(status = 137): void {
    this.shared.killed = new Killed(status);
    for (const w of this.signalWaiters.splice(0)) w();
  }

  get isKilled(): boolean {
    return this.shared.killed !== undefined;
  }

  /** A subshell: a copy of variables, functions, cwd and traps (reset), sharing kill state. */
  subshell(): Shell {
    const s = new Shell({ host: this.host, commands: this.commands, dialect: this.dialect, arg0: this.arg0, positional: [...this.positional], cwd: this.cwd }, this.shared);
    s.vars = new Map([...this.vars].map(([k, v]) => [k, { ...v }]));
    s.functions = new Map(this.functions);
    s.errexit = this.errexit;
    s.nounset = this.nounset;
    s.status = this.status;
    return s;
  }

  getVar(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  setVar(name: string, value: string, exported?: boolean): void {
    const v = this.vars.get(name);
    this.vars.set(name, { value, exported: exported ?? v?.exported ?? this.exportLater.has(name) });
    if (name === "PWD") this.cwd = value;
  }

  exportedEnv(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of this.vars) if (v.exported) env[k] = v.value;
    return env;
  }

  /** Write the shell's own error: `sh: msg` (ash) or `sh: N: msg` (dash). */
  async error(fds: Fds, msg: string, line = 1): Promise<void> {
    const prefix = this.dialect === "dash" ? `${this.arg0}: ${line}: ` : this.dialect === "bash" ? `${this.arg0}: line ${line}: ` : `${this.arg0}: `;
    await fds[2].write(`${prefix}${msg}\n`);
  }

  async exec(node: Node, fds: Fds): Promise<number> {
    switch (node.type) {
      case "list":
        return this.execList(node, fds);
      case "andor": {
        let st = await this.cond(() => this.exec(node.first, fds), node.rest.length > 0);
        for (let i = 0; i < node.rest.length; i++) {
          const { op, node: n } = node.rest[i]!;
          if ((op === "&&") === (st === 0)) st = await this.cond(() => this.exec(n, fds), i < node.rest.length - 1);
        }
        return (this.status = st);
      }
      case "pipeline":
        return this.execPipeline(node, fds);
      case "simple":
        return this.execSimple(node, fds);
      case "subshell": {
        const io = await this.redirected(node.redirs, fds);
        if (!io) return this.status;
        const sub = this.subshell();
        try {
          return (this.status = await sub.exec(node.body, io));
        } catch (e) {
          if (e instanceof ExitSignal) return (this.status = e.status);
          throw e;
        }
      }
      case "group": {
        const io = await this.redirected(node.redirs, fds);
        return io ? this.exec(node.body, io) : this.status;
      }
      case "if": {
        const io = await this.redirected(node.redirs, fds);
        if (!io) return this.status;
        for (const c of node.clauses) {
          if ((await this.cond(() => this.exec(c.cond, io))) === 0) return this.exec(c.body, io);
        }
        return node.elseBody ? this.exec(node.elseBody, io) : (this.status = 0);
      }
      case "loop":
        return this.execLoop(node, fds);
      case "for":
        return this.execFor(node, fds);
      case "case":
        return this.execCase(node, fds);
      case "func":
        this.functions.set(node.name, node.body);
        return (this.status = 0);
    }
  }

  private async execList(node: Extract<Node, { type: "list" }>, fds: Fds): Promise<number> {
    let st = this.status;
    for (const { node: n, bg } of node.items) {
      if (bg) {
        const sub = this.subshell();
        const pid = nextPid++;
        const job = sub.exec(n, { ...fds, 0: emptyInput }).catch((e) => (e instanceof ExitSignal ? e.status : e instanceof Killed ? e.status : 2));
        this.jobs.set(pid, job);
        this.lastBgPid = pid;
        st = this.status = 0;
      } else {
        st = await this.exec(n, fds);
        if (st !== 0 && this.errexit && this.conditionDepth === 0 && n.type !== "andor" && !(n.type === "pipeline" && n.bang)) throw new ExitSignal(st);
      }
      await this.runTraps(fds);
    }
    return st;
  }

  async cond(fn: () => Promise<number>, isCond = true): Promise<number> {
    if (!isCond) return fn();
    this.conditionDepth++;
    try {
      return await fn();
    } finally {
      this.conditionDepth--;
    }
  }

  private execPipeline(node: Extract<Node, { type: "pipeline" }>, fds: Fds): Promise<number> {
    return execPipeline(this, node, fds);
  }

  private execLoop(node: Extract<Node, { type: "loop" }>, fds: Fds): Promise<number> {
    return execLoop(this, node, fds);
  }

  private execFor(node: Extract<Node, { type: "for" }>, fds: Fds): Promise<number> {
    return execFor(this, node, fds);
  }

  private execCase(node: Extract<Node, { type: "case" }>, fds: Fds): Promise<number> {
    return execCase(this, node, fds);
  }

  private async execSimple(node: Extract<Node, { type: "simple" }>, fds: Fds): Promise<number> {
    await this.tick();
    const env = this.expandEnv(fds);
    this.substStatus = undefined;
    const argv = await expandFields(node.words, env);
    const assigns: [string, string][] = [];
    for (const a of node.assigns) assigns.push([a.name, await expandString(a.value, env)]);
    const io = await this.redirected(node.redirs, fds, node.line);
    if (!io) return this.status;
    if (argv.length === 0) {
      for (const [k, v] of assigns) this.setVar(k, v);
      return (this.status = this.substStatus ?? 0);
    }
    const name = argv[0]!;
    const special = specialBuiltins.get(name);
    if (special) {
      for (const [k, v] of assigns) this.setVar(k, v);
      return (this.status = await special(this, argv.slice(1), io, node.line));
    }
    const fn = this.functions.get(name);
    if (fn) return (this.status = await this.callFunction(fn, argv.slice(1), io));
    const extra = Object.fromEntries(assigns);
    return (this.status = await this.runCommand(argv, io, extra, node.line));
  }

  private substStatus: number | undefined;

  private async callFunction(body: Node, args: string[], fds: Fds): Promise<number> {
    const saved = this.positional;
    this.positional = args;
    try {
      return await this.exec(body, fds);
    } catch (e) {
      if (e instanceof ReturnSignal) return e.status;
      throw e;
    } finally {
      this.positional = saved;
    }
  }

  /** Run a regular command (registry lookup via PATH on the image's filesystem). */
  async runCommand(argv: string[], fds: Fds, extraEnv: Record<string, string> = {}, line = 1): Promise<number> {
    const name = argv[0]!;
    const cmd = this.findCommand(name);
    if (cmd === "denied") {
      await this.error(fds, `${name}: Permission denied`, line);
      return 126;
    }
    if (!cmd) {
      await this.error(fds, this.dialect === "bash" ? `${name}: ${name.includes("/") ? "No such file or directory" : "command not found"}` : `${name}: not found`, line);
      return 127;
    }
    const ctx: CommandContext = {
      name,
      args: argv.slice(1),
      env: { ...this.exportedEnv(), ...extraEnv },
      cwd: this.cwd,
      stdin: fds[0],
      stdout: fds[1],
      stderr: fds[2],
      host: this.host,
      fs: this.host.fs,
      now: () => this.host.now(),
      sleep: (ms) => this.sleep(ms),
      tick: () => this.tick(),
      run: (a, env) => this.runCommand(a, fds, env ?? extraEnv, line),
      chdir: (p) => this.setVar("PWD", resolvePath(this.cwd, p)),
    };
    try {
      return await cmd(ctx);
    } catch (e) {
      if (e instanceof BrokenPipe) return 141;
      throw e;
    }
  }

  /** The command for a name: a registry entry whose executable exists on the filesystem's PATH. */
  findCommand(name: string): Command | "denied" | undefined {
    const base = name.slice(name.lastIndexOf("/") + 1);
    const fs = this.host.fs;
    if (name.includes("/")) {
      const path = resolvePath(this.cwd, name);
      const n = fs.lookup(path);
      if (!n.ok) return undefined;
      if (n.value.kind === "dir") return "denied";
      return this.commands.get(base);
    }
    const cmd = this.commands.get(base);
    if (!cmd) return undefined;
    if (!fs.isDir("/bin") && !fs.isDir("/usr/bin")) return cmd;
    const path = (this.getVar("PATH") ?? "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin").split(":");
    return path.some((d) => d && fs.exists(`${resolvePath("/", d)}/${base}`)) ? cmd : undefined;
  }

  /** Virtual-time sleep that aborts when the shell is killed. */
  async sleep(ms: number): Promise<void> {
    this.throwIfKilled();
    this.steps = 0;
    await this.host.sleep(ms);
    this.throwIfKilled();
  }

  /** Count work; a busy loop lets virtual time pass every `cpuSliceCommands` commands. */
  async tick(): Promise<void> {
    this.throwIfKilled();
    if (++this.steps >= (this.host.cpuSliceCommands ?? 1000)) {
      this.steps = 0;
      await this.sleep(this.host.cpuSliceMs ?? 1000);
    }
  }

  /** Wait for background jobs (or one), returning early when a trapped signal arrives. */
  async waitJobs(pids?: number[]): Promise<number> {
    const jobs = pids ? pids.map((p) => this.jobs.get(p)).filter((j): j is Promise<number> => !!j) : [...this.jobs.values()];
    if (!jobs.length) return 127;
    const signalled = new Promise<"signal">((r) => this.signalWaiters.push(() => r("signal")));
    const res = await Promise.race([Promise.all(jobs), signalled]);
    this.throwIfKilled();
    if (res === "signal") return 128 + (SIGNALS[this.pending[0] ?? "TERM"] ?? 15);
    for (const p of pids ?? [...this.jobs.keys()]) this.jobs.delete(p);
    return res[res.length - 1] ?? 0;
  }

  private throwIfKilled(): void {
    if (this.shared.killed) throw this.shared.killed;
  }

  private async runTraps(fds: Fds): Promise<void> {
    while (this.pending.length) {
      const sig = this.pending.shift()!;
      const action = this.traps.get(sig);
      if (action) {
        const saved = this.status;
        await this.exec(parse(action), fds);
        this.status = saved;
      }
    }
  }

  async runExitTrap(status: number, fds: Fds): Promise<number> {
    const action = this.traps.get("EXIT");
    if (!action || this.isKilled) return status;
    this.traps.delete("EXIT");
    this.status = status;
    try {
      await this.exec(parse(action), fds);
      return status;
    } catch (e) {
      return this.fatal(e, fds);
    }
  }

  /** Map an escaping signal or error to an exit status, printing the shell's message. */
  async fatal(e: unknown, fds: Fds): Promise<number> {
    if (e instanceof ExitSignal) return e.status;
    if (e instanceof Killed) return e.status;
    if (e instanceof ReturnSignal) return e.status;
    if (e instanceof LoopSignal) return this.status;
    if (e instanceof ShellSyntaxError) {
      await this.error(fds, `syntax error: ${e.detail}`, e.line);
      return 2;
    }
    if (e instanceof ExpansionError || e instanceof RedirectError) {
      await this.error(fds, e.message);
      return this.dialect === "ash" && e instanceof RedirectError ? 1 : 2;
    }
    if (e instanceof BrokenPipe) return 141;
    throw e;
  }

  async redirected(redirs: Extract<Node, { type: "simple" }>["redirs"], fds: Fds, line = 1): Promise<Fds | undefined> {
    try {
      return await applyRedirects(redirs, fds, this.expandEnv(fds), this.dialect);
    } catch (e) {
      if (!(e instanceof RedirectError)) throw e;
      await this.error(fds, e.message, line);
      this.status = this.dialect === "ash" ? 1 : 2;
      return undefined;
    }
  }

  expandEnv(fds: Fds): ExpandEnv {
    return {
      getVar: (n) => this.getVar(n),
      setVar: (n, v) => this.setVar(n, v),
      positional: () => this.positional,
      arg0: () => this.arg0,
      special: (n) => (n === "?" ? String(this.status) : n === "$" ? String(this.host.pid ?? 1) : n === "!" ? (this.lastBgPid ? String(this.lastBgPid) : "") : (this.errexit ? "e" : "") + (this.nounset ? "u" : "")),
      commandSubst: async (src) => {
        const out = new BufferOutput();
        const sub = this.subshell();
        let st: number;
        try {
          st = await sub.exec(parse(src), { ...fds, 1: out });
        } catch (e) {
          st = await sub.fatal(e, fds);
        }
        this.substStatus = this.status = st;
        return out.text;
      },
      nounset: () => this.nounset,
      fs: this.host.fs,
      cwd: () => this.cwd,
    };
  }

  /** Expand words as the shell would (used by builtins like eval/read helpers). */
  async expandWords(words: Word[], fds: Fds): Promise<string[]> {
    return expandFields(words, this.expandEnv(fds));
  }
}

export type { Fds } from "./redirect";
export type { Output };

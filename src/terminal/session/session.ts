// One terminal session on the cluster's control-plane host: the line editor at the prompt, the
// foreground job while a command runs (typed lines become its input, Ctrl-C stops it), tab
// completion, and the shell state (variables, aliases, cwd, files, history) that outlives a
// socket or an object restart through the session store. While a command has the full-screen
// editor open (`kubectl edit`), keys go to the editor raw instead of the cooked-mode line. Output goes to every socket attached to
// the session and into the scroll-back. Mirrors bash's interactive loop (reader_loop) with a tty
// in cooked mode while a job runs. No upstream file.
import type { Vfs } from "../../shell/fs";
import { Shell } from "../../shell/interp";
import type { CommandRegistry, ShellHost } from "../../shell/types";
import { ENTER_ALT_SCREEN, LEAVE_ALT_SCREEN } from "../commands/watch";
import { ScreenEditor } from "../editor/editor";
import { columns, commonPrefix, complete } from "../complete/complete";
import { LineEditor, newEditorState } from "../line/editor";
import { type Key, parseKeys } from "../line/keys";
import type { KubectlEnv, KubeTransport } from "../types";
import { HOME, HOSTNAME, hostFs, loginVars, prompt, userFiles } from "./host";
import { incomplete } from "./continuation";
import { jobCommands } from "./registry";
import { INTERRUPTED, Job } from "./job";
import { HISTORY_LIMIT, type SessionState, type SessionStore } from "./store";

export interface SessionDeps {
  /** The session's key in the store (credential and client session id). */
  key: string;
  credential: string;
  store: SessionStore;
  /** Send output to the sockets attached to this session. */
  emit(data: string): void;
  /** Requests to the cluster's API with the session's credential. */
  transport: KubeTransport;
  kube: Pick<KubectlEnv, "server" | "clusterName" | "contextName" | "userName">;
  /** Virtual time of the cluster (ms since the epoch). */
  now(): number;
  /** Real milliseconds for `ms` of virtual time at the clock's speed. */
  realDelay(ms: number): number;
}

type Vars = Shell["vars"];

export function freshState(credential: string): SessionState {
  return {
    credential, editor: newEditorState(), history: [], vars: loginVars(), aliases: {}, cwd: HOME,
    namespace: "default", pending: "", files: {}, cols: 80, rows: 24,
  };
}

export class TerminalSession {
  private state: SessionState;
  private readonly editor: LineEditor;
  private fs: Vfs;
  private vars: Vars;
  private functions: Shell["functions"] = new Map();
  private status = 0;
  private job?: Job;
  private keepAlive?: ReturnType<typeof setInterval>;
  /** The line typed while a job runs (cooked mode), not yet ended with Enter. */
  private cooked = "";
  private altScreen = false;
  /** The full-screen editor a command opened (kubectl edit), and how to hand the file back. */
  private screen?: { editor: ScreenEditor; job: Job; done(text: string | undefined): void };
  private lastWasTab = false;
  /** The host `ssh` asked to log in to when the running command ends. */
  private entering?: string;
  private queue: Promise<void> = Promise.resolve();
  private out = "";
  private flushQueued = false;

  constructor(private readonly deps: SessionDeps) {
    const saved = deps.store.load(deps.key);
    this.state = saved && saved.credential === deps.credential ? saved : freshState(deps.credential);
    this.editor = new LineEditor(this.state.editor, () => this.state.history, this.state.cols);
    this.vars = varsFrom(this.state.vars);
    this.fs = hostFs(() => deps.now(), this.state.files);
  }

  /** Output to replay to a socket that attaches: the scroll-back (with a prompt on a new session). */
  attach(): string {
    if (this.state.running !== undefined && !this.job) {
      // The object restarted while a command ran: the command is gone, the shell is back.
      this.state.running = undefined;
      // Back to the main screen only if the command had left it (watch, the editor): the
      // sequence restores the cursor, which would otherwise land the prompt over earlier lines.
      const scrollback = this.deps.store.scrollback(this.deps.key);
      if (scrollback.lastIndexOf(ENTER_ALT_SCREEN) > scrollback.lastIndexOf(LEAVE_ALT_SCREEN)) this.print(LEAVE_ALT_SCREEN);
      this.print("\r\n");
      this.showPrompt();
    } else if (!this.job && this.state.editor.prompt === "" && this.state.pending === "") {
      this.showPrompt();
    } else if (this.screen) {
      // Whatever the scroll-back replays, the editor's screen is drawn whole once more.
      this.print(this.screen.editor.redraw());
    }
    this.flush();
    this.save();
    return this.deps.store.scrollback(this.deps.key);
  }

  resize(cols: number, rows: number): void {
    this.state.cols = Math.max(10, Math.min(1000, Math.floor(cols)));
    this.state.rows = Math.max(2, Math.min(500, Math.floor(rows)));
    this.editor.cols = this.state.cols;
    if (this.screen) this.print(this.screen.editor.resize(this.state.cols, this.state.rows));
    this.save();
  }

  /** Keystrokes from the terminal, handled in order (completion may wait for the API). */
  input(data: string): Promise<void> {
    this.queue = this.queue.then(() => this.handle(data)).catch((e) => console.error("terminal input failed", e instanceof Error ? e.message : String(e)));
    return this.queue;
  }

  get running(): boolean {
    return this.job !== undefined;
  }

  private async handle(data: string): Promise<void> {
    for (const k of parseKeys(data)) {
      if (this.screen) { this.screenKey(k); continue; }
      if (this.job) { this.cookedKey(k); continue; }
      const wasTab = this.lastWasTab;
      this.lastWasTab = k.kind === "tab";
      const { out, event } = this.editor.key(k);
      this.print(out);
      if (!event) continue;
      if (event.type === "submit") this.submit(event.line);
      else if (event.type === "interrupt") { this.state.pending = ""; this.showPrompt(); }
      else if (event.type === "eof") this.logout();
      else if (event.type === "clear") this.print("\x1b[H\x1b[2J" + this.editor.redraw());
      else if (event.type === "complete") await this.complete(wasTab);
    }
    this.save();
  }

  /** A key while a command runs: the tty's cooked mode (echo, erase, Enter sends the line, ^C, ^D). */
  private cookedKey(k: Key): void {
    const job = this.job!;
    if (k.kind === "text") { this.cooked += k.text; this.print(k.text); }
    else if (k.kind === "backspace" && this.cooked) { this.cooked = this.cooked.slice(0, -1); this.print("\b \b"); }
    else if (k.kind === "enter") { this.print("\r\n"); job.stdin.push(this.cooked); this.cooked = ""; }
    else if (k.kind === "ctrl" && k.key === "d") job.stdin.end();
    else if (k.kind === "ctrl" && k.key === "c") this.interrupt(job);
  }

  /** A key for the full-screen editor; when it exits, the command gets the file back. */
  private screenKey(k: Key): void {
    const screen = this.screen!;
    const { out, exit } = screen.editor.key(k);
    if (exit) { this.screen = undefined; this.altScreen = false; }
    this.print(out);
    if (exit) screen.done(exit.text);
  }

  /** The editor a command of `job` opens (KubectlEnv.editor): full screen until it exits. */
  private openEditor(job: Job, fileName: string, text: string): Promise<string | undefined> {
    if (job.interrupted || this.job !== job) return Promise.resolve(undefined);
    if (this.screen) return Promise.reject(new Error("the editor is already open"));
    return new Promise((resolve) => {
      const editor = new ScreenEditor(fileName, text, this.state.cols, this.state.rows);
      this.screen = { editor, job, done: resolve };
      this.altScreen = true;
      this.print(editor.open());
    });
  }

  /** The job ended or was stopped with the editor open: the editor goes, its file unsaved. */
  private closeScreen(job: Job): void {
    const screen = this.screen;
    if (!screen || screen.job !== job) return;
    this.screen = undefined;
    screen.done(undefined);
  }

  private interrupt(job: Job): void {
    job.interrupt();
    this.closeScreen(job);
    this.endJob();
    this.cooked = "";
    this.state.running = undefined;
    if (this.altScreen) { this.altScreen = false; this.print(LEAVE_ALT_SCREEN); }
    else this.print("^C\r\n");
    this.status = INTERRUPTED;
    this.showPrompt();
  }

  private submit(line: string): void {
    const h = this.state.history;
    if (line.trim() && !line.startsWith(" ") && h[h.length - 1] !== line) {
      h.push(line);
      if (h.length > HISTORY_LIMIT) h.splice(0, h.length - HISTORY_LIMIT);
    }
    const src = this.state.pending + line + "\n";
    if (incomplete(src)) {
      this.state.pending = src;
      this.print(this.editor.begin("> "));
      return;
    }
    this.state.pending = "";
    if (!src.trim()) { this.showPrompt(); return; }
    this.startJob(src);
  }

  private startJob(src: string): void {
    const job = new Job(src, (ms) => this.deps.realDelay(ms));
    this.job = job;
    this.state.running = src;
    // A running command keeps the object awake (a `-w` stream has no timer of its own); an idle
    // terminal has no timer at all.
    this.keepAlive = setInterval(() => {}, 5000);
    void this.runJob(job).then((r) => this.finishJob(job, r));
  }

  private async runJob(job: Job): Promise<{ status: number; exited: boolean; cwd: string; namespace: string }> {
    const env: KubectlEnv = {
      ...this.deps.kube, transport: job.transport(this.deps.transport), namespace: this.state.namespace, now: () => new Date(this.deps.now()),
      editor: (fileName, text) => this.openEditor(job, fileName, text),
    };
    const out = job.output((d) => this.printOutput(d));
    const commands = this.commands(job, env);
    const shell = this.shellFor(job, commands);
    job.whenInterrupted(() => shell.kill(INTERRUPTED));
    let status: number;
    try {
      status = await shell.run(job.line, { 0: job.stdin, 1: out, 2: out });
    } catch (e) {
      if (!job.interrupted) this.printOutput(`-bash: ${e instanceof Error ? e.message : String(e)}\n`);
      status = 1;
    }
    return { status, exited: shell.exited && !job.interrupted, cwd: shell.cwd, namespace: env.namespace };
  }

  private finishJob(job: Job, r: { status: number; exited: boolean; cwd: string; namespace: string }): void {
    job.dispose();
    this.closeScreen(job);
    if (this.job !== job) return; // stopped with Ctrl-C: the prompt is already back
    this.endJob();
    this.status = r.status;
    this.state.cwd = r.cwd;
    this.state.namespace = r.namespace;
    if (this.entering) this.enterHost(this.entering);
    this.state.running = undefined;
    this.state.files = userFiles(this.fs);
    if (this.altScreen) { this.altScreen = false; this.print(LEAVE_ALT_SCREEN); }
    const typeAhead = job.stdin.leftover().map((l) => l + "\r").join("") + this.cooked;
    this.cooked = "";
    if (r.exited) this.logout();
    else this.showPrompt();
    this.save();
    if (typeAhead) void this.input(typeAhead);
  }

  private endJob(): void {
    this.job = undefined;
    if (this.keepAlive !== undefined) clearInterval(this.keepAlive);
    this.keepAlive = undefined;
  }

  private commands(job: Job, env: KubectlEnv): CommandRegistry {
    return jobCommands({
      env, state: () => this.state, now: () => this.deps.now(), host: () => this.host, enterHost: (h) => { this.entering = h; },
      size: () => ({ cols: this.state.cols, rows: this.state.rows }),
      shellFor: (commands) => this.shellFor(job, commands),
    });
  }

  private shellFor(job: Job, commands: CommandRegistry): Shell {
    const host: ShellHost = {
      fs: this.fs, now: () => this.deps.now(), sleep: (ms) => job.sleep(ms), hostname: this.host,
      user: { uid: 0, gid: 0, name: "root", group: "root" }, tty: true, pid: 4242,
    };
    const sh = new Shell({ host, commands, dialect: "bash", arg0: "bash", cwd: this.state.cwd });
    sh.vars = this.vars;
    sh.functions = this.functions;
    sh.status = this.status;
    return sh;
  }

  private async complete(wasTab: boolean): Promise<void> {
    const s = this.editor.state;
    const c = await complete(s.line, s.cursor, {
      commands: [...this.commands(new Job("", () => 0), this.completionEnv()).keys(), "cd", "export", "exit", "unset", "set", "source", "."],
      aliases: this.state.aliases, transport: this.deps.transport, namespace: this.state.namespace, fs: this.fs, cwd: this.state.cwd,
    });
    const [only] = c.candidates;
    if (!only) { this.print("\x07"); return; }
    if (c.candidates.length === 1) {
      this.print(this.editor.insert(only.slice(c.word.length) + (c.files && only.endsWith("/") ? "" : " ")));
      return;
    }
    const common = commonPrefix(c.candidates);
    if (common.length > c.word.length) { this.print(this.editor.insert(common.slice(c.word.length))); return; }
    if (!wasTab) { this.print("\x07"); return; }
    this.print(this.editor.key({ kind: "end" }).out + "\r\n" + columns(c.candidates, this.state.cols) + "\r\n" + this.editor.redraw());
  }

  private completionEnv(): KubectlEnv {
    return { ...this.deps.kube, transport: this.deps.transport, namespace: this.state.namespace, now: () => new Date(this.deps.now()) };
  }

  /** Ctrl-D on an empty line, or `exit`: bash says "logout"; a new login shell starts (history and files stay). */
  private logout(): void {
    const outer = this.state.outer?.pop();
    if (outer) {
      // ssh's remote shell ended: back in the shell that ran ssh.
      this.print(`logout\r\nConnection to ${this.host} closed.\r\n`);
      this.state.host = outer.host === HOSTNAME ? undefined : outer.host;
      this.state.cwd = outer.cwd;
      this.showPrompt();
      return;
    }
    this.print("logout\r\n\r\n");
    this.state.vars = loginVars();
    this.vars = varsFrom(this.state.vars);
    this.functions = new Map();
    this.state.aliases = {};
    this.state.cwd = HOME;
    this.state.pending = "";
    this.status = 0;
    this.showPrompt();
  }

  private showPrompt(): void {
    this.print(this.editor.begin(this.state.pending ? "> " : prompt(this.state.cwd, this.host)));
  }

  /** The host the shell runs on (ssh changes it). */
  private get host(): string {
    return this.state.host ?? HOSTNAME;
  }

  /** ssh logged in to `host`: a login shell there, the current one waits. */
  private enterHost(host: string): void {
    this.entering = undefined;
    (this.state.outer ??= []).push({ host: this.host, cwd: this.state.cwd });
    this.state.host = host;
    this.state.cwd = HOME;
  }

  /** A command's output: newlines become CR LF (the tty's onlcr), the alternate screen is tracked. */
  private printOutput(data: string): void {
    const i = data.lastIndexOf(ENTER_ALT_SCREEN), j = data.lastIndexOf(LEAVE_ALT_SCREEN);
    if (i >= 0 || j >= 0) this.altScreen = i > j;
    this.print(data.replace(/\r?\n/g, "\r\n"));
  }

  private print(data: string): void {
    if (!data) return;
    this.out += data;
    if (!this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(() => this.flush());
    }
  }

  private flush(): void {
    this.flushQueued = false;
    const data = this.out;
    this.out = "";
    if (!data) return;
    this.deps.store.append(this.deps.key, data);
    this.deps.emit(data);
  }

  private save(): void {
    this.state.editor = this.editor.state;
    this.state.vars = [...this.vars].map(([k, v]) => [k, v.value, v.exported]);
    this.deps.store.save(this.deps.key, this.state);
  }
}

function varsFrom(list: [string, string, boolean][]): Vars {
  return new Map(list.map(([k, value, exported]) => [k, { value, exported }]));
}

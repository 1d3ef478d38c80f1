// The node's container runtime (containerd's role): each started container is a process of the
// program module (../program/process.ts) on its own virtual clock, caught up lazily to the
// cluster's time when someone needs it (a kubelet sync, logs, exec, a probe). Output goes to the
// log table as it happens. What the process was started with (its config, with volume contents
// frozen at start) and every input that changed it afterwards (signals, execs that wrote files,
// what an attached client typed on PID 1's stdin: the journal) are kept in SQLite, so after a Durable Object restart the process is rebuilt by
// replaying from its start time, with output up to the last catch-up suppressed (it is already in
// the log table). HTTP requests (probes) are not journaled: servers answer them without changing
// their state, and their access-log lines are already stored.
// No upstream file: this stands in for containerd's tasks (CRI StartContainer/StopContainer/ExecSync).
import { VirtualTime } from "../../../shell/vtime";
import type { HttpRequest } from "../../../shell/types";
import { resolveImage } from "../images";
import { type ContainerProcess, type HttpResult, type Mount, startContainer } from "../program/process";
import { LogTable, type LogLine } from "./log-table";
import { runInContainer, type SideRun } from "./side";
import { Pipe } from "../../../shell/io";

export interface ContainerConfig {
  image: string;
  command?: string[];
  args?: string[];
  env: Record<string, string>;
  workingDir?: string;
  hostname: string;
  namespace: string;
  podIP?: string;
  mounts: Mount[];
  tty?: boolean;
  /** Container `stdin: true`: PID 1 reads an attachable stdin that stays open until closed. */
  stdin?: boolean;
  stdinOnce?: boolean;
  cpus: number;
}

export type JournalEntry =
  | { at: number; kind: "signal"; sig: string }
  | { at: number; kind: "exec"; argv: string[]; stdin?: string; limitMs: number }
  | { at: number; kind: "stdin"; data: string }
  | { at: number; kind: "stdin-close" };

/** Receives what PID 1 writes (an attached client). */
export type OutputListener = (stream: "stdout" | "stderr", data: string) => void;

type Row = { cid: string; pod_uid: string; config: string; started_at: number; caught_up_to: number; journal: string };

interface Live {
  proc: ContainerProcess;
  time: VirtualTime;
  row: Row;
  journal: JournalEntry[];
  /** Journal entries still to re-apply while replaying after a restart. */
  replay: JournalEntry[];
  /** Writes at or before this time are already in the log table (replay). */
  quietUntil: number;
  /** Writes so far (a probe with side effects writes). */
  writes: number;
  /** PID 1's standard input when the container has `stdin: true`. */
  stdin?: Pipe;
}

export type StartOutcome = { ok: true } | { ok: false; message: string };

export class ContainerRuntime {
  readonly logs: LogTable;
  private readonly live = new Map<string, Live>();
  private readonly locks = new Map<string, Promise<unknown>>();
  private readonly listeners = new Map<string, Set<OutputListener>>();

  constructor(private readonly sql: SqlStorage) {
    this.logs = new LogTable(sql);
    sql.exec(`CREATE TABLE IF NOT EXISTS kubelet_containers (cid TEXT PRIMARY KEY, pod_uid TEXT NOT NULL, config TEXT NOT NULL, started_at INTEGER NOT NULL, caught_up_to INTEGER NOT NULL, journal TEXT NOT NULL)`);
  }

  /** CRI StartContainer at virtual time `at`; a StartError (runc's message) when argv[0] cannot run. */
  start(cid: string, podUid: string, config: ContainerConfig, at: number): StartOutcome {
    const row: Row = { cid, pod_uid: podUid, config: JSON.stringify(config), started_at: at, caught_up_to: at, journal: "[]" };
    const live = this.launch(row, [], false);
    if ("message" in live) return { ok: false, message: live.message };
    this.sql.exec(`INSERT OR REPLACE INTO kubelet_containers (cid, pod_uid, config, started_at, caught_up_to, journal) VALUES (?, ?, ?, ?, ?, ?)`, cid, podUid, row.config, at, at, "[]");
    this.live.set(cid, live);
    return { ok: true };
  }

  private launch(row: Row, journal: JournalEntry[], replaying = true): Live | { message: string } {
    const config = JSON.parse(row.config) as ContainerConfig;
    const image = resolveImage(config.image);
    if (!image.ok) return { message: image.message };
    const time = new VirtualTime(row.started_at);
    const holder: { live?: Live } = {};
    const stdin = config.stdin ? new Pipe() : undefined;
    const res = startContainer({
      image: image.image, command: config.command, args: config.args, env: config.env, workingDir: config.workingDir,
      hostname: config.hostname, namespace: config.namespace, podIP: config.podIP, mounts: config.mounts, tty: config.tty, cpus: config.cpus, time,
      stdin: stdin?.reader,
      onOutput: (stream, data, at) => {
        const l = holder.live;
        if (l) l.writes++;
        if (l && at <= l.quietUntil) return;
        this.logs.append(row.cid, stream, data, at);
        for (const f of this.listeners.get(row.cid) ?? []) f(stream, data);
      },
    });
    if (!res.ok) return { message: res.message };
    const live: Live = { proc: res.process, time, row, journal, replay: journal.filter((e) => e.at <= row.caught_up_to), quietUntil: replaying ? row.caught_up_to : -Infinity, writes: 0, stdin };
    holder.live = live;
    return live;
  }

  /** The live process, rebuilt by replay when the object restarted; undefined when unknown. */
  private get(cid: string): Live | undefined {
    let l = this.live.get(cid);
    if (l) return l;
    const rows = this.sql.exec<Row>(`SELECT * FROM kubelet_containers WHERE cid = ?`, cid).toArray();
    if (!rows.length) return undefined;
    const built = this.launch(rows[0]!, JSON.parse(rows[0]!.journal) as JournalEntry[]);
    if ("message" in built) return undefined;
    this.live.set(cid, (l = built));
    return l;
  }

  /** The virtual time the container has been run up to (stored, so also after a restart). */
  caughtUpTo(cid: string): number {
    return this.get(cid)?.row.caught_up_to ?? 0;
  }

  has(cid: string): boolean {
    return this.get(cid) !== undefined;
  }

  /** Lets the container's virtual time pass up to `t` (never backwards). */
  async advance(cid: string, t: number): Promise<void> {
    // Callers (kubelet syncs, log reads, exec) take turns on a container's clock.
    const prev = this.locks.get(cid) ?? Promise.resolve();
    const run = prev.then(() => this.advanceNow(cid, t));
    const tail = run.catch(() => undefined);
    this.locks.set(cid, tail);
    try { await run; } finally { if (this.locks.get(cid) === tail) this.locks.delete(cid); }
  }

  private async advanceNow(cid: string, t: number): Promise<void> {
    const l = this.get(cid);
    if (!l) return;
    while (l.replay.length && l.replay[0]!.at <= t) {
      const e = l.replay.shift()!;
      await l.time.runUntil(e.at);
      await this.apply(l, e);
    }
    await l.time.runUntil(Math.max(t, l.time.now()));
    if (l.time.now() > l.row.caught_up_to) {
      l.row.caught_up_to = l.time.now();
      this.sql.exec(`UPDATE kubelet_containers SET caught_up_to = ? WHERE cid = ?`, l.row.caught_up_to, cid);
    }
  }

  private async apply(l: Live, e: JournalEntry): Promise<void> {
    if (e.kind === "signal") {
      if (e.sig === "KILL") l.proc.kill();
      else l.proc.signal(e.sig);
      await l.time.runUntil(l.time.now());
    } else if (e.kind === "stdin" || e.kind === "stdin-close") {
      if (e.kind === "stdin") void l.stdin?.writer.write(e.data).catch(() => undefined);
      else l.stdin?.writer.close?.();
      await l.time.runUntil(l.time.now());
    } else await runInContainer(l.proc, e.argv, e.at, { limitMs: e.limitMs, stdin: e.stdin });
  }

  private record(l: Live, e: JournalEntry): void {
    l.journal.push(e);
    this.sql.exec(`UPDATE kubelet_containers SET journal = ? WHERE cid = ?`, JSON.stringify(l.journal), l.row.cid);
  }

  /** Delivers a signal at `at` (the container is first caught up to it). */
  async signal(cid: string, sig: string, at: number): Promise<void> {
    const l = this.get(cid);
    if (!l) return;
    await this.advance(cid, at);
    if (!l.proc.running) return;
    const e: JournalEntry = { at: l.time.now(), kind: "signal", sig: sig.toUpperCase().replace(/^SIG/, "") };
    this.record(l, e);
    await this.apply(l, e);
  }

  /**
   * Runs a command in the container at `at` (exec probe, lifecycle hook, non-interactive exec)
   * on a clock of its own, bounded by `limitMs`; journaled when it changed the file tree.
   */
  async exec(cid: string, argv: string[], at: number, opts: { limitMs: number; stdin?: string }): Promise<SideRun | undefined> {
    const l = this.get(cid);
    if (!l) return undefined;
    await this.advance(cid, at);
    const before = l.proc.fs.version;
    const run = await runInContainer(l.proc, argv, l.time.now(), opts);
    if (l.proc.fs.version !== before) this.record(l, { at: l.time.now(), kind: "exec", argv, stdin: opts.stdin, limitMs: opts.limitMs });
    return run;
  }

  /** Journals an interactive exec session that changed the file tree (replayed with the input it read). */
  recordExec(cid: string, argv: string[], at: number, stdin: string, limitMs: number): void {
    const l = this.get(cid);
    if (l) this.record(l, { at, kind: "exec", argv, stdin, limitMs });
  }

  /** Whether PID 1 has an attachable stdin (container `stdin: true`) and it is still running. */
  attachable(cid: string): boolean {
    const l = this.get(cid);
    return !!l?.stdin && l.proc.running;
  }

  /** What an attached client typed, delivered to PID 1 at `at` (journaled for replay); `null` closes stdin. */
  async attachInput(cid: string, data: string | null, at: number): Promise<void> {
    const l = this.get(cid);
    if (!l?.stdin) return;
    await this.advance(cid, at);
    if (!l.proc.running) return;
    const e: JournalEntry = data === null ? { at: l.time.now(), kind: "stdin-close" } : { at: l.time.now(), kind: "stdin", data };
    this.record(l, e);
    await this.apply(l, e);
  }

  /** Follows what PID 1 writes from now on; returns the unsubscribe function. */
  subscribe(cid: string, f: OutputListener): () => void {
    let set = this.listeners.get(cid);
    if (!set) this.listeners.set(cid, (set = new Set()));
    set.add(f);
    return () => { set!.delete(f); if (!set!.size) this.listeners.delete(cid); };
  }

  process(cid: string): ContainerProcess | undefined {
    return this.get(cid)?.proc;
  }

  exit(cid: string): { code: number; atMs: number } | undefined {
    return this.get(cid)?.proc.exit;
  }

  /** The program's next wake-up (a sleep ending), if any. */
  nextDue(cid: string): number | undefined {
    const l = this.get(cid);
    if (!l || !l.proc.running) return undefined;
    return l.time.nextDue();
  }

  /** What a probe's outcome can depend on: the file tree, the open ports, running. */
  stateKey(cid: string): string {
    const l = this.get(cid);
    if (!l) return "gone";
    return `${l.proc.fs.version}|${l.proc.listeningPorts().join(",")}|${l.proc.running}`;
  }

  writes(cid: string): number {
    return this.get(cid)?.writes ?? 0;
  }

  listens(cid: string, port: number): boolean {
    return this.get(cid)?.proc.listens(port) ?? false;
  }

  async http(cid: string, port: number, req: HttpRequest): Promise<HttpResult> {
    const l = this.get(cid);
    return l ? l.proc.http(port, req) : "refused";
  }

  lines(cid: string, untilMs?: number): LogLine[] {
    return this.logs.lines(cid, untilMs);
  }

  /** Removes a container (CRI RemoveContainer): its process, journal and logs. */
  remove(cid: string): void {
    const l = this.live.get(cid);
    if (l?.proc.running) l.proc.kill();
    this.live.delete(cid);
    this.sql.exec(`DELETE FROM kubelet_containers WHERE cid = ?`, cid);
    this.logs.remove(cid);
  }

  removePod(podUid: string): void {
    for (const r of this.sql.exec<{ cid: string }>(`SELECT cid FROM kubelet_containers WHERE pod_uid = ?`, podUid).toArray()) this.remove(r.cid);
  }

  /** Forgets every in-memory process (what an object restart does; tests use it). */
  dropMemory(): void {
    this.live.clear();
  }
}

const runtimes = new WeakMap<SqlStorage, ContainerRuntime>();

/** The one runtime of an object (the kubelet component and the node proxy share it). */
export function runtimeFor(sql: SqlStorage): ContainerRuntime {
  let r = runtimes.get(sql);
  if (!r) runtimes.set(sql, (r = new ContainerRuntime(sql)));
  return r;
}

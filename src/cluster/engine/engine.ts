// The simulation engine: runs the cluster's components (controllers, scheduler, kubelets) on
// the virtual clock. Components are told of store changes through watches, queue keys, and are
// synced when the Durable Object's alarm fires; work due later is a row in the timers table.
// Nothing polls and nothing sleeps: with no queued work and no timer due, no alarm is set.
import type { Store, Watcher } from "../store/types";
import type { KObject } from "../apiserver/registry/types";
import { storagePrefix } from "../apiserver/resources";
import type { Timers } from "../sim/timers";
import type { VirtualClock } from "../sim/clock";
import type { Component, ComponentContext } from "./component";
import { WorkQueue } from "./workqueue";

const SYNC_TIMER = "sync";

export interface EngineDeps {
  store: Store;
  timers: Timers;
  clock: VirtualClock;
  /** The context each component syncs with (its own API client). */
  contextFor(component: Component): ComponentContext;
}

export interface RunStats { syncs: number; timersFired: number; errors: number }

export class Engine {
  private readonly queues = new Map<string, WorkQueue>();
  private readonly watchers: Watcher[] = [];
  private readonly contexts = new Map<string, ComponentContext>();
  private started = false;
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: EngineDeps, private readonly components: Component[]) {
    for (const c of components) this.queues.set(c.name, new WorkQueue());
  }

  /** Lists what exists (every key queued once, as an informer's initial list) and starts the watches. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const { store } = this.deps;
    for (const c of this.components) {
      this.contexts.set(c.name, this.deps.contextFor(c));
      const q = this.queues.get(c.name)!;
      for (const w of c.watches) {
        const prefix = storagePrefix(w.resource);
        const snapshot = store.list({ prefix });
        for (const v of snapshot.items) for (const k of w.keys(v.object as KObject)) q.add(k);
        this.watchers.push(store.watch({ prefix, afterRevision: snapshot.revision }, (e) => {
          for (const k of w.keys(e.object as KObject, e)) q.add(k);
        }));
      }
    }
  }

  get isStarted(): boolean {
    return this.started;
  }

  stop(): void {
    for (const w of this.watchers.splice(0)) w.close();
    this.started = false;
  }

  hasQueuedWork(): boolean {
    for (const q of this.queues.values()) if (q.size) return true;
    return false;
  }

  /**
   * Moves due timers into the queues and syncs until nothing is queued or the budget (real ms)
   * is spent. Returns what was done.
   */
  /**
   * Runs are serialized: a sync awaiting virtual time may let the object's next event in (an alarm,
   * a clock step), and two runs at once would sync the same keys out of order.
   */
  private serialize<T>(fn: () => Promise<T>): Promise<T> {
    const p = this.tail.then(fn);
    this.tail = p.catch(() => undefined);
    return p;
  }

  run(budgetMs = 200): Promise<RunStats> {
    return this.serialize(() => this.runNow(budgetMs));
  }

  private async runNow(budgetMs: number): Promise<RunStats> {
    const stats: RunStats = { syncs: 0, timersFired: 0, errors: 0 };
    const deadline = Date.now() + budgetMs;
    for (;;) {
      stats.timersFired += this.fireDueTimers();
      let progressed = false;
      for (const c of this.components) {
        const key = this.queues.get(c.name)!.take();
        if (key === undefined) continue;
        progressed = true;
        stats.syncs++;
        await this.syncOne(c, key, stats);
      }
      if (!progressed && !this.hasDueTimers()) break;
      if (Date.now() > deadline) break;
    }
    return stats;
  }

  private async syncOne(c: Component, key: string, stats: RunStats): Promise<void> {
    const ctx = this.contexts.get(c.name)!;
    try {
      const r = await c.sync(key, ctx);
      if (r?.requeueAfterMs !== undefined) {
        this.deps.timers.schedule(SYNC_TIMER, `${c.name}|${key}`, this.deps.clock.now() + r.requeueAfterMs, undefined, { keepEarlier: true });
      }
    } catch (e) {
      stats.errors++;
      console.error(`component ${c.name} failed to sync ${key}`, e);
      // Retry with a back-off, as a controller's rate-limited queue does.
      this.deps.timers.schedule(SYNC_TIMER, `${c.name}|${key}`, this.deps.clock.now() + 5_000, undefined, { keepEarlier: true });
    }
  }

  private hasDueTimers(): boolean {
    const t = this.deps.timers.earliest();
    return t !== undefined && t <= this.deps.clock.now();
  }

  private fireDueTimers(): number {
    const due = this.deps.timers.due(this.deps.clock.now(), 500).filter((t) => t.kind === SYNC_TIMER);
    for (const t of due) {
      const sep = t.key.indexOf("|");
      this.queues.get(t.key.slice(0, sep))?.add(t.key.slice(sep + 1));
      this.deps.timers.ack(t);
    }
    return due.length;
  }

  /**
   * Moves virtual time forward by `ms`, firing every timer in between at its own due time, so
   * what happens during the step carries the right timestamps (tests and the clock API use it).
   */
  advance(ms: number, maxRounds = 100_000): Promise<RunStats> {
    return this.serialize(() => this.advanceNow(ms, maxRounds));
  }

  private async advanceNow(ms: number, maxRounds: number): Promise<RunStats> {
    const total: RunStats = { syncs: 0, timersFired: 0, errors: 0 };
    const add = (r: RunStats) => { total.syncs += r.syncs; total.timersFired += r.timersFired; total.errors += r.errors; };
    const { clock, timers } = this.deps;
    const target = clock.now() + ms;
    add(await this.runNow(10_000));
    for (let i = 0; i < maxRounds; i++) {
      const next = timers.earliest();
      if (next === undefined || next > target) break;
      clock.advanceTo(next);
      add(await this.runNow(10_000));
    }
    clock.advanceTo(target);
    add(await this.runNow(10_000));
    return total;
  }

  /** Real ms until the engine needs to run again: 0 when work is queued, undefined when idle. */
  nextRunDelay(): number | undefined {
    if (this.hasQueuedWork()) return 0;
    const t = this.deps.timers.earliest();
    if (t === undefined) return undefined;
    const d = this.deps.clock.realDelayUntil(t);
    return Number.isFinite(d) ? d : undefined;
  }
}

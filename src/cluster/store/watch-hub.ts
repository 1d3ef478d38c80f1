// Fan-out of committed store events to watchers, as etcd's watchable_store.go (synced/unsynced
// watchers) and the apiserver's cacheWatcher: each watcher has its own ordered queue and the
// revision it has reached, so an event is delivered once, in revision order, even when a
// listener writes to the store (re-entrant commits are queued behind the event being delivered).
import { toStoreEvent, type LogRow } from "./history";
import type { Watcher, WatchListener } from "./types";

class HubWatcher implements Watcher {
  private queue: LogRow[] = [];
  private head = 0;
  private delivering = false;
  closed = false;

  constructor(
    private readonly hub: WatchHub,
    readonly prefix: string,
    /** The last revision queued (replayed or live); later events only are taken. */
    public reached: number,
    private readonly listener: WatchListener,
  ) {}

  offer(row: LogRow): void {
    if (this.closed || row.revision <= this.reached || !row.key.startsWith(this.prefix)) return;
    this.queue.push(row);
    this.reached = row.revision;
  }

  /** Sets the replayed rows as the first queued events (called before registration). */
  startWith(rows: LogRow[]): void {
    this.queue = rows;
    this.head = 0;
  }

  /** Delivers queued events unless a delivery to this watcher is already under way (re-entrancy). */
  drain(): void {
    if (this.delivering) return;
    this.delivering = true;
    try {
      while (!this.closed && this.head < this.queue.length) {
        const row = this.queue[this.head++]!;
        try {
          this.listener(toStoreEvent(row));
        } catch {
          // A failing listener ends its own watch; the store and other watchers carry on.
          this.close();
        }
      }
    } finally {
      this.delivering = false;
      if (this.head >= this.queue.length) {
        this.queue = [];
        this.head = 0;
      }
    }
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.queue = [];
    this.head = 0;
    this.hub.remove(this);
  }
}

export class WatchHub {
  private readonly watchers = new Set<HubWatcher>();

  /**
   * Registers a watcher that first receives `replay` (log rows up to `reached`, in revision
   * order, already filtered by prefix) and then every published event after `reached`.
   */
  add(prefix: string, reached: number, replay: LogRow[], listener: WatchListener): Watcher {
    const watcher = new HubWatcher(this, prefix, reached, listener);
    watcher.startWith(replay);
    this.watchers.add(watcher);
    watcher.drain();
    return watcher;
  }

  /** Publishes committed events (in revision order) to every open watcher. */
  publish(rows: LogRow[]): void {
    if (rows.length === 0 || this.watchers.size === 0) return;
    const targets = [...this.watchers];
    for (const watcher of targets) for (const row of rows) watcher.offer(row);
    for (const watcher of targets) watcher.drain();
  }

  remove(watcher: HubWatcher): void {
    this.watchers.delete(watcher);
  }

  count(): number {
    return this.watchers.size;
  }
}

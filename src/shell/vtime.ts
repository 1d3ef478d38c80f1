// Virtual time for programs. Everything a simulated process does that takes time (sleep, a
// server's startup, a graceful shutdown) awaits `sleep(ms)` here; nothing resolves by wall time.
// The owner (a kubelet, the terminal, a test) calls `runUntil(t)` to let virtual time pass: due
// sleepers are woken in order, and after each wake-up every process runs until it blocks again.
// `nextDue()` tells the owner when to come back (it becomes a row in the timers table).
// No upstream file: this replaces the Go runtime's timers for simulated processes.

interface Sleeper {
  at: number;
  seq: number;
  resolve: () => void;
  reject: (e: unknown) => void;
  owner?: object;
}

export class VirtualTime {
  private t: number;
  private seq = 0;
  private sleepers: Sleeper[] = [];

  constructor(startMs: number) {
    this.t = startMs;
  }

  now(): number {
    return this.t;
  }

  /** Resolves when virtual time reaches now + ms. `owner` lets `cancelOwner` abort it. */
  sleep(ms: number, owner?: object): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.sleepers.push({ at: this.t + Math.max(0, Number.isNaN(ms) ? 0 : ms), seq: this.seq++, resolve, reject, owner });
    });
  }

  /** The earliest virtual time something is waiting for, if anything. */
  nextDue(): number | undefined {
    let min: number | undefined;
    for (const s of this.sleepers) if (Number.isFinite(s.at) && (min === undefined || s.at < min)) min = s.at;
    return min;
  }

  /** Reject every sleep of `owner` with `reason` (a killed process). */
  cancelOwner(owner: object, reason: unknown): void {
    const keep: Sleeper[] = [];
    for (const s of this.sleepers) (s.owner === owner ? s.reject(reason) : keep.push(s));
    this.sleepers = keep;
  }

  /** Forget every sleep of `owner` without waking it (a process that has exited). */
  dropOwner(owner: object): void {
    this.sleepers = this.sleepers.filter((s) => s.owner !== owner);
  }

  /** Let virtual time pass up to `t`, waking sleepers in order and letting processes settle. */
  async runUntil(t: number): Promise<void> {
    await settle();
    for (;;) {
      const next = this.popDue(t);
      if (!next) break;
      this.t = Math.max(this.t, next.at);
      next.resolve();
      await settle();
    }
    if (t > this.t) this.t = t;
  }

  private popDue(t: number): Sleeper | undefined {
    let best = -1;
    for (let i = 0; i < this.sleepers.length; i++) {
      const s = this.sleepers[i]!;
      if (s.at > t) continue;
      const b = this.sleepers[best];
      if (!b || s.at < b.at || (s.at === b.at && s.seq < b.seq)) best = i;
    }
    return best < 0 ? undefined : this.sleepers.splice(best, 1)[0];
  }
}

/** Wait until all pending promise work has run (one macrotask turn). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

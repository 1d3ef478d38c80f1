// A de-duplicating work queue per component, as client-go's workqueue: a key queued twice
// before it is processed is processed once; keys are taken in the order first queued.

export class WorkQueue {
  private readonly keys = new Set<string>();

  add(key: string): void {
    this.keys.add(key);
  }

  /** Takes the oldest key, or undefined when empty. */
  take(): string | undefined {
    const first = this.keys.values().next();
    if (first.done) return undefined;
    this.keys.delete(first.value);
    return first.value;
  }

  get size(): number {
    return this.keys.size;
  }
}

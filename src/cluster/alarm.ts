// The cluster object's one alarm: set to the earliest moment anything is due (the engine's next
// run, the idle expiry), deleted when nothing is. Remembers what it set to avoid storage writes.

export class AlarmScheduler {
  private at: number | null | undefined;

  constructor(private readonly storage: DurableObjectStorage) {}

  /** The alarm has fired (and is no longer set). */
  fired(): void {
    this.at = null;
  }

  /** Sets the alarm to the earliest of `candidates` (absolute ms), or deletes it when none. */
  async ensure(...candidates: (number | undefined)[]): Promise<void> {
    const due = candidates.filter((c): c is number => c !== undefined && Number.isFinite(c));
    if (this.at === undefined) this.at = await this.storage.getAlarm();
    if (!due.length) {
      if (this.at !== null) { await this.storage.deleteAlarm(); this.at = null; }
      return;
    }
    const next = Math.min(...due);
    if (this.at === null || this.at > next || this.at < Date.now() - 1000) {
      await this.storage.setAlarm(next);
      this.at = next;
    }
  }
}

// When to check. Edits that queue up are coalesced: a check starts only once a turn of the event
// loop passes with no new edit (bounded, so a storm of edits cannot starve it), and a check that is
// overtaken by an edit stops and starts again on the latest text, reusing every block already
// checked. Checks run in slices that let hover and completion through. No fixed delay anywhere.

/** What checking a document came to: nothing to check, checked (or failed), or overtaken by an edit. */
export type CheckOutcome = 'skipped' | 'checked' | 'overtaken';

/** Turns of the event loop a check may wait for edits to stop arriving. */
const maxDeferrals = 64;

export class CheckScheduler {
  private readonly pending = new Set<string>();
  private tickScheduled = false;
  private flushing = false;
  private stopped = false;
  private changes = 0;
  private changesSeen = 0;
  private deferrals = 0;

  /**
   * @param ready checks wait for it (the first knowledge load)
   * @param check checks one document
   * @param pause lets the event loop deliver what is queued
   */
  constructor(
    private readonly ready: Promise<unknown>,
    private readonly check: (uri: string) => Promise<CheckOutcome>,
    private readonly pause: () => Promise<void>,
  ) {}

  schedule(uri: string): void {
    if (this.stopped) return;
    this.pending.add(uri);
    this.changes++;
    if (this.tickScheduled || this.flushing) return;
    this.tickScheduled = true;
    this.changesSeen = this.changes - 1; // always let one more turn pass: queued edits arrive in it
    this.deferrals = 0;
    setImmediate(this.tick);
  }

  /** No check starts after this. */
  stop(): void {
    this.stopped = true;
    this.pending.clear();
  }

  private readonly tick = (): void => {
    if (this.changes !== this.changesSeen && this.deferrals < maxDeferrals) {
      this.changesSeen = this.changes;
      this.deferrals++;
      setImmediate(this.tick);
      return;
    }
    this.tickScheduled = false;
    void this.flush();
  };

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      await this.ready;
      while (this.pending.size > 0) {
        const [uri] = this.pending;
        this.pending.delete(uri);
        const outcome = await this.check(uri);
        if (outcome === 'skipped') continue;
        if (outcome === 'overtaken' && !this.stopped) this.pending.add(uri); // check the latest text next
        // Edits that arrived meanwhile are in `pending`; let the event loop deliver any still queued.
        await this.pause();
      }
    } finally {
      this.flushing = false;
    }
  }
}

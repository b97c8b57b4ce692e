/**
 * The sleep of a background loop (the outbox relay, the ledger janitor) that can be cut short: by new
 * work, or by the loop stopping. One sleep at a time.
 */
export class WakeablePause {
  private waker?: () => void;

  /** Resolves after `ms`, or at once when woken while `canWake()` says so (always, unless told). */
  for(ms: number, canWake: () => boolean = () => true): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waker = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waker = () => canWake() && done();
    });
  }

  /** Ends the sleep in progress, if there is one and it may be woken now. */
  wake(): void {
    this.waker?.();
  }
}

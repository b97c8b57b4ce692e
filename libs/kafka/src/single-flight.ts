/**
 * Runs an idempotent piece of work at most once at a time. A call made while it runs waits for that
 * run and then for one more, which starts after the call was made; calls made meanwhile share that
 * run (with the work the latest of them passed). So every caller's effects (e.g. offsets it resolved
 * before calling) are covered when its promise resolves, with at most two runs per burst of callers
 * instead of one each.
 */
export class SingleFlight {
  private running?: Promise<void>;
  private next?: Promise<void>;
  private nextWork?: () => Promise<void>;

  run(work: () => Promise<void>): Promise<void> {
    if (!this.running) {
      this.running = work().finally(() => (this.running = undefined));
      return this.running;
    }
    this.nextWork = work;
    this.next ??= this.running
      .catch(() => undefined)
      .then(() => {
        const latest = this.nextWork!;
        this.next = this.nextWork = undefined;
        return this.run(latest);
      });
    return this.next;
  }
}

/** Settles one queued item: resolved, or rejected with this error. */
export type Settlement = Error | undefined;

export interface MicroBatcherOptions<T> {
  /**
   * A fresh admission test for each group: whether the next queued item may join the `size` already in it (asked for
   * the first too, which always joins); it remembers what it admitted.
   */
  readonly group: () => (next: T, size: number) => boolean;
  /** Writes a group; answers each item's settlement in order (none: all resolved), or throws to fail them all. */
  readonly write: (group: readonly T[]) => Promise<readonly Settlement[] | void>;
  /** Failures that would fail each item alone just the same (the database is away): the group fails as one. */
  readonly isTransient: (error: unknown) => boolean;
}

/**
 * Items arriving side by side (a consumed batch's messages, the batches of a large submission) are written together:
 * while one write is in flight the next ones queue, and go as one group, one query and one transaction. A group the
 * database refuses for a reason of its own is written again item by item, so that one bad item fails alone.
 */
export class MicroBatcher<T> {
  private readonly queue: { item: T; resolve(): void; reject(error: unknown): void }[] = [];
  private flushing = false;

  constructor(private readonly options: MicroBatcherOptions<T>) {}

  /** Resolves once the item is written (or settled by the writer); rejects with its write's failure. */
  add(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.flushing) setImmediate(() => void this.flush());
    });
  }

  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const admits = this.options.group();
        admits(this.queue[0].item, 0); // the first always joins
        let size = 1;
        while (size < this.queue.length && admits(this.queue[size].item, size)) size++;
        const group = this.queue.splice(0, size);
        await this.write(group).catch(async (error: unknown) => {
          if (group.length > 1 && !this.options.isTransient(error))
            for (const one of group) await this.write([one]).catch((e: unknown) => one.reject(e));
          else group.forEach((one) => one.reject(error));
        });
      }
    } finally {
      this.flushing = false;
    }
  }

  private async write(group: MicroBatcher<T>['queue']): Promise<void> {
    const settled = (await this.options.write(group.map((g) => g.item))) ?? [];
    group.forEach((g, i) => (settled[i] ? g.reject(settled[i]) : g.resolve()));
  }
}

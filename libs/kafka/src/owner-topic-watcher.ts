import type { OwnerTopics } from './owner-topics';

/**
 * How often the broker's topics are listed for new owner topics. Measured on the demo broker with 120
 * topics: a listing takes 4.5 ms (median of 20; 19 ms at most) plus 12 ms to connect the admin client, so
 * 5 s costs well under 1% of one connection; a new owner's first claims wait at most this long plus one
 * group rebalance before they are consumed (nothing is lost meanwhile: new topics are read from the start).
 */
export const OWNER_TOPIC_REFRESH_MS = 5_000;

export interface OwnerTopicWatcherDeps {
  readonly owners: OwnerTopics;
  /** Every topic on the broker this principal may describe. */
  readonly listTopics: () => Promise<string[]>;
  /** Adds these topics to the consumer's subscription (stop, subscribe, run). */
  readonly subscribe: (added: readonly string[]) => Promise<void>;
  readonly warn: (message: string) => void;
  readonly intervalMs?: number;
}

/**
 * kafkajs resolves a subscription, a RegExp one too, to topic names once, when subscribing, and a running
 * consumer cannot subscribe to more: an owner whose credentials (and topics) are created after ingest
 * started would never be consumed. So the broker's topics are listed every OWNER_TOPIC_REFRESH_MS, and
 * owner topics not yet subscribed are added (the consumer stops, subscribes and runs again: one rebalance
 * of its group per new owner). A failed listing or resubscription is logged and tried at the next tick.
 */
export class OwnerTopicWatcher {
  private readonly subscribed = new Set<string>();
  private timer?: NodeJS.Timeout;
  private checking?: Promise<readonly string[]>;
  private stopped = false;

  constructor(private readonly deps: OwnerTopicWatcherDeps) {}

  start(subscribed: Iterable<string>): this {
    for (const topic of subscribed) this.subscribed.add(topic);
    this.schedule();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.checking?.catch(() => undefined);
  }

  /** One look: subscribes to owner topics that appeared since the last; returns them. */
  checkOnce(): Promise<readonly string[]> {
    this.checking ??= this.check().finally(() => (this.checking = undefined));
    return this.checking;
  }

  private async check(): Promise<readonly string[]> {
    const added = this.deps.owners.select(await this.deps.listTopics()).filter((t) => !this.subscribed.has(t));
    if (added.length === 0 || this.stopped) return [];
    await this.deps.subscribe(added);
    for (const topic of added) this.subscribed.add(topic);
    return added;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.checkOnce()
        .catch((error: unknown) => this.deps.warn(`new owner topics not subscribed yet (retrying): ${(error as Error).message}`))
        .finally(() => this.schedule());
    }, this.deps.intervalMs ?? OWNER_TOPIC_REFRESH_MS);
    this.timer.unref();
  }
}

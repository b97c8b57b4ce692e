import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { OutgoingMessage } from '@claimflow/kafka';
import { WakeablePause } from '../shared/wakeable-pause';
import type { OutboxStore, PendingMessage } from './outbox-message';

export interface RelayPublisher {
  publish(...messages: OutgoingMessage[]): Promise<void>;
}

export interface RelayOptions {
  readonly batchSize: number;
  /** How often the relay looks for rows nobody told it about (another instance's, or after a crash). */
  readonly pollMs: number;
  readonly maxBackoffMs: number;
}

export const DEFAULT_RELAY_OPTIONS: RelayOptions = { batchSize: 500, pollMs: 1000, maxBackoffMs: 5000 };

const toOutgoing = (m: PendingMessage): OutgoingMessage => ({ topic: m.topic, key: m.key, envelope: m.envelope, value: m.payload });

/**
 * Publishes the outbox: everything unsent at start (what a crashed predecessor left), then
 * whatever is written, woken at once by this process and by polling for other writers. Rows go
 * out in the order they were written, one batch at a time, so each claim's messages keep their
 * order. A crash between publishing and deleting the batch's rows sends it again under the same
 * message ids, which consumers recognise.
 */
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private running?: Promise<void>;
  private stopped = true;
  private readonly pause = new WakeablePause();
  private woken = false;
  private failures = 0;

  constructor(
    private readonly store: OutboxStore,
    private readonly publisher: RelayPublisher,
    private readonly options: RelayOptions = DEFAULT_RELAY_OPTIONS,
  ) {}

  onApplicationBootstrap(): void {
    this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = this.loop();
  }

  /** New rows were committed: publish them now rather than at the next poll. */
  wake(): void {
    this.woken = true;
    this.pause.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.pause.wake();
    await this.running;
  }

  /** One pass: publishes one batch; returns how many were sent. */
  drainOnce(): Promise<number> {
    return this.store.publishPending(this.options.batchSize, (messages) => this.publisher.publish(...messages.map(toOutgoing)));
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.woken = false;
      let sent = 0;
      try {
        sent = await this.drainOnce();
        this.failures = 0;
      } catch (error) {
        this.failures++;
        this.logger.warn(`outbox relay could not publish (attempt ${this.failures}): ${(error as Error).message}`);
      }
      if (this.stopped) break;
      // A backoff is cut short only by stopping; the wait for new rows also by new rows.
      if (this.failures > 0) await this.pause.for(Math.min(200 * 2 ** (this.failures - 1), this.options.maxBackoffMs), () => this.stopped);
      else if (sent < this.options.batchSize && !this.woken) await this.pause.for(this.options.pollMs);
    }
  }
}

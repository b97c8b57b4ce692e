import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { WakeablePause } from '../shared/wakeable-pause';
import type { RetentionStore } from './ledger-retention.repository';

export interface JanitorOptions {
  /** Inbox entries older than this are deleted (INGEST_INBOX_RETENTION). */
  readonly inboxRetentionMs: number;
  /** Pause between sweeps; the first sweep runs at start. */
  readonly intervalMs: number;
  /** Rows per DELETE: short statements, short row locks, bounded WAL per transaction. */
  readonly batchSize: number;
}

export const DEFAULT_JANITOR_OPTIONS: Omit<JanitorOptions, 'inboxRetentionMs'> = { intervalMs: 5 * 60_000, batchSize: 5_000 };

export interface SweepCounts {
  readonly inbox: number;
  readonly outbox: number;
}

/** Told how many rows went, per table (a metrics counter in production). */
export type RemovedRows = (table: 'claim_inbox' | 'claim_outbox', count: number) => void;

/**
 * Keeps the ledger's bookkeeping tables from growing without end: inbox entries past the retention,
 * and outbox rows an earlier relay marked sent instead of deleting.
 *
 * Deleting an old inbox entry is safe: the inbox only spares the ledger a second look at a result it
 * has applied. A result redelivered after its entry is gone (a consumer group reset, a replay) is
 * decided again by the claim lifecycle, which refuses it: the claim it completed is final (priced,
 * rejected, replaced, voided) or already validated, and no claim ever moves back. The only trace is
 * that it is logged and counted as an ignored result, like a stray one.
 */
export class LedgerJanitor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LedgerJanitor.name);
  private running?: Promise<void>;
  private sweeping?: Promise<SweepCounts>;
  private closing = false;
  private readonly pause = new WakeablePause();

  constructor(
    private readonly store: RetentionStore,
    private readonly options: JanitorOptions,
    private readonly removed: RemovedRows = () => undefined,
  ) {}

  onApplicationBootstrap(): void {
    this.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.stop();
  }

  /** Sweeps now, then every intervalMs. */
  start(): void {
    if (this.running) return;
    this.closing = false;
    this.running = this.loop();
  }

  /** Ends the loop once the statement in flight is done; no statement starts after this. */
  async stop(): Promise<void> {
    this.closing = true;
    this.pause.wake();
    await this.running;
    this.running = undefined;
  }

  /** One sweep, batch after batch until a batch comes back short. A sweep already running is joined, never doubled. */
  sweep(): Promise<SweepCounts> {
    this.sweeping ??= this.sweepAll().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweepAll(): Promise<SweepCounts> {
    const { inboxRetentionMs, batchSize } = this.options;
    const inbox = await this.drain('claim_inbox', () => this.store.forgetInboxOlderThan(inboxRetentionMs, batchSize));
    const outbox = await this.drain('claim_outbox', () => this.store.forgetSentOutbox(batchSize));
    return { inbox, outbox };
  }

  private async drain(table: 'claim_inbox' | 'claim_outbox', batch: () => Promise<number>): Promise<number> {
    let total = 0;
    while (!this.closing) {
      const count = await batch();
      total += count;
      if (count > 0) this.removed(table, count);
      if (count < this.options.batchSize) break;
    }
    return total;
  }

  private async loop(): Promise<void> {
    while (!this.closing) {
      try {
        const { inbox, outbox } = await this.sweep();
        if (inbox + outbox > 0) this.logger.log(`removed ${inbox} expired inbox entries and ${outbox} outbox rows marked sent`);
      } catch (error) {
        // The next sweep tries again; deleting later loses nothing.
        this.logger.warn(`ledger janitor sweep failed: ${(error as Error).message}`);
      }
      if (this.closing) break;
      await this.pause.for(this.options.intervalMs);
    }
  }
}

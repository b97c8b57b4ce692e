import { Injectable } from '@nestjs/common';
import { LedgerDb } from '@claimflow/db-ledger';

/** What the ledger janitor deletes, one bounded statement at a time. */
export interface RetentionStore {
  /** Deletes up to `limit` inbox entries received more than `retentionMs` ago, oldest first; returns how many. */
  forgetInboxOlderThan(retentionMs: number, limit: number): Promise<number>;
  /** Deletes up to `limit` outbox rows an earlier relay marked sent instead of deleting; returns how many. */
  forgetSentOutbox(limit: number): Promise<number>;
}

/**
 * Retention deletes on the ledger schema. SKIP LOCKED: two ingest instances sweeping at once take
 * different rows instead of waiting on each other. Ages are measured on the database clock, in the
 * same session time zone as received_at's default (CURRENT_TIMESTAMP into a timestamp column).
 */
@Injectable()
export class LedgerRetentionRepository implements RetentionStore {
  constructor(private readonly prisma: LedgerDb) {}

  forgetInboxOlderThan(retentionMs: number, limit: number): Promise<number> {
    return this.prisma.$executeRaw`
      DELETE FROM ledger.claim_inbox
       WHERE message_id IN (
         SELECT message_id FROM ledger.claim_inbox
          WHERE received_at < LOCALTIMESTAMP - make_interval(secs => ${retentionMs / 1000}::float8)
          ORDER BY received_at
          LIMIT ${limit}::int
            FOR UPDATE SKIP LOCKED)`;
  }

  forgetSentOutbox(limit: number): Promise<number> {
    return this.prisma.$executeRaw`
      DELETE FROM ledger.claim_outbox
       WHERE id IN (
         SELECT id FROM ledger.claim_outbox
          WHERE sent_at IS NOT NULL
          LIMIT ${limit}::int
            FOR UPDATE SKIP LOCKED)`;
  }
}

import { Injectable } from '@nestjs/common';
import { LedgerDb } from '@claimflow/db-ledger';

/** A delivery taken for an attempt, with what sending it needs. */
export interface DueDelivery {
  readonly id: string;
  readonly webhookId: string;
  readonly url: string;
  readonly secretSealed: string;
  readonly eventId: string;
  readonly type: string;
  readonly data: unknown;
  readonly eventAt: Date;
  /** Attempts so far, this one included. */
  readonly attempts: number;
  readonly retryFrom: Date;
}

/** How an attempt ended: delivered, to be tried again at `retryAt`, or failed for good. */
export type AttemptEnd =
  | { readonly kind: 'delivered'; readonly status: number }
  | { readonly kind: 'retry'; readonly retryAt: Date; readonly status?: number; readonly error?: string }
  | { readonly kind: 'failed'; readonly status?: number; readonly error?: string };

/** The pending deliveries (the outbox the webhook triggers fill), taken by any number of ingest processes. */
@Injectable()
export class DeliveryQueueRepository {
  constructor(private readonly prisma: LedgerDb) {}

  /**
   * Takes up to `limit` due deliveries: each is leased (its next attempt moved `leaseMs` ahead) and counted as an
   * attempt in one statement, so no other process takes it meanwhile, and a process that dies mid-attempt leaves
   * it to be taken again once the lease is over.
   */
  async take(limit: number, leaseMs: number): Promise<DueDelivery[]> {
    return this.prisma.$queryRaw<DueDelivery[]>`
      WITH due AS (
        SELECT id FROM ledger.webhook_delivery
        WHERE status = 'pending' AND next_attempt_at <= now()
        ORDER BY next_attempt_at LIMIT ${limit}::int FOR UPDATE SKIP LOCKED),
      taken AS (
        UPDATE ledger.webhook_delivery d
        SET attempts = d.attempts + 1, last_attempt_at = now(), next_attempt_at = now() + ${leaseMs}::int * interval '1 millisecond'
        FROM due WHERE d.id = due.id
        RETURNING d.id, d.subscription_id, d.event_id, d.attempts, d.retry_from)
      SELECT t.id::text AS id, t.subscription_id::text AS "webhookId", s.url, s.secret_sealed AS "secretSealed",
             t.event_id AS "eventId", e.type, e.data, e.created_at AS "eventAt", t.attempts, t.retry_from AS "retryFrom"
      FROM taken t
      JOIN ledger.webhook_subscription s ON s.id = t.subscription_id
      JOIN ledger.webhook_event e ON e.id = t.event_id`;
  }

  /**
   * Deletes up to `batch` events older than `retentionMs` with nothing pending, their deliveries with them;
   * returns how many.
   */
  async prune(retentionMs: number, batch: number): Promise<number> {
    return this.prisma.$executeRaw`
      DELETE FROM ledger.webhook_event WHERE id IN (
        SELECT e.id FROM ledger.webhook_event e
        WHERE e.created_at < now() - ${retentionMs}::bigint * interval '1 millisecond'
          AND NOT EXISTS (SELECT 1 FROM ledger.webhook_delivery d WHERE d.event_id = e.id AND d.status = 'pending')
        ORDER BY e.created_at LIMIT ${batch}::int)`;
  }

  /** Records how the attempt ended (only while the row is still the one taken: a redelivery asked for wins). */
  async finish(id: string, attempts: number, end: AttemptEnd): Promise<void> {
    const status = 'status' in end && end.status !== undefined ? end.status : null;
    const error = 'error' in end && end.error !== undefined ? end.error : null;
    const state = end.kind === 'retry' ? 'pending' : end.kind;
    const next = end.kind === 'retry' ? end.retryAt : new Date();
    await this.prisma.$executeRaw`
      UPDATE ledger.webhook_delivery
      SET status = ${state}, next_attempt_at = ${next}, last_response_code = ${status}::int, last_error = ${error}
      WHERE id = ${id}::uuid AND attempts = ${attempts}::int AND status = 'pending'`;
  }
}

import { Injectable } from '@nestjs/common';
import type { Envelope } from '@claimflow/contracts';
import { LedgerDb } from '@claimflow/db-ledger';
import { inTransaction } from '../ledger/ledger-transaction';
import { prepared } from '../shared/prepared-statement';
import { relayLock } from './relay-lock';
import type { OutboxStore, PendingMessage } from './outbox-message';

/** One relay at a time per database: the others find the lock taken and wait for their next turn. */
const RELAY_LOCK = 13_2026_1202;

// By the column (o.id), not the output name: ORDER BY id sorted by the id::text it names ('100' before '99'),
// publishing rows out of order at each new digit, through a seq scan and sort of the whole table.
export const outboxPending = prepared(
  'outbox_pending',
  `SELECT o.id::text AS id, o.message_id, o.topic, o.message_key, o.envelope, o.payload::text AS payload
     FROM ledger.claim_outbox o
    WHERE o.sent_at IS NULL
    ORDER BY o.id
    LIMIT $1::int`,
);
const published = prepared('outbox_published', 'DELETE FROM ledger.claim_outbox WHERE id = ANY($1::bigint[])');

interface PendingRow {
  readonly id: string;
  readonly message_id: string;
  readonly topic: string;
  readonly message_key: string;
  readonly envelope: Envelope;
  readonly payload: string;
}

/**
 * The outbox in Postgres, through the ledger's pg pool. Raw SQL on purpose: the payload is read as its JSON text and
 * handed to Kafka unchanged (through Prisma's model API it was parsed and serialised again, most of ingest's CPU), and
 * a published row is deleted, not marked, so the table holds only what is still owed. sent_at stays for rows an
 * earlier version marked; the ledger janitor removes those. Not through Prisma's interactive transaction either:
 * its five statements a pass went through Prisma's query engine, about 4% of ingest's CPU in the pipeline bench.
 */
@Injectable()
export class ClaimOutboxRepository implements OutboxStore {
  constructor(private readonly prisma: LedgerDb) {}

  async publishPending(limit: number, publish: (messages: readonly PendingMessage[]) => Promise<void>): Promise<number> {
    return inTransaction(this.prisma.pool, async (client) => {
      if (!(await relayLock(client, RELAY_LOCK))) return 0;
      const { rows } = await client.query<PendingRow>(outboxPending([limit]));
      if (rows.length === 0) return 0;
      await publish(
        rows.map((r) => ({
          position: BigInt(r.id),
          messageId: r.message_id,
          topic: r.topic,
          key: r.message_key,
          envelope: r.envelope,
          payload: r.payload,
        })),
      );
      // Exactly the rows published, by id: a row committed meanwhile with a lower id was not read, so it stays.
      await client.query(published([rows.map((r) => r.id)]));
      return rows.length;
    });
  }

  unsent(): Promise<number> {
    return this.prisma.claimOutbox.count({ where: { sentAt: null } });
  }
}

import { Injectable } from '@nestjs/common';
import { LedgerDb } from '@claimflow/db-ledger';
import { inTransaction } from '../ledger/ledger-transaction';
import { relayLock } from '../outbox/relay-lock';
import { prepared } from '../shared/prepared-statement';

/** One relay at a time per database (another lock than the claim outbox's). */
const RESULTS_RELAY_LOCK = 13_2026_1205;

// By the column (o.id), not the output name id::text: see the claim outbox's relay.
export const resultsOwed = prepared(
  'results_owed',
  `SELECT o.id::text AS id, o.claim_id::text AS claim_id, o.submitter_id, o.status
     FROM ledger.claim_result_outbox o ORDER BY o.id LIMIT $1::int`,
);
const handled = prepared('results_handled', 'DELETE FROM ledger.claim_result_outbox WHERE id = ANY($1::bigint[])');

export interface OwedResult {
  readonly position: bigint;
  readonly claimId: string;
  readonly submitterId: string;
  readonly status: string;
}

/**
 * The results owed to owners' results topics (queued by the claim_result_owed trigger), taken oldest first, through
 * the ledger's pg pool (as the claim outbox: not Prisma's interactive transaction).
 */
@Injectable()
export class ClaimResultOutboxRepository {
  constructor(private readonly prisma: LedgerDb) {}

  /**
   * Hands up to `limit` owed results to `handle` and deletes them once it resolves; nothing is deleted when it
   * throws. Returns how many were handled (0 when another instance holds the lock).
   */
  async take(limit: number, handle: (owed: readonly OwedResult[]) => Promise<void>): Promise<number> {
    return inTransaction(this.prisma.pool, async (client) => {
      if (!(await relayLock(client, RESULTS_RELAY_LOCK))) return 0;
      const { rows } = await client.query<{ id: string; claim_id: string; submitter_id: string; status: string }>(resultsOwed([limit]));
      if (rows.length === 0) return 0;
      await handle(rows.map((r) => ({ position: BigInt(r.id), claimId: r.claim_id, submitterId: r.submitter_id, status: r.status })));
      await client.query(handled([rows.map((r) => r.id)]));
      return rows.length;
    });
  }
}

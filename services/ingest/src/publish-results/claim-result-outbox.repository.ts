import { Injectable } from '@nestjs/common';
import { LedgerDb } from '@claimflow/db-ledger';

/** One relay at a time per database (another lock than the claim outbox's). */
const RESULTS_RELAY_LOCK = 13_2026_1205;

export interface OwedResult {
  readonly position: bigint;
  readonly claimId: string;
  readonly submitterId: string;
  readonly status: string;
}

/** The results owed to owners' results topics (queued by the claim_result_owed trigger), taken oldest first. */
@Injectable()
export class ClaimResultOutboxRepository {
  constructor(private readonly prisma: LedgerDb) {}

  /**
   * Hands up to `limit` owed results to `handle` and deletes them once it resolves; nothing is deleted when it
   * throws. Returns how many were handled (0 when another instance holds the lock).
   */
  async take(limit: number, handle: (owed: readonly OwedResult[]) => Promise<void>): Promise<number> {
    return this.prisma.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${RESULTS_RELAY_LOCK}::bigint) AS locked`;
        if (!lock?.locked) return 0;
        const rows = await tx.$queryRaw<{ id: bigint; claim_id: string; submitter_id: string; status: string }[]>`
          SELECT id, claim_id::text AS claim_id, submitter_id, status FROM ledger.claim_result_outbox ORDER BY id LIMIT ${limit}::int`;
        if (rows.length === 0) return 0;
        await handle(rows.map((r) => ({ position: r.id, claimId: r.claim_id, submitterId: r.submitter_id, status: r.status })));
        await tx.$executeRaw`DELETE FROM ledger.claim_result_outbox WHERE id = ANY(${rows.map((r) => r.id.toString())}::bigint[])`;
        return rows.length;
      },
      { maxWait: 5_000, timeout: 60_000 },
    );
  }
}

import { Injectable } from '@nestjs/common';
import { LedgerDb } from '@claimflow/db-ledger';
import type { Ack999Group, X12Party } from '@claimflow/domain';
import { isRetriable } from '@claimflow/kafka';
import { isTransientDatabaseError } from '@claimflow/runtime';
import { MicroBatcher } from '../shared/micro-batcher';
import { prepared } from '../shared/prepared-statement';
import { INSERT_SUBMISSIONS } from './submission.sql';

/** What the 999 of an 837P submission needs: the interchange's parties as the submitter wrote them, and the findings. */
export interface SubmissionX12 {
  /** ISA05/ISA06 of the 837 (the submitter): the 999's receiver. Absent when the ISA could not be read. */
  readonly sender?: X12Party;
  /** ISA07/ISA08 of the 837 (ClaimFlow as the submitter addressed it): the 999's sender. */
  readonly receiver?: X12Party;
  /** ISA15 of the 837: the 999 answers a test interchange as a test. */
  readonly usage?: 'P' | 'T';
  readonly groups: readonly Ack999Group[];
}

/** One submission as intake records it, once every claim of it is in the ledger. */
export interface SubmissionRecord {
  readonly id: string;
  readonly submitterId: string;
  readonly format: string;
  /** Accepted, duplicate and refused claims, in the order they were answered. */
  readonly claimIds: readonly string[];
  readonly x12?: SubmissionX12;
}

/** A submission as a row of the statements that record it (submission.sql.ts). */
export const submissionRow = (s: SubmissionRecord) => ({
  id: s.id,
  submitter_id: s.submitterId,
  format: s.format,
  x12: s.x12 ?? null,
  claim_ids: s.claimIds,
});

/** At most this many submissions' claims in one statement (a large 837P is one submission of up to INGEST_MAX_CLAIMS). */
const MAX_CLAIMS_PER_WRITE = 10_000;

const insertSubmissions = prepared('ledger_insert_submissions', INSERT_SUBMISSIONS);

/**
 * The ledger's record of submissions: which claims came together, and what their acknowledgment needs. Submissions
 * recorded side by side go in one statement: a consumed Kafka batch is one submission per message, and one statement
 * each was 10,101 of the 12,249 statements ingest sent for 5,000 + 5,100 claims in the pipeline bench.
 */
@Injectable()
export class SubmissionLedgerRepository {
  private readonly batcher = new MicroBatcher<SubmissionRecord>({
    group: () => {
      const ids = new Set<string>();
      let claims = 0;
      return (next, size) => {
        if (size > 0 && (ids.has(next.id) || claims + next.claimIds.length > MAX_CLAIMS_PER_WRITE)) return false;
        ids.add(next.id);
        claims += next.claimIds.length;
        return true;
      };
    },
    write: (group) => this.recordAll(group),
    isTransient: (error) => isRetriable(error, isTransientDatabaseError),
  });

  constructor(private readonly prisma: LedgerDb) {}

  /** Resolves once the submission is in the ledger (written with those recorded beside it). */
  record(s: SubmissionRecord): Promise<void> {
    return this.batcher.add(s);
  }

  private async recordAll(group: readonly SubmissionRecord[]): Promise<void> {
    await this.prisma.pool.query(insertSubmissions([JSON.stringify(group.map(submissionRow))]));
  }
}

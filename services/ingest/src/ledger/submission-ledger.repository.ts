import { Injectable } from '@nestjs/common';
import { LedgerDb } from '@claimflow/db-ledger';
import type { Ack999Group, X12Party } from '@claimflow/domain';

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

/**
 * The submission, with its control number for the 999 from ledger.ack_control_seq, and its claims, in one statement.
 * A submission recorded before (a Kafka message delivered again) keeps its first record.
 */
const INSERT_SUBMISSION = `
  WITH s AS (
    INSERT INTO "ledger"."submission" ("id", "submitter_id", "format", "x12")
    VALUES ($1::uuid, $2, $3, CASE WHEN $4::jsonb IS NULL THEN NULL
      ELSE $4::jsonb || jsonb_build_object('control', nextval('"ledger"."ack_control_seq"')) END)
    ON CONFLICT ("id") DO NOTHING
    RETURNING "id"
  )
  INSERT INTO "ledger"."submission_claim" ("submission_id", "claim_id", "position")
  SELECT s."id", c."claim_id"::uuid, c."position" FROM s, jsonb_array_elements_text($5::jsonb) WITH ORDINALITY AS c("claim_id", "position")
  ON CONFLICT DO NOTHING`;

/** The ledger's record of submissions: which claims came together, and what their acknowledgment needs. */
@Injectable()
export class SubmissionLedgerRepository {
  constructor(private readonly prisma: LedgerDb) {}

  async record(s: SubmissionRecord): Promise<void> {
    const x12 = s.x12 ? JSON.stringify(s.x12) : null;
    await this.prisma.pool.query(INSERT_SUBMISSION, [s.id, s.submitterId, s.format, x12, JSON.stringify(s.claimIds)]);
  }
}

import { Injectable } from '@nestjs/common';
import { LedgerDb } from '@claimflow/db-ledger';
import type { Ack999Group, X12Party } from '@claimflow/domain';
import { CLAIM_FOR_277CA, NEXT_ACK_CONTROL, SUBMISSION_FINDINGS } from './acknowledgments.sql';

/** A submission's 999 as intake recorded it (migration 20261206040000_submissions): null x12 for JSON and FHIR. */
export interface FindingsRow {
  readonly x12: {
    readonly sender?: X12Party;
    readonly receiver?: X12Party;
    readonly usage?: 'P' | 'T';
    readonly groups: Ack999Group[];
    readonly control: number;
  } | null;
  readonly received_at: string;
}

export interface ClaimAckRow {
  readonly id: string;
  readonly submitter_claim_id: string;
  readonly status: string;
  readonly claim: unknown;
  readonly errors: unknown;
  readonly received_at: string;
  readonly final_at: string;
  readonly submission_id: string | null;
  readonly sender: X12Party | null;
  readonly receiver: X12Party | null;
  readonly usage: 'P' | 'T' | null;
}

/** What acknowledgments are written from: a submission's findings, a claim's state, and control numbers. */
@Injectable()
export class AcknowledgmentsRepository {
  constructor(private readonly prisma: LedgerDb) {}

  async findings(submissionId: string, owner: string): Promise<FindingsRow | undefined> {
    return (await this.prisma.pool.query<FindingsRow>(SUBMISSION_FINDINGS, [submissionId, owner])).rows[0];
  }

  async claim(claimId: string, owner: string): Promise<ClaimAckRow | undefined> {
    return (await this.prisma.pool.query<ClaimAckRow>(CLAIM_FOR_277CA, [claimId, owner])).rows[0];
  }

  async nextControl(): Promise<number> {
    return (await this.prisma.pool.query<{ control: number }>(NEXT_ACK_CONTROL)).rows[0].control;
  }
}

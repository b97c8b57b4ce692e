import { Injectable } from '@nestjs/common';
import { LedgerDb } from '@claimflow/db-ledger';
import type { ListPosition } from '../http/keyset-cursor';
import { GET_SUBMISSION, LIST_SUBMISSIONS, SUBMISSION_CLAIMS, SUBMISSION_COUNTS } from './submissions.sql';

export interface SubmissionRow {
  readonly id: string;
  readonly format: string;
  readonly received_at: string;
  readonly is_x12: boolean;
}

export interface SubmissionClaimRow {
  readonly id: string;
  readonly submitter_claim_id: string;
  readonly status: string;
}

/** What the submission routes read from the ledger: submissions of one owner and their claims. */
@Injectable()
export class SubmissionsRepository {
  constructor(private readonly prisma: LedgerDb) {}

  async get(id: string, owner: string): Promise<SubmissionRow | undefined> {
    return (await this.prisma.pool.query<SubmissionRow>(GET_SUBMISSION, [id, owner])).rows[0];
  }

  async page(owner: string, since: string | undefined, after: ListPosition | undefined, rows: number) {
    const values = [owner, since ?? null, after?.receivedAt ?? null, after?.id ?? null, rows];
    return (await this.prisma.pool.query<SubmissionRow>(LIST_SUBMISSIONS, values)).rows;
  }

  async claims(id: string): Promise<SubmissionClaimRow[]> {
    return (await this.prisma.pool.query<SubmissionClaimRow>(SUBMISSION_CLAIMS, [id])).rows;
  }

  /** Claims by status of each of these submissions. */
  async counts(ids: readonly string[]): Promise<Map<string, Record<string, number>>> {
    const counts = new Map<string, Record<string, number>>(ids.map((id) => [id, {}]));
    if (ids.length === 0) return counts;
    const rows = await this.prisma.pool.query<{ id: string; status: string; count: number }>(SUBMISSION_COUNTS, [ids]);
    for (const r of rows.rows) counts.get(r.id)![r.status] = r.count;
    return counts;
  }
}

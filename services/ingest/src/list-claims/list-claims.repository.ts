import { Injectable } from '@nestjs/common';
import { LedgerDb } from '@claimflow/db-ledger';
import type { ClaimListFilter } from './list-claims.query';
import { listClaimsStatement } from './list-claims.sql';

/** A list row as the statement names its columns. */
export interface ClaimListRow {
  id: string;
  submitter_claim_id: string;
  format: string;
  frequency_code: string;
  status: string;
  correlation_id: string;
  replaced_by_id: string | null;
  received_at: string;
  final_at: string | null;
  service_from: string | null;
  service_to: string | null;
  edit_codes: string[] | null;
  denied: boolean | null;
  payer_outcome: boolean;
}

/** Reads pages of an owner's claims from the ledger (read only; the ledger repository writes). */
@Injectable()
export class ClaimListRepository {
  constructor(private readonly prisma: LedgerDb) {}

  /** Up to `filter.limit + 1` rows after the cursor, newest first: the extra row says a next page exists. */
  async page(owner: string, filter: ClaimListFilter): Promise<ClaimListRow[]> {
    const { text, values } = listClaimsStatement(owner, filter);
    return (await this.prisma.pool.query<ClaimListRow>(text, values)).rows;
  }
}

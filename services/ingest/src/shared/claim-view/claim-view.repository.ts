import { Injectable } from '@nestjs/common';
import { LedgerDb } from '@claimflow/db-ledger';

/** What a claim's view is read from: its ledger row and the payer outcomes recorded for its lines. */
@Injectable()
export class ClaimViewRepository {
  constructor(private readonly prisma: LedgerDb) {}

  /** A claim as its submitter sees it; another submitter's claim is not found, exactly like an unknown id. */
  getOwned(id: string, submitterId: string) {
    return this.prisma.claimLedger.findFirst({ where: { id, submitterId } });
  }

  outcomesOf(claimId: string) {
    return this.prisma.remitLineOutcome.findMany({ where: { claimId }, orderBy: { lineNumber: 'asc' } });
  }
}

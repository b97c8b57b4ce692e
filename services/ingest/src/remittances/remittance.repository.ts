import { Injectable } from '@nestjs/common';
import { readStoredResult } from '@claimflow/contracts';
import { LedgerDb } from '@claimflow/db-ledger';

/** One line's payer outcome as stored. */
export interface RemitOutcomeRow {
  readonly claimId: string;
  readonly lineNumber: number;
  readonly submitterId: string;
  readonly outcome: string;
  readonly carcCodes: readonly string[];
  readonly rarcCodes: readonly string[];
  readonly chargeCents: number;
  readonly paidCents: number;
  readonly claimStatus: string;
  readonly payerClaimControlNumber: string;
  readonly paidOn?: string;
}

/** Ledger claims remittances are matched against, and the payer outcomes recorded for them. */
@Injectable()
export class RemittanceRepository {
  constructor(private readonly prisma: LedgerDb) {}

  /** The submitter's current (not replaced) checked claims with these patient control numbers, results read whole. */
  async currentClaims(submitterId: string, submitterClaimIds: readonly string[]) {
    if (submitterClaimIds.length === 0) return [];
    const rows = await this.prisma.claimLedger.findMany({
      where: {
        submitterId,
        submitterClaimId: { in: [...new Set(submitterClaimIds)] },
        replacedById: null,
        status: { in: ['validated', 'priced'] },
      },
      select: { id: true, submitterClaimId: true, claim: true, result: true },
    });
    return rows.map((row) => ({ ...row, result: readStoredResult(row.result, row.claim) }));
  }

  /** Records outcomes in order, in one transaction: a later answer for a line replaces an earlier one. */
  async record(rows: readonly RemitOutcomeRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.prisma.$transaction(
      rows.map(({ paidOn, carcCodes, rarcCodes, ...row }) => {
        const data = {
          ...row,
          chargeCents: BigInt(row.chargeCents),
          paidCents: BigInt(row.paidCents),
          carcCodes: [...carcCodes],
          rarcCodes: [...rarcCodes],
          paidOn: paidOn ? new Date(paidOn) : null,
          recordedAt: new Date(),
        };
        return this.prisma.remitLineOutcome.upsert({
          where: { claimId_lineNumber: { claimId: row.claimId, lineNumber: row.lineNumber } },
          create: data,
          update: data,
        });
      }),
    );
  }

  /** Answered lines (one submitter's, or everyone's) beside the results of their claims, read whole. */
  async answeredLines(submitterId?: string) {
    const outcomes = await this.prisma.remitLineOutcome.findMany({
      where: submitterId === undefined ? {} : { submitterId },
      select: { claimId: true, lineNumber: true, outcome: true, carcCodes: true, submitterId: true, recordedAt: true },
    });
    const ids = [...new Set(outcomes.map((o) => o.claimId))];
    const claims = ids.length
      ? await this.prisma.claimLedger.findMany({ where: { id: { in: ids } }, select: { id: true, claim: true, result: true } })
      : [];
    return { outcomes, results: new Map(claims.map((c) => [c.id, readStoredResult(c.result, c.claim)])) };
  }
}

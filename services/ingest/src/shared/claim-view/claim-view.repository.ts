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

  /** Claims by id, each only with its owner: a pair whose owner differs is left out, as getOwned would. */
  async getOwnedMany(keys: readonly { readonly id: string; readonly submitterId: string }[]) {
    const rows = await this.prisma.claimLedger.findMany({ where: { id: { in: keys.map((k) => k.id) } } });
    const owners = new Map(keys.map((k) => [k.id, k.submitterId]));
    return rows.filter((r) => owners.get(r.id) === r.submitterId);
  }

  /** As getOwnedMany, without the claim (its largest column): for the owners' ClaimResult.v2, which leaves it out. */
  async getOwnedManyClaimless(keys: readonly { readonly id: string; readonly submitterId: string }[]) {
    const rows = await this.prisma.claimLedger.findMany({ where: { id: { in: keys.map((k) => k.id) } }, omit: { claim: true } });
    const owners = new Map(keys.map((k) => [k.id, k.submitterId]));
    return rows.filter((r) => owners.get(r.id) === r.submitterId);
  }

  outcomesOfMany(claimIds: readonly string[]) {
    return this.prisma.remitLineOutcome.findMany({ where: { claimId: { in: [...claimIds] } }, orderBy: { lineNumber: 'asc' } });
  }

  outcomesOf(claimId: string) {
    return this.prisma.remitLineOutcome.findMany({ where: { claimId }, orderBy: { lineNumber: 'asc' } });
  }
}

import { Injectable } from '@nestjs/common';
import { LedgerDb } from '@claimflow/db-ledger';
import { CLAIM_STATUSES, type ClaimStatus } from './claim-status';

export interface LedgerEntry {
  readonly id: string;
  readonly submitterId: string;
  readonly submitterClaimId: string;
  readonly contentHash: string;
  readonly format: string;
  readonly frequencyCode: string;
  readonly correlationId: string;
}

type Json = Parameters<LedgerDb['claimLedger']['create']>[0]['data']['claim'];

@Injectable()
export class ClaimLedgerRepository {
  constructor(private readonly prisma: LedgerDb) {}

  findSubmission(submitterId: string, submitterClaimId: string, contentHash: string) {
    return this.prisma.claimLedger.findUnique({
      where: { submitterId_submitterClaimId_contentHash: { submitterId, submitterClaimId, contentHash } },
    });
  }

  /** Which of these submissions were seen before, in one query. */
  findSubmissions(keys: readonly Pick<LedgerEntry, 'submitterId' | 'submitterClaimId' | 'contentHash'>[]) {
    if (keys.length === 0) return Promise.resolve([]);
    return this.prisma.claimLedger.findMany({
      where: { OR: keys.map((k) => ({ submitterId: k.submitterId, submitterClaimId: k.submitterClaimId, contentHash: k.contentHash })) },
    });
  }

  /** A replacement (frequency 7) or void (8) supersedes every earlier submission of that claim. */
  async recordNormalized(entries: readonly { entry: LedgerEntry; claim: object }[]): Promise<void> {
    const now = new Date();
    const replacements = entries.filter(({ entry }) => entry.frequencyCode === '7' || entry.frequencyCode === '8');
    await this.prisma.$transaction([
      this.prisma.claimLedger.createMany({
        data: entries.map(({ entry, claim }) => ({ ...entry, status: 'normalized', normalizedAt: now, claim: claim as Json })),
      }),
      ...replacements.map(({ entry }) =>
        this.prisma.claimLedger.updateMany({
          where: { submitterId: entry.submitterId, submitterClaimId: entry.submitterClaimId, id: { not: entry.id }, replacedById: null },
          data: { replacedById: entry.id },
        }),
      ),
    ]);
  }

  async recordRejected(entry: LedgerEntry, errors: object[]): Promise<void> {
    await this.prisma.claimLedger.create({ data: { ...entry, status: 'rejected', rejectedAt: new Date(), errors: errors as Json } });
  }

  async forget(ids: readonly string[]): Promise<void> {
    await this.prisma.claimLedger.deleteMany({ where: { id: { in: [...ids] } } });
  }

  /** Moves a claim forward; returns false when it was already at or past that status. */
  async advance(id: string, status: ClaimStatus, data: { result?: object; errors?: object[] } = {}): Promise<boolean> {
    // A claim that was priced is final; nothing turns it into a rejection afterwards.
    const earlier = CLAIM_STATUSES.slice(0, Math.min(CLAIM_STATUSES.indexOf(status), CLAIM_STATUSES.indexOf('priced')));
    const stamp = { validated: 'validatedAt', priced: 'pricedAt', rejected: 'rejectedAt' }[status as 'validated'];
    const { count } = await this.prisma.claimLedger.updateMany({
      where: { id, status: { in: [...earlier] } },
      data: { status, ...(stamp ? { [stamp]: new Date() } : {}), result: data.result as Json, errors: data.errors as Json },
    });
    return count > 0;
  }

  /** A claim as its submitter sees it; another submitter's claim is not found, exactly like an unknown id. */
  getOwned(id: string, submitterId: string) {
    return this.prisma.claimLedger.findFirst({ where: { id, submitterId } });
  }

  count(where: { submitterId?: string } = {}) {
    return this.prisma.claimLedger.count({ where });
  }
}

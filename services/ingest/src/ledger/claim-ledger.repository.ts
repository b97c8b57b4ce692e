import { Injectable } from '@nestjs/common';
import { PrismaService } from '@claimflow/platform';
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

export interface RejectedEntry {
  readonly entry: LedgerEntry;
  /** The bounded list the submitter was answered with. */
  readonly errors: readonly object[];
}

/** The ledger's unique submission key as one string. */
export const rejectionKey = (e: Pick<LedgerEntry, 'submitterId' | 'submitterClaimId' | 'contentHash'>) =>
  `${e.submitterId}\u0000${e.submitterClaimId}\u0000${e.contentHash}`;

type Json = Parameters<PrismaService['claimLedger']['create']>[0]['data']['claim'];

@Injectable()
export class ClaimLedgerRepository {
  constructor(private readonly prisma: PrismaService) {}

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

  /**
   * Records a submission's rejected claims in one statement. A rejection seen before (a retry, or
   * the same bad claim twice) keeps its first row; the answer maps each submission key to the id
   * on record, so the same rejection answers the same way every time.
   */
  async recordRejected(entries: readonly RejectedEntry[]): Promise<Map<string, string>> {
    const unique = new Map<string, RejectedEntry>();
    for (const e of entries) if (!unique.has(rejectionKey(e.entry))) unique.set(rejectionKey(e.entry), e);
    const rows = [...unique.values()];
    if (rows.length === 0) return new Map();
    const column = <T>(pick: (e: RejectedEntry) => T) => rows.map(pick);
    const recorded = await this.prisma.$queryRaw<{ id: string; submitter_id: string; submitter_claim_id: string; content_hash: string }[]>`
      INSERT INTO "claim_ledger"
        ("id", "submitter_id", "submitter_claim_id", "content_hash", "format", "frequency_code", "status", "correlation_id", "rejected_at", "errors")
      SELECT t."id", t."submitter_id", t."submitter_claim_id", t."content_hash", t."format", t."frequency_code", 'rejected',
             t."correlation_id", now(), t."errors"::jsonb
      FROM unnest(
        ${column((e) => e.entry.id)}::uuid[], ${column((e) => e.entry.submitterId)}::text[],
        ${column((e) => e.entry.submitterClaimId)}::text[], ${column((e) => e.entry.contentHash)}::text[],
        ${column((e) => e.entry.format)}::text[], ${column((e) => e.entry.frequencyCode)}::text[],
        ${column((e) => e.entry.correlationId)}::text[], ${column((e) => JSON.stringify(e.errors))}::text[]
      ) AS t("id", "submitter_id", "submitter_claim_id", "content_hash", "format", "frequency_code", "correlation_id", "errors")
      ON CONFLICT ("submitter_id", "submitter_claim_id", "content_hash") DO UPDATE SET "id" = "claim_ledger"."id"
      RETURNING "id", "submitter_id", "submitter_claim_id", "content_hash"`;
    return new Map(
      recorded.map((r) => [
        rejectionKey({ submitterId: r.submitter_id, submitterClaimId: r.submitter_claim_id, contentHash: r.content_hash }),
        r.id,
      ]),
    );
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

  get(id: string) {
    return this.prisma.claimLedger.findUnique({ where: { id } });
  }

  count(where: { submitterId?: string } = {}) {
    return this.prisma.claimLedger.count({ where });
  }
}

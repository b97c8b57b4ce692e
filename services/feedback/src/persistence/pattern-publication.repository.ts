import { Injectable } from '@nestjs/common';
import { FeedbackDb, Prisma } from '@claimflow/db-feedback';
import { reportCells, type DenialReport, type PublishedPatterns } from '@claimflow/domain';

export interface DirtyCode {
  readonly code: string;
  readonly version: bigint;
}

/** A stored report as the publisher reads it (no free text but "what worked"; nothing that names anyone). */
export interface StoredReportRow {
  readonly id: string;
  readonly seq: bigint;
  readonly reporterHash: string | null;
  readonly payerType: string;
  readonly state: string;
  readonly denialMonth: number;
  readonly cells: ReturnType<typeof reportCells>;
  readonly whatWorked: string | null;
}

const PUBLICATION_ROW = 1;

/** Reads reports for publication and stores and serves the published views. */
@Injectable()
export class PatternPublicationRepository {
  constructor(private readonly prisma: FeedbackDb) {}

  async dirtyCodes(): Promise<DirtyCode[]> {
    const rows = await this.prisma.denialPatternDirty.findMany({ orderBy: { deniedCode: 'asc' } });
    return rows.map((r) => ({ code: r.deniedCode, version: r.version }));
  }

  async reportsFor(code: string): Promise<StoredReportRow[]> {
    const rows = await this.prisma.denialReport.findMany({
      where: { deniedCode: code },
      select: {
        id: true,
        seq: true,
        reporterHash: true,
        deniedCode: true,
        payerType: true,
        state: true,
        denialMonth: true,
        billedCodes: true,
        carcCodes: true,
        rarcCodes: true,
        appealFiled: true,
        appealOutcome: true,
        claimflowEdits: true,
        whatWorked: true,
      },
    });
    return rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      reporterHash: r.reporterHash,
      payerType: r.payerType,
      state: r.state,
      denialMonth: r.denialMonth,
      whatWorked: r.whatWorked,
      cells: reportCells({
        deniedCode: r.deniedCode,
        billedCodes: r.billedCodes as unknown as DenialReport['billedCodes'],
        payer: { type: r.payerType } as DenialReport['payer'],
        denialReasons: { carc: r.carcCodes, rarc: r.rarcCodes },
        appeal: (r.appealFiled ? { filed: true, level: 1, outcome: r.appealOutcome } : { filed: false }) as DenialReport['appeal'],
        claimflowEdits: r.claimflowEdits as DenialReport['claimflowEdits'],
      } as DenialReport),
    }));
  }

  /** The newest report (seq) the code's last snapshot included; null before its first. */
  async snapshotThrough(code: string): Promise<number | null> {
    const row = await this.prisma.denialPatternSnapshot.findUnique({ where: { deniedCode: code } });
    return row ? Number(row.throughSeq) : null;
  }

  /**
   * Replaces the code's published views with a snapshot through report `throughSeq`; clears its
   * dirty mark unless a report arrived meanwhile (its version moved on).
   */
  async replaceViews(dirty: DirtyCode, views: ReadonlyMap<string, PublishedPatterns>, throughSeq: number): Promise<void> {
    const snapshot = { throughSeq: BigInt(throughSeq), publishedAt: new Date() };
    await this.prisma.$transaction([
      this.prisma.denialPatternSnapshot.upsert({
        where: { deniedCode: dirty.code },
        create: { deniedCode: dirty.code, ...snapshot },
        update: snapshot,
      }),
      this.prisma.denialPatternView.deleteMany({ where: { deniedCode: dirty.code } }),
      this.prisma.denialPatternView.createMany({
        data: [...views].map(([view, answer]) => ({ deniedCode: dirty.code, view, answer: answer as unknown as Prisma.InputJsonValue })),
      }),
      this.prisma.denialPatternDirty.deleteMany({ where: { deniedCode: dirty.code, version: dirty.version } }),
    ]);
  }

  async markPublished(asOf: Date): Promise<void> {
    await this.prisma.denialPatternPublication.upsert({
      where: { id: PUBLICATION_ROW },
      create: { id: PUBLICATION_ROW, publishedAsOf: asOf },
      update: { publishedAsOf: asOf },
    });
  }

  async publishedAsOf(): Promise<Date | null> {
    return (await this.prisma.denialPatternPublication.findUnique({ where: { id: PUBLICATION_ROW } }))?.publishedAsOf ?? null;
  }

  async view(code: string, view: string): Promise<PublishedPatterns | null> {
    const row = await this.prisma.denialPatternView.findUnique({ where: { deniedCode_view: { deniedCode: code, view } } });
    return (row?.answer as unknown as PublishedPatterns | undefined) ?? null;
  }
}

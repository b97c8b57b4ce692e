import { Injectable } from '@nestjs/common';
import { FeedbackDb } from '@claimflow/db-feedback';
import { monthKey, reportCells, type DenialReport } from '@claimflow/domain';
import { isUniqueViolation } from '@claimflow/runtime';

export interface NewReport {
  readonly id: string;
  readonly report: DenialReport;
  readonly contentHash: string;
  readonly idempotencyKeyHash: string | null;
  /** Keyed hash of the reporter (see ReporterSecret); the credential itself is never stored. */
  readonly reporterHash: string;
}

export type InsertOutcome = { readonly kind: 'inserted' } | { readonly kind: 'key-taken' };

/** "*" rolls every state up, so that unfiltered and state-filtered reads each touch one scope. */
export const ALL_STATES = '*';
/** Month 0 rolls every month up, so that reads without a period sum a few hundred rows, not thousands. */
export const ALL_MONTHS = 0;

@Injectable()
export class DenialReportRepository {
  constructor(private readonly prisma: FeedbackDb) {}

  /** The report and its counter increments commit together, or neither does. */
  async insert(row: NewReport): Promise<InsertOutcome> {
    const { report } = row;
    const month = monthKey(report.denialMonth);
    const cells = reportCells(report);
    const create = this.prisma.denialReport.create({
      data: {
        id: row.id,
        idempotencyKeyHash: row.idempotencyKeyHash,
        reporterHash: row.reporterHash,
        contentHash: row.contentHash,
        deniedCode: report.deniedCode,
        placeOfService: report.placeOfService,
        payerType: report.payer.type,
        macJurisdiction: report.payer.type === 'medicare-part-b' ? report.payer.macJurisdiction : null,
        state: report.state,
        denialMonth: month,
        billedCodes: report.billedCodes,
        carcCodes: report.denialReasons.carc,
        rarcCodes: report.denialReasons.rarc,
        whatHappened: report.whatHappened || null,
        appealFiled: report.appeal.filed,
        appealLevel: report.appeal.filed ? report.appeal.level : null,
        appealOutcome: report.appeal.filed ? report.appeal.outcome : null,
        whatWorked: report.whatWorked || null,
        claimflowEdits: report.claimflowEdits,
      },
    });
    // Rows go in a fixed order (scope, month, dimension, value) so concurrent inserts lock counters alike.
    const count = this.prisma.$executeRaw`
      INSERT INTO "denial_pattern_cell" ("denied_code", "scope", "month", "payer_type", "dimension", "value", "count")
      SELECT ${report.deniedCode}, s.scope, m.month, ${report.payer.type}, c.dimension, c.value, 1
      FROM unnest(${[ALL_STATES, report.state]}::text[]) AS s(scope)
      CROSS JOIN unnest(${[ALL_MONTHS, month]}::int[]) AS m(month)
      CROSS JOIN unnest(${cells.map((c) => c.dimension)}::text[], ${cells.map((c) => c.value)}::text[]) AS c(dimension, value)
      ORDER BY s.scope, m.month, c.dimension, c.value
      ON CONFLICT ("denied_code", "scope", "month", "payer_type", "dimension", "value")
      DO UPDATE SET "count" = "denial_pattern_cell"."count" + 1`;
    // Marks the code for the next publication; patterns are never recomputed on the insert itself.
    const dirty = this.prisma.$executeRaw`
      INSERT INTO "denial_pattern_dirty" ("denied_code", "version") VALUES (${report.deniedCode}, 1)
      ON CONFLICT ("denied_code") DO UPDATE SET "version" = "denial_pattern_dirty"."version" + 1`;
    try {
      await this.prisma.$transaction([create, count, dirty]);
      return { kind: 'inserted' };
    } catch (error) {
      if (row.idempotencyKeyHash && isUniqueViolation(error)) return { kind: 'key-taken' };
      throw error;
    }
  }

  /** Reports this reporter submitted today (the database's day of receipt, as stored), for the daily limit. */
  async countToday(reporterHash: string): Promise<number> {
    const [{ n }] = await this.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "denial_report" WHERE "reporter_hash" = ${reporterHash} AND "received_on" = CURRENT_DATE`;
    return n;
  }

  findByKey(idempotencyKeyHash: string) {
    return this.prisma.denialReport.findUnique({ where: { idempotencyKeyHash }, select: { id: true, contentHash: true } });
  }
}

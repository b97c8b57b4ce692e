import { Injectable } from '@nestjs/common';
import { FeedbackDb, Prisma } from '@claimflow/db-feedback';
import { tallyCells, type PatternCounts, type ReportCell } from '@claimflow/domain';
import { ALL_MONTHS, ALL_STATES } from './denial-report.repository';

export interface CountScope {
  readonly code: string;
  readonly state?: string;
  readonly payerType?: string;
  /** Inclusive YYYYMM bounds. */
  readonly fromMonth?: number;
  readonly toMonth?: number;
}

const STRATEGY_ROWS = 100;

@Injectable()
export class PatternCountsRepository {
  constructor(private readonly prisma: FeedbackDb) {}

  /** Sums the counter rows of one code under the filters: a few hundred rows, a few thousand with a period. */
  async counts(q: CountScope): Promise<PatternCounts> {
    const period = q.fromMonth !== undefined || q.toMonth !== undefined;
    const rows = await this.prisma.$queryRaw<(ReportCell & { count: number })[]>`
      SELECT "dimension", "value", SUM("count")::int AS "count"
      FROM "denial_pattern_cell"
      WHERE "denied_code" = ${q.code} AND "scope" = ${q.state ?? ALL_STATES}
        AND ${period ? Prisma.sql`"month" BETWEEN ${q.fromMonth ?? ALL_MONTHS + 1} AND ${q.toMonth ?? 999999}` : Prisma.sql`"month" = ${ALL_MONTHS}`}
        ${q.payerType ? Prisma.sql`AND "payer_type" = ${q.payerType}` : Prisma.empty}
      GROUP BY "dimension", "value"`;
    return tallyCells(rows);
  }

  /** The newest "what worked" texts under the filters (newest denial month first), for de-duplication. */
  async strategies(q: CountScope): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ what_worked: string }[]>`
      SELECT "what_worked" FROM "denial_report"
      WHERE "denied_code" = ${q.code} AND "what_worked" IS NOT NULL
        AND "denial_month" BETWEEN ${q.fromMonth ?? 0} AND ${q.toMonth ?? 999999}
        ${q.state ? Prisma.sql`AND "state" = ${q.state}` : Prisma.empty}
        ${q.payerType ? Prisma.sql`AND "payer_type" = ${q.payerType}` : Prisma.empty}
      ORDER BY "denial_month" DESC, "seq" DESC
      LIMIT ${STRATEGY_ROWS}`;
    return rows.map((r) => r.what_worked);
  }
}

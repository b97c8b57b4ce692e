import { Injectable } from '@nestjs/common';
import { FeedbackDb } from '@claimflow/db-feedback';

/** Rewrites stored reporter hashes; used once per start to move per-key reporters onto their owners. */
@Injectable()
export class ReporterAttributionRepository {
  constructor(private readonly prisma: FeedbackDb) {}

  /**
   * Each report whose reporter_hash is in `from[i]` gets `to[i]`, and the codes it touched are marked
   * for the next publication (merging reporters can only lower a biller count). Returns the reports moved.
   */
  async reattribute(from: readonly string[], to: readonly string[]): Promise<number> {
    if (from.length === 0) return 0;
    const [{ n }] = await this.prisma.$queryRaw<{ n: number }[]>`
      WITH moved AS (
        UPDATE "denial_report" AS r SET "reporter_hash" = m.to_hash
        FROM unnest(${[...from]}::text[], ${[...to]}::text[]) AS m(from_hash, to_hash)
        WHERE r."reporter_hash" = m.from_hash
        RETURNING r."denied_code"
      ), dirty AS (
        INSERT INTO "denial_pattern_dirty" ("denied_code", "version")
        SELECT DISTINCT "denied_code", 1 FROM moved
        ON CONFLICT ("denied_code") DO UPDATE SET "version" = "denial_pattern_dirty"."version" + 1
      )
      SELECT count(*)::int AS n FROM moved`;
    return n;
  }
}

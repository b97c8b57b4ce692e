import { Inject, Injectable } from '@nestjs/common';
import { publishPatterns, snapshotDue, throughOf, ROUNDING_BASE, type PublishableReport } from '@claimflow/domain';
import { PeriodicPublication } from '@claimflow/runtime';
import { FEEDBACK_CONFIG, type FeedbackConfig } from '../config/feedback.config';
import { PatternPublicationRepository, type StoredReportRow } from '../persistence/pattern-publication.repository';
import { ReporterSecret } from '../reporter/reporter-secret';

/** Reports stored before reporters existed cannot be told apart: they count as one reporter together (the safe assumption). */
const LEGACY_REPORTER = 'legacy-unattributed';
export const PATTERN_ROUNDING = ROUNDING_BASE;

/**
 * Publishes the views of every code with new reports, on a schedule (FEEDBACK_PUBLISH_INTERVAL),
 * never on each insert, by the shared rules of libs/domain publication: a code gets a new snapshot
 * only once k distinct reporters sent reports since its last one, so no reporter's own reports can
 * be read off by comparing two snapshots. Deterministic, so two instances publishing at once write
 * the same views.
 */
@Injectable()
export class PatternPublisher extends PeriodicPublication {
  constructor(
    private readonly repo: PatternPublicationRepository,
    private readonly secret: ReporterSecret,
    @Inject(FEEDBACK_CONFIG) private readonly config: FeedbackConfig,
  ) {
    super(config.FEEDBACK_PUBLISH_INTERVAL);
  }

  /** One publication: every code marked since the last that k new reporters made due, then the time it started, as the answers' "as of". */
  async publishOnce(): Promise<void> {
    const asOf = new Date();
    const dirty = await this.repo.dirtyCodes();
    let published = 0;
    for (const code of dirty) {
      if (this.stopped) return;
      const reports = (await this.repo.reportsFor(code.code)).map((r) => this.publishable(r));
      const arrivals = reports.map((r) => ({ contributor: r.contributor, arrived: r.order }));
      if (!snapshotDue(arrivals, await this.repo.snapshotThrough(code.code), this.config.FEEDBACK_MIN_CELL)) continue;
      const views = publishPatterns(reports, { threshold: this.config.FEEDBACK_MIN_CELL, rounding: PATTERN_ROUNDING });
      await this.repo.replaceViews(code, views, throughOf(arrivals) ?? 0);
      published++;
    }
    await this.repo.markPublished(asOf);
    if (published) this.logger.log(`published denial patterns for ${published} code(s)`);
  }

  private publishable(r: StoredReportRow): PublishableReport {
    return {
      contributor: r.reporterHash ?? LEGACY_REPORTER,
      recordKey: this.secret.recordKey(r.id),
      payerType: r.payerType,
      state: r.state,
      month: r.denialMonth,
      cells: r.cells,
      whatWorked: r.whatWorked,
      order: Number(r.seq),
    };
  }
}

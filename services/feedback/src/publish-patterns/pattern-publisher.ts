import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { publishPatterns, type PublishableReport } from '@claimflow/domain';
import { FEEDBACK_CONFIG, type FeedbackConfig } from '../config/feedback.config';
import { PatternPublicationRepository, type StoredReportRow } from '../persistence/pattern-publication.repository';
import { ReporterSecret } from '../reporter/reporter-secret';

/** Reports stored before reporters existed cannot be told apart: they count as one reporter together (the safe assumption). */
const LEGACY_REPORTER = 'legacy-unattributed';
export const PATTERN_ROUNDING = 5;

/**
 * Recomputes the published views of every code with new reports, on a schedule
 * (FEEDBACK_PUBLISH_INTERVAL), never on each insert: a report cannot be added and its effect read
 * at once. Deterministic, so two instances publishing at once write the same views.
 */
@Injectable()
export class PatternPublisher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PatternPublisher.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly repo: PatternPublicationRepository,
    private readonly secret: ReporterSecret,
    @Inject(FEEDBACK_CONFIG) private readonly config: FeedbackConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.publishOnce()
        .catch((error: unknown) => this.logger.warn(`publication failed, retrying next interval: ${(error as Error)?.name ?? 'error'}`))
        .finally(() => this.schedule(this.config.FEEDBACK_PUBLISH_INTERVAL));
    }, delayMs);
    this.timer.unref();
  }

  /** One publication: every code marked since the last, then the time it started, as the answers' "as of". */
  async publishOnce(): Promise<void> {
    const asOf = new Date();
    const dirty = await this.repo.dirtyCodes();
    for (const code of dirty) {
      if (this.stopped) return;
      const reports = (await this.repo.reportsFor(code.code)).map((r) => this.publishable(r));
      const views = publishPatterns(reports, { threshold: this.config.FEEDBACK_MIN_CELL, rounding: PATTERN_ROUNDING });
      await this.repo.replaceViews(code, views);
    }
    await this.repo.markPublished(asOf);
    if (dirty.length) this.logger.log(`published denial patterns for ${dirty.length} code(s)`);
  }

  private publishable(r: StoredReportRow): PublishableReport {
    return {
      reporter: r.reporterHash ?? LEGACY_REPORTER,
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

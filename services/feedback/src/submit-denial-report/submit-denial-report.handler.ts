import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { err, ok, parseDenialReport, type ReportFieldError, type Result } from '@claimflow/domain';
import { FEEDBACK_CONFIG, type FeedbackConfig } from '../config/feedback.config';
import { DenialReportRepository } from '../persistence/denial-report.repository';
import type { ReporterIdentity } from '../reporter/reporter-identity.port';
import { isDatabaseUnavailable } from '@claimflow/runtime';
import { IdempotencyKeySchema, type DenialReportCreated } from './denial-report.request.dto';

export type SubmitFailure =
  | { readonly code: 'REPORT_INVALID'; readonly message: string; readonly errors: readonly ReportFieldError[] }
  | { readonly code: 'IDEMPOTENCY_KEY_INVALID'; readonly message: string }
  | { readonly code: 'IDEMPOTENCY_KEY_REUSED'; readonly message: string }
  | { readonly code: 'RATE_LIMITED'; readonly message: string }
  | { readonly code: 'DATABASE_UNAVAILABLE'; readonly message: string };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Accepts one denial report from a known reporter: checks it (shape, codes, personal data, the
 * reporter's daily limit), then stores it with its counter increments and only the keyed hash of
 * its reporter, in one transaction. Success means committed; a retry under the same
 * Idempotency-Key returns the first report's id and stores nothing.
 */
@Injectable()
export class SubmitDenialReportHandler {
  constructor(
    private readonly reports: DenialReportRepository,
    @Inject(FEEDBACK_CONFIG) private readonly config: FeedbackConfig,
  ) {}

  async submit(
    body: unknown,
    idempotencyKey: string | undefined,
    reporter: ReporterIdentity,
    now = new Date(),
  ): Promise<Result<DenialReportCreated, SubmitFailure>> {
    const key = idempotencyKey === undefined ? undefined : IdempotencyKeySchema.safeParse(idempotencyKey);
    if (key && !key.success) return err({ code: 'IDEMPOTENCY_KEY_INVALID', message: key.error.issues[0].message });
    const parsed = parseDenialReport(body, now);
    if (!parsed.ok)
      return err({ code: 'REPORT_INVALID', message: 'the report was not stored; fix the fields listed', errors: parsed.error });

    const contentHash = sha256(JSON.stringify(parsed.value));
    const idempotencyKeyHash = key?.success ? sha256(key.data) : null;
    try {
      if ((await this.reports.countToday(reporter.reporterId)) >= this.config.FEEDBACK_REPORTS_PER_DAY) {
        if (idempotencyKeyHash && (await this.reports.findByKey(idempotencyKeyHash)))
          return await this.replay(idempotencyKeyHash, contentHash);
        return err({
          code: 'RATE_LIMITED',
          message: `at most ${this.config.FEEDBACK_REPORTS_PER_DAY} reports a day per reporter; retry tomorrow`,
        });
      }
      const id = randomUUID();
      const outcome = await this.reports.insert({
        id,
        report: parsed.value,
        contentHash,
        idempotencyKeyHash,
        reporterHash: reporter.reporterId,
      });
      if (outcome.kind === 'inserted') return ok({ id, status: 'stored', replayed: false });
      return await this.replay(idempotencyKeyHash!, contentHash);
    } catch (error) {
      if (isDatabaseUnavailable(error))
        return err({
          code: 'DATABASE_UNAVAILABLE',
          message:
            'the database is unavailable, so the report is not confirmed as stored; retry later with the same Idempotency-Key (a retry never stores it twice)',
        });
      throw error;
    }
  }

  private async replay(idempotencyKeyHash: string, contentHash: string): Promise<Result<DenialReportCreated, SubmitFailure>> {
    const first = await this.reports.findByKey(idempotencyKeyHash);
    if (!first) throw new Error('idempotency key reported taken but no report holds it');
    if (first.contentHash !== contentHash) {
      return err({ code: 'IDEMPOTENCY_KEY_REUSED', message: 'this Idempotency-Key was already used for a different report' });
    }
    return ok({ id: first.id, status: 'stored', replayed: true });
  }
}

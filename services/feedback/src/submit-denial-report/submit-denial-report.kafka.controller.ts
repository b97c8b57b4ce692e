import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { DenialReportSubmittedV1, REPORTER_HEADER, TOPICS } from '@claimflow/contracts';
import { DeadLetterPublisher, InboundProcessor, RetriableError } from '@claimflow/kafka';
import { isDatabaseUnavailable } from '@claimflow/runtime';
import { REPORTER_RESOLVER, type ReporterProblem, type ReporterResolver } from '../reporter/reporter-identity.port';
import { SubmitDenialReportHandler, type SubmitFailure } from './submit-denial-report.handler';

/**
 * Kafka header naming the reporter: the id of the API key of the biller on whose behalf an
 * authenticated producer (only ingest's principal may write the topic) relays the report. It must name
 * a live key with reports:submit (else REPORTER_INVALID); the reporter is that key's owner.
 */

type Refusal = Exclude<SubmitFailure, { code: 'DATABASE_UNAVAILABLE' }> | ReporterProblem;

@Controller()
export class SubmitDenialReportKafkaController {
  constructor(
    private readonly inbound: InboundProcessor,
    private readonly handler: SubmitDenialReportHandler,
    private readonly deadLetters: DeadLetterPublisher,
    @Inject(REPORTER_RESOLVER) private readonly reporters: ReporterResolver,
  ) {}

  @EventPattern(TOPICS.denialReportsSubmitted)
  async onReportSubmitted(@Ctx() context: KafkaContext): Promise<void> {
    await this.inbound.process(context, DenialReportSubmittedV1, async ({ body, envelope }) => {
      const header = context.getMessage().headers?.[REPORTER_HEADER];
      const reporter = await this.resolve(header === undefined ? undefined : String(header));
      if (!reporter.ok) return this.reject(context, reporter.error);
      const result = await this.handler.submit(body.report, body.idempotencyKey ?? `kafka:${envelope.id}`, reporter.value);
      if (result.ok) return;
      // Marked as the database's absence, so the message is held until it answers rather than dead-lettered.
      if (result.error.code === 'DATABASE_UNAVAILABLE')
        throw Object.assign(new RetriableError(result.error.message), { code: result.error.code });
      await this.reject(context, result.error);
    });
  }

  /** A key store that fails is retried like the database (the message is not lost, nothing is counted). */
  private async resolve(keyId: string | undefined) {
    try {
      return await this.reporters.fromKeyId(keyId);
    } catch (error) {
      if (isDatabaseUnavailable(error)) throw new RetriableError('the key store is unavailable');
      throw error;
    }
  }

  /**
   * A refused report is dead-lettered with its reasons; when the refusal is personal data, its
   * bytes are left out so the dead-letter topic does not become a store of what we refused to keep.
   */
  private async reject(context: KafkaContext, failure: Refusal): Promise<void> {
    const errors = 'errors' in failure ? failure.errors.map((e) => ({ path: `report.${e.path}`, code: e.code, message: e.message })) : [];
    const personal = errors.some((e) => e.code.startsWith('PERSONAL_DATA_'));
    const { headers = {}, ...rest } = context.getMessage();
    // The reporter's key id never goes to the dead-letter topic.
    const message = { ...rest, headers: Object.fromEntries(Object.entries(headers).filter(([k]) => k !== REPORTER_HEADER)) };
    await this.deadLetters.send({
      service: 'feedback',
      topic: context.getTopic(),
      partition: context.getPartition(),
      message: personal ? { ...message, value: null } : message,
      reason: { code: failure.code, message: failure.message, errors },
    });
  }
}

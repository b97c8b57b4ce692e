import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { DenialReportSubmittedV1, TOPICS } from '@claimflow/contracts';
import { DeadLetterPublisher, InboundProcessor, RetriableError } from '@claimflow/kafka';
import { SubmitDenialReportHandler, type SubmitFailure } from './submit-denial-report.handler';

@Controller()
export class SubmitDenialReportKafkaController {
  constructor(
    private readonly inbound: InboundProcessor,
    private readonly handler: SubmitDenialReportHandler,
    private readonly deadLetters: DeadLetterPublisher,
  ) {}

  @EventPattern(TOPICS.denialReportsSubmitted)
  async onReportSubmitted(@Ctx() context: KafkaContext): Promise<void> {
    await this.inbound.process(context, DenialReportSubmittedV1, async ({ body, envelope }) => {
      const result = await this.handler.submit(body.report, body.idempotencyKey ?? `kafka:${envelope.id}`);
      if (result.ok) return;
      if (result.error.code === 'DATABASE_UNAVAILABLE') throw new RetriableError(result.error.message);
      await this.reject(context, result.error);
    });
  }

  /**
   * A refused report is dead-lettered with its reasons; when the refusal is personal data, its
   * bytes are left out so the dead-letter topic does not become a store of what we refused to keep.
   */
  private async reject(context: KafkaContext, failure: Exclude<SubmitFailure, { code: 'DATABASE_UNAVAILABLE' }>): Promise<void> {
    const errors = 'errors' in failure ? failure.errors.map((e) => ({ path: `report.${e.path}`, code: e.code, message: e.message })) : [];
    const personal = errors.some((e) => e.code.startsWith('PERSONAL_DATA_'));
    const message = context.getMessage();
    await this.deadLetters.send({
      service: 'feedback',
      topic: context.getTopic(),
      partition: context.getPartition(),
      message: personal ? { ...message, value: null } : message,
      reason: { code: failure.code, message: failure.message, errors },
    });
  }
}

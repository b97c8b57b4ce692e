import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, type KafkaContext } from '@nestjs/microservices';
import { HEADERS, OWNER_TOPICS, envelopeFromHeaders, ownerTopicPattern, readHeader } from '@claimflow/contracts';
import { DEFAULT_RETRY, DeadLetterPublisher, TopicResolver, withRetry } from '@claimflow/kafka';
import { isTransientDatabaseError } from '@claimflow/runtime';
import { readJsonBody } from '@claimflow/domain';
import { SubmitClaimHandler } from './submit-claim.handler';
import { FORMATS, mediaType } from '../http/content-type';
import { disagreeingSubmitterField } from './submitter';
import { messageSubmissionId } from './submission';

/**
 * Raw claims from PM systems, each on its owner's own topic (claims.submitted.v1.<owner>): any accepted content
 * type; what cannot be normalized is dead-lettered. The shared claims.submitted.v1 is not consumed.
 */
@Controller()
export class SubmitClaimKafkaController {
  constructor(
    private readonly handler: SubmitClaimHandler,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly topics: TopicResolver,
  ) {}

  @EventPattern(ownerTopicPattern(OWNER_TOPICS.claimsSubmitted))
  async onSubmitted(@Ctx() context: KafkaContext): Promise<void> {
    const message = context.getMessage();
    const dead = (
      code: string,
      text: string,
      errors: { path: string; code: string; message: string }[] = [],
      claimId?: string,
      submitterClaimId?: string,
    ) =>
      this.deadLetters.send({
        service: 'ingest',
        topic: context.getTopic(),
        partition: context.getPartition(),
        message,
        reason: { code, message: text, errors },
        claimId,
        submitterClaimId,
      });

    const media = mediaType(readHeader(message.headers, HEADERS.contentType));
    const format = FORMATS[media];
    if (!format)
      return void (await dead(
        'UNSUPPORTED_CONTENT_TYPE',
        `content-type header "${media || '(none)'}" is not one of ${Object.keys(FORMATS).join(', ')}`,
      ));
    const raw = message.value ? Buffer.from(message.value as Buffer) : Buffer.alloc(0);
    const json = format === 'x12' ? undefined : readJsonBody(raw);
    if (json && !json.ok) return void (await dead('MALFORMED_JSON', 'the message value is not readable JSON', [json.error]));
    const payload: unknown = json ? json.value : raw;
    // No API key on Kafka: the submitter is the owner the topic names. Only that owner's principal may write the
    // topic (a LITERAL ACL from `claimflow kafka-credentials`), so the broker has authenticated the producer as it.
    // A cf-submitter-id header is ignored, never obeyed; a body naming another submitter is refused.
    const submitterId = this.topics.ownerOf(OWNER_TOPICS.claimsSubmitted, context.getTopic());
    if (!submitterId) return void (await dead('TOPIC_INVALID', 'the topic names no owner'));
    const mismatch = format === 'x12' ? null : disagreeingSubmitterField(payload, submitterId);
    if (mismatch) return void (await dead('SUBMITTER_MISMATCH', `${mismatch} does not match the owner the topic names`));
    // A PM system's message seldom carries an envelope: one is read only when its id header is there. Without one, zod
    // wrote out why five headers were missing for an answer nobody reads: 9-13 us a message in a loop, 0.48 s of
    // ingest's 43 s busy in a pipeline bench profile (its 25,000 Kafka submissions carry none, as PM systems send them).
    const parent = readHeader(message.headers, HEADERS.id) === undefined ? undefined : envelopeFromHeaders(message.headers);
    const submit = () =>
      this.handler.submit({
        format,
        payload,
        submitterId,
        parent: parent?.ok ? parent.value : undefined,
        correlationId: readHeader(message.headers, HEADERS.correlationId),
        submissionId: messageSubmissionId(context.getTopic(), context.getPartition(), message.offset),
      });
    const outcome = await withRetry(submit, DEFAULT_RETRY, undefined, isTransientDatabaseError).catch(async (error: Error) => {
      await dead('HANDLER_FAILED', `intake failed after retries: ${error.message}`);
      return undefined;
    });
    if (!outcome) return;
    if (outcome.errors.length > 0) await dead('SUBMISSION_INVALID', 'the submission could not be read as a whole', outcome.errors);
    for (const r of outcome.rejected)
      await dead(
        'CLAIM_INVALID',
        `claim ${r.submitterClaimId ?? `#${r.index}`} could not be normalized`,
        [...r.errors],
        r.claimId,
        r.submitterClaimId,
      );
  }
}

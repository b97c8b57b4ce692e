import { Inject, Injectable, Optional } from '@nestjs/common';
import type { KafkaMessage } from 'kafkajs';
import {
  TOPICS,
  childEnvelope,
  envelopeFromHeaders,
  readHeader,
  rootEnvelope,
  type ClaimDeadLetteredV1,
  type FieldError,
} from '@claimflow/contracts';
import { EventPublisher } from './event-publisher';
import { KAFKA_METRICS, logicalTopic, type KafkaMetrics } from './kafka.metrics';
import { KAFKA_OPTIONS, type KafkaOptions } from './kafka.options';

export interface DeadLetterInput {
  readonly service: string;
  readonly topic: string;
  readonly partition?: number;
  readonly message: Pick<KafkaMessage, 'key' | 'value' | 'headers' | 'offset'>;
  readonly reason: { code: string; message: string; errors?: FieldError[] };
  readonly claimId?: string;
  readonly submitterClaimId?: string;
  readonly deadLetterTopic?: string;
}

@Injectable()
export class DeadLetterPublisher {
  constructor(
    private readonly publisher: EventPublisher,
    @Optional() @Inject(KAFKA_METRICS) private readonly metrics?: KafkaMetrics,
    @Optional() @Inject(KAFKA_OPTIONS) private readonly options?: KafkaOptions,
  ) {}

  async send(input: DeadLetterInput): Promise<ClaimDeadLetteredV1> {
    const { message } = input;
    const headers = Object.fromEntries(Object.keys(message.headers ?? {}).map((k) => [k, readHeader(message.headers, k) ?? '']));
    const key = message.key === null || message.key === undefined ? null : String(message.key);
    const parent = envelopeFromHeaders(message.headers);
    const envelope = parent.ok
      ? childEnvelope(parent.value, 'ClaimDeadLettered.v1')
      : rootEnvelope('ClaimDeadLettered.v1', headers['cf-correlation-id'] || undefined);
    const body: ClaimDeadLetteredV1 = {
      type: 'ClaimDeadLettered.v1',
      reason: { code: input.reason.code, message: input.reason.message, errors: input.reason.errors ?? [] },
      source: { service: input.service, topic: input.topic, partition: input.partition, offset: message.offset, key, headers },
      originalValueBase64: message.value ? Buffer.from(message.value).toString('base64') : '',
      claimId: input.claimId,
      submitterClaimId: input.submitterClaimId,
    };
    await this.publisher.publish({
      topic: input.deadLetterTopic ?? TOPICS.claimsDeadLetter,
      key: input.claimId ?? key ?? envelope.id,
      envelope,
      value: body,
    });
    this.metrics?.deadLettered(logicalTopic(input.topic, this.options?.topicSuffix ?? ''));
    return body;
  }
}

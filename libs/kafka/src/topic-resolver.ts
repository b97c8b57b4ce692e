import { Inject, Injectable } from '@nestjs/common';
import type { OwnerTopicBase } from '@claimflow/contracts';
import { KAFKA_OPTIONS, type KafkaOptions } from './kafka.options';
import { ownerOfTopic } from './owner-topics';

@Injectable()
export class TopicResolver {
  constructor(@Inject(KAFKA_OPTIONS) private readonly options: KafkaOptions) {}

  physical(topic: string): string {
    return topic + this.options.topicSuffix;
  }

  /** The owner a physical per-owner topic names (claims.submitted.v1.<owner> + suffix), or undefined. */
  ownerOf(base: OwnerTopicBase, physicalTopic: string): string | undefined {
    return ownerOfTopic(base, physicalTopic, this.options.topicSuffix);
  }
}

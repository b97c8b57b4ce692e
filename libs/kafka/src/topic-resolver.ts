import { Inject, Injectable } from '@nestjs/common';
import type { OwnerTopicBase } from '@claimflow/contracts';
import { KAFKA_OPTIONS, type KafkaOptions } from './kafka.options';
import { ownerOfTopic } from './owner-topics';

@Injectable()
export class TopicResolver {
  private readonly packed: ReadonlySet<string>;

  constructor(@Inject(KAFKA_OPTIONS) private readonly options: KafkaOptions) {
    this.packed = new Set((options.packedTopics ?? []).map((t) => this.physical(t)));
  }

  /** Whether messages to this physical topic are packed several to a record (KafkaOptions.packedTopics). */
  packs(physicalTopic: string): boolean {
    return this.packed.has(physicalTopic);
  }

  physical(topic: string): string {
    return topic + this.options.topicSuffix;
  }

  /** The owner a physical per-owner topic names (claims.submitted.v1.<owner> + suffix), or undefined. */
  ownerOf(base: OwnerTopicBase, physicalTopic: string): string | undefined {
    return ownerOfTopic(base, physicalTopic, this.options.topicSuffix);
  }
}

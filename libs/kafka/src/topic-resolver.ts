import { Inject, Injectable } from '@nestjs/common';
import { KAFKA_OPTIONS, type KafkaOptions } from './kafka.options';

@Injectable()
export class TopicResolver {
  constructor(@Inject(KAFKA_OPTIONS) private readonly options: KafkaOptions) {}

  physical(topic: string): string {
    return topic + this.options.topicSuffix;
  }
}

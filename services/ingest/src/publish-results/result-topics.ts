import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { OWNER_TOPICS, ownerTopic } from '@claimflow/contracts';
import { KAFKA_CLIENT, TopicResolver } from '@claimflow/kafka';

/**
 * A listing of the broker's topics older than this is refreshed before an owner is taken to have no results
 * topic. A listing costs ~17 ms (12 ms to connect the admin client, 4.5 ms median for 120 topics on the demo
 * broker), so at most one a second is under 2% of one connection even while results flow.
 */
const FRESH_MS = 1_000;

/** Which owners have a results topic (created with their Kafka credentials); only those are published to. */
@Injectable()
export class ResultTopics {
  private known = new Set<string>();
  private listedAt = 0;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly topics: TopicResolver,
  ) {}

  /** The logical results topic of this owner (claims.results.v1.<owner>), or undefined when it has none. */
  async of(owner: string): Promise<string | undefined> {
    const logical = ownerTopic(OWNER_TOPICS.claimResults, owner);
    const physical = this.topics.physical(logical);
    if (!this.known.has(physical) && Date.now() - this.listedAt > FRESH_MS) await this.list();
    return this.known.has(physical) ? logical : undefined;
  }

  private async list(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      this.known = new Set(await admin.listTopics());
      this.listedAt = Date.now();
    } finally {
      await admin.disconnect();
    }
  }
}

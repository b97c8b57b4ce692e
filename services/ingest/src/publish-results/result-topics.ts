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

/** An owner's results topic (logical) and the version of the results it takes. */
export interface ResultTopic {
  readonly topic: string;
  readonly version: 'v1' | 'v2';
}

/**
 * Which owners have a results topic (created with their Kafka credentials); only those are published to. An owner
 * with claims.results.v2.<owner> gets the compact ClaimResult.v2 there, else one with claims.results.v1.<owner> the
 * v1 view: the v2 topic's creation is the switch (README, "Owners' results: v1 to v2").
 */
@Injectable()
export class ResultTopics {
  private known = new Set<string>();
  private listedAt = 0;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly topics: TopicResolver,
  ) {}

  /** The results topic of this owner, v2 when it has one, or undefined when it has none. */
  async of(owner: string): Promise<ResultTopic | undefined> {
    const v2 = ownerTopic(OWNER_TOPICS.claimResultsV2, owner);
    const v1 = ownerTopic(OWNER_TOPICS.claimResults, owner);
    // Until an owner has v2, its v1 topic is looked up again at most once a listing goes stale: the switch is seen.
    if (!this.known.has(this.topics.physical(v2)) && Date.now() - this.listedAt > FRESH_MS) await this.list();
    if (this.known.has(this.topics.physical(v2))) return { topic: v2, version: 'v2' };
    return this.known.has(this.topics.physical(v1)) ? { topic: v1, version: 'v1' } : undefined;
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

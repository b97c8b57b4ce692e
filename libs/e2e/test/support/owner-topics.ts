import { Kafka, logLevel } from 'kafkajs';
import { OWNER_TOPICS, ownerTopic } from '@claimflow/contracts';
import { kafkaClientSecurity } from '@claimflow/testing';

export interface OwnerTopicNames {
  /** claims.submitted.v1.<owner> + suffix: where the owner's PM system publishes claims. */
  readonly submit: string;
  /** claims.results.v1.<owner> + suffix: where ingest publishes the owner's final results. */
  readonly results: string;
}

/** An owner's topic pair, created as `claimflow kafka-credentials create` creates them (ACLs aside: that is the secured broker's part). */
export async function createOwnerTopics(
  brokers: readonly string[],
  owner: string,
  suffix: string,
  partitions = 3,
): Promise<OwnerTopicNames> {
  const names = {
    submit: ownerTopic(OWNER_TOPICS.claimsSubmitted, owner) + suffix,
    results: ownerTopic(OWNER_TOPICS.claimResults, owner) + suffix,
  };
  const security = kafkaClientSecurity('admin', brokers);
  const admin = new Kafka({ clientId: 'owner-topics', brokers: [...brokers], logLevel: logLevel.NOTHING, ...security }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = Object.values(names).filter((t) => !existing.has(t));
    if (missing.length > 0)
      await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions: partitions })), waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
  return names;
}

import { Kafka, logLevel } from 'kafkajs';
import { OWNER_TOPICS, ownerTopic } from '@claimflow/contracts';
import { kafkaClientSecurity, waitFor } from '@claimflow/testing';

export interface OwnerTopicNames {
  /** claims.submitted.v1.<owner> + suffix: where the owner's PM system publishes claims. */
  readonly submit: string;
  /** claims.results.v2.<owner> + suffix (v1 when asked): where ingest publishes the owner's final results. */
  readonly results: string;
}

/** An owner's topic pair, created as `claimflow kafka-credentials create` creates them (ACLs aside: that is the secured broker's part). */
export async function createOwnerTopics(
  brokers: readonly string[],
  owner: string,
  suffix: string,
  partitions = 3,
  results: 'v1' | 'v2' = 'v2',
): Promise<OwnerTopicNames> {
  const names = {
    submit: ownerTopic(OWNER_TOPICS.claimsSubmitted, owner) + suffix,
    results: ownerTopic(results === 'v2' ? OWNER_TOPICS.claimResultsV2 : OWNER_TOPICS.claimResults, owner) + suffix,
  };
  const security = kafkaClientSecurity('admin', brokers);
  const admin = new Kafka({ clientId: 'owner-topics', brokers: [...brokers], logLevel: logLevel.NOTHING, ...security }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = Object.values(names).filter((t) => !existing.has(t));
    // A new topic's metadata can lag its creation on the secured broker ("does not host this topic-partition"):
    // created without waiting, then waited for until every partition has a leader.
    if (missing.length > 0) await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions: partitions })) });
    await waitFor(
      async () => {
        const { topics } = await admin.fetchTopicMetadata({ topics: Object.values(names) }).catch(() => ({ topics: [] }));
        return topics.length === 2 && topics.every((t) => t.partitions.length === partitions && t.partitions.every((p) => p.leader >= 0));
      },
      { description: `the topics of ${owner}`, timeoutMs: 30_000, intervalMs: 100 },
    );
  } finally {
    await admin.disconnect();
  }
  return names;
}

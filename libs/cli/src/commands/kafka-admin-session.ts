import { Kafka, logLevel, type AclEntry, type ITopicMetadata } from 'kafkajs';
import { adminClientOptions, type BrokerAdmin } from './kafka-broker-admin';

export type KafkaAdmin = ReturnType<Kafka['admin']>;

/** One admin client of the CLI's, signed in as the broker's admin principal, for `work` only. */
export async function withAdmin<T>(a: BrokerAdmin, work: (admin: KafkaAdmin) => Promise<T>): Promise<T> {
  const admin = new Kafka({ clientId: 'claimflow-cli', logLevel: logLevel.NOTHING, ...adminClientOptions(a) }).admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Until every partition of the topics has a leader. A new topic's metadata lags its creation on the secured broker
 * (kafkajs's own waitForLeaders fails at once with "does not host this topic-partition"); 30 s is far beyond the
 * second or so it takes on the demo broker.
 */
async function untilLed(admin: KafkaAdmin, names: readonly string[], deadline = Date.now() + 30_000): Promise<void> {
  for (;;) {
    const { topics } = await admin.fetchTopicMetadata({ topics: [...names] }).catch(() => ({ topics: [] as ITopicMetadata[] }));
    if (topics.length === names.length && topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    if (Date.now() > deadline)
      throw new Error(`kafka-credentials: the topics ${names.join(', ')} have no leader yet; run the command again`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The topics, created where missing and led, then the ACLs (creating an ACL that exists changes nothing). */
export async function provision(admin: KafkaAdmin, a: BrokerAdmin, names: readonly string[], acls: AclEntry[]): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = names.filter((t) => !existing.has(t));
  // Not kafkajs's waitForLeaders (its default): untilLed waits where it gives up (an e2e run failed upgrade-results so).
  if (missing.length > 0)
    await admin.createTopics({ topics: missing.map((topic) => ({ topic, numPartitions: a.partitions })), waitForLeaders: false });
  await untilLed(admin, names);
  await admin.createAcls({ acl: acls });
}

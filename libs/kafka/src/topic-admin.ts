import type { Logger } from '@nestjs/common';
import type { Consumer, ConsumerSubscribeTopics, Kafka } from 'kafkajs';
import { TOPICS } from '@claimflow/contracts';
import { createTopicsAllowed, type TopicReplication } from './create-topics';

/** How the topics a service creates are laid out: KAFKA_PARTITIONS, KAFKA_REPLICATION_FACTOR, KAFKA_MIN_INSYNC_REPLICAS. */
export interface TopicSettings {
  readonly partitions: number;
  readonly replication?: TopicReplication;
}

/** Every topic on the broker this principal may describe. */
export async function listBrokerTopics(kafka: Kafka): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await admin.listTopics();
  } finally {
    await admin.disconnect();
  }
}

/** Subscribing to a topic that auto-creation has not finished electing a leader for fails; create them all first. */
async function ensureTopics(kafka: Kafka, topics: readonly string[], suffix: string, settings: TopicSettings): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = new Set([...Object.values(TOPICS).map((t) => t + suffix), ...topics]);
    const missing = [...wanted].filter((t) => !existing.has(t));
    // Two services creating the same topic at once: the loser's createTopics fails as retriable.
    await createTopicsAllowed(admin, missing, settings.partitions, settings.replication);
  } finally {
    await admin.disconnect();
  }
}

/**
 * On a fresh broker, services starting together race to create the same topics, and subscribing
 * to one whose leader is not elected yet fails; so create what is missing and retry until ready.
 */
export async function subscribeWhenReady(
  kafka: Kafka,
  consumer: Consumer,
  subscription: ConsumerSubscribeTopics & { topics: string[] },
  suffix: string,
  settings: TopicSettings,
  logger: Pick<Logger, 'warn'>,
  deadline = Date.now() + 60_000,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ensureTopics(kafka, subscription.topics, suffix, settings);
      await consumer.subscribe(subscription);
      return;
    } catch (error) {
      const retriable =
        (error as { retriable?: boolean; type?: string }).retriable ||
        /does not host this topic-partition|leader/i.test((error as Error).message);
      if (!retriable || Date.now() > deadline) throw error;
      logger.warn(`topics not ready yet (${(error as Error).message}); retrying (attempt ${attempt})`);
      await new Promise((resolve) => setTimeout(resolve, Math.min(250 * attempt, 2000)));
    }
  }
}

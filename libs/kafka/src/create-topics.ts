import type { Admin } from 'kafkajs';

const typeOf = (error: unknown) => (error as { type?: string }).type;

/** Copies of a topic and how many an acks=all write must reach; each unset one is the broker's default. */
export interface TopicReplication {
  readonly replicationFactor?: number;
  readonly minInsyncReplicas?: number;
}

function topicSpec(topic: string, numPartitions: number, { replicationFactor, minInsyncReplicas }: TopicReplication) {
  // The broker accepts such a topic and then refuses every acks=all write to it (NOT_ENOUGH_REPLICAS): refuse it here.
  if (replicationFactor && minInsyncReplicas && minInsyncReplicas > replicationFactor)
    throw new Error(`KAFKA_MIN_INSYNC_REPLICAS (${minInsyncReplicas}) exceeds KAFKA_REPLICATION_FACTOR (${replicationFactor})`);
  return {
    topic,
    numPartitions,
    ...(replicationFactor ? { replicationFactor } : {}),
    ...(minInsyncReplicas ? { configEntries: [{ name: 'min.insync.replicas', value: String(minInsyncReplicas) }] } : {}),
  };
}

/**
 * Creates the topics a service may create, with its partition count. On the secured broker a principal sees (and may
 * create) only the topics its ACLs name (scripts/kafka/acls.mjs): the broker refuses the others one by one in the same
 * answer and creates the rest, so a refusal of every remaining topic is no error; the owning service creates those.
 * (kafkajs still logs that answer once per start, as an ERROR line "Response CreateTopics ... Topic creation errors".)
 * On a cluster, topics get `replication` (KAFKA_REPLICATION_FACTOR, KAFKA_MIN_INSYNC_REPLICAS).
 */
export async function createTopicsAllowed(
  admin: Admin,
  topics: readonly string[],
  numPartitions: number,
  replication: TopicReplication = {},
): Promise<void> {
  if (topics.length === 0) return;
  try {
    await admin.createTopics({ topics: topics.map((topic) => topicSpec(topic, numPartitions, replication)), waitForLeaders: true });
  } catch (error) {
    const errors = (error as { errors?: unknown[] }).errors;
    const refusedOrThere = (e: unknown) => typeOf(e) === 'TOPIC_AUTHORIZATION_FAILED' || typeOf(e) === 'TOPIC_ALREADY_EXISTS';
    if (!Array.isArray(errors) || !errors.some((e) => typeOf(e) === 'TOPIC_AUTHORIZATION_FAILED') || !errors.every(refusedOrThere))
      throw error;
  }
}

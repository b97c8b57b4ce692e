import type { ConsumerGroupState } from './consumer-group.state';
import type { KafkaMetrics } from './kafka.metrics';
import type { TopicReplication } from './create-topics';

export interface TopicLayout {
  /** Appended to every logical topic name. */
  readonly suffix: string;
  /** Partitions of each topic this service creates (KAFKA_PARTITIONS). */
  readonly partitions: number;
  readonly replication?: TopicReplication; // KAFKA_REPLICATION_FACTOR, KAFKA_MIN_INSYNC_REPLICAS
  /**
   * Claims (keys) of a chunk handled side by side: all of them where handlers batch what arrives
   * together (the claim services); a handful where each message holds its own database connection.
   */
  readonly keysInParallel?: number;
  /**
   * Fetched batches (partitions) handled side by side; 'all' = every partition of the topics it consumes,
   * so a fetch is handled in one round and handlers that batch see all of it together. Default 1.
   */
  readonly partitionsInParallel?: number | 'all';
  /**
   * Logical topics whose messages are handled only once they are this old (ms), their partitions paused meanwhile:
   * what usually comes later on another topic, and makes them redundant, gets there first (ingest's validations).
   */
  readonly holdBack?: Readonly<Record<string, number>>;
}

/** Optional collaborators of the consumer. */
export interface ConsumerExtras {
  /** Group membership, reported to readiness. */
  readonly membership?: ConsumerGroupState;
  /** Where the consumer lag of each handled batch is reported. */
  readonly metrics?: Pick<KafkaMetrics, 'lag'>;
}

/** What the Kafka plumbing reports; the platform's metrics module provides it (topics are logical names). */
export interface KafkaMetrics {
  consumed(topic: string): void;
  produced(topic: string, count: number): void;
  deadLettered(topic: string): void;
  lag(topic: string, partition: number, lag: number): void;
}

export const KAFKA_METRICS = Symbol('KAFKA_METRICS');

/** Physical topic (with the test or tenant suffix) to its logical name, so metric labels stay few. */
export function logicalTopic(topic: string, suffix: string): string {
  return suffix && topic.endsWith(suffix) ? topic.slice(0, -suffix.length) : topic;
}

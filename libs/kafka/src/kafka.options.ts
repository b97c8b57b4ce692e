import type { ConnectionOptions } from 'node:tls';
import type { SASLOptions } from 'kafkajs';

export interface KafkaOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  /** Appended to every topic name; lets tests and tenants run side by side on one broker. */
  readonly topicSuffix: string;
  readonly groupId: string;
  /** TLS towards the broker: true (system CAs) or TLS options such as the broker's private CA. */
  readonly ssl?: boolean | ConnectionOptions;
  /** SASL (PLAIN or SCRAM) credentials, when the broker requires them. */
  readonly sasl?: SASLOptions;
  /** Logical topics whose messages are published packed, several of a partition to a record (packRecords). */
  readonly packedTopics?: readonly string[];
}

export const KAFKA_OPTIONS = Symbol('KAFKA_OPTIONS');
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');

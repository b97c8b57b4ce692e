import { z } from 'zod';
import { DEFAULT_DATABASE_URL } from '@claimflow/contracts';
import { DEFAULT_HEAP_GROWING_PERCENT } from '../bootstrap/heap-growth';
import { EdgeConfigSchema } from './edge.config';

const brokerList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(/^[^:\s]+:\d+$/, 'expected host:port')).min(1));

/** A count of replicas; empty (compose's `${VAR:-}`) is unset. */
const replicaCount = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(32).optional());

/** Settings every service shares; each service extends this with its own (Kafka users: KafkaServiceConfigSchema). */
export const BaseConfigSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    KAFKA_BROKERS: brokerList.default(['127.0.0.1:9092']),
    /** Partitions of each topic the services create; more partitions let more instances share a topic. */
    KAFKA_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(12),
    /**
     * Copies of each topic the services create (3 on a three-broker cluster) and how many of them an acks=all write
     * must reach (the topic's min.insync.replicas; 2 of 3: one broker may fail without losing or refusing a write).
     * Unset: the broker's default.replication.factor and min.insync.replicas (1 and 1 from scripts/kafka.sh on one node).
     */
    KAFKA_REPLICATION_FACTOR: replicaCount,
    KAFKA_MIN_INSYNC_REPLICAS: replicaCount,
    /**
     * Publish the claim pipeline's messages packed, several of a partition to a Kafka record (PACKED_TOPICS). Every
     * consumer of this build reads both forms; false while consumers of an earlier build still run (README, "Packed
     * records").
     */
    KAFKA_PACK_RECORDS: z.stringbool().default(true),
    TOPIC_SUFFIX: z
      .string()
      .regex(/^[A-Za-z0-9._-]*$/)
      .default(''),
    /** 'latest' uses the newest reference-data release when none is in force, and says so on every answer. */
    REFDATA_FALLBACK: z.enum(['strict', 'latest']).default('strict'),
    REFDATA_DIR: z.string().optional(),
    /** Set to load reference data from the Postgres store of record instead of REFDATA_DIR. */
    REFDATA_DATABASE_URL: z.string().url().optional(),
    /** How often services look for a new reference-data set (ms); 0 turns it off. */
    REFDATA_RELOAD_MS: z.coerce.number().int().min(0).default(30000),
    HOST: z.string().default('127.0.0.1'),
    /** V8's heap growing factor in percent for a service process (0: V8's own); see DEFAULT_HEAP_GROWING_PERCENT. */
    HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(1000).default(DEFAULT_HEAP_GROWING_PERCENT),
  })
  .merge(EdgeConfigSchema);

export type BaseConfig = z.infer<typeof BaseConfigSchema>;

export class ConfigError extends Error {}

/** Parsed once at boot; a bad value stops the process with every problem listed. */
export function parseConfig<S extends z.ZodTypeAny>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
  throw new ConfigError(`Invalid configuration:\n${problems}`);
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export const DatabaseConfigSchema = z.object({
  DATABASE_URL: z.string().url().default(DEFAULT_DATABASE_URL),
});

import { z } from 'zod';
import { KafkaServiceConfigSchema, kafkaSecurityRequiredInProduction } from '@claimflow/runtime';

export const ValidatorConfigSchema = KafkaServiceConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  /**
   * Worker threads for keyless checks and /v1/validate. One: on the 2 shared cores the services run on, a
   * second check thread would take the CPU the Kafka consumer needs; each worker holds its own reference
   * data (measured: `npm run bench public-check` prints the validator's RSS).
   */
  CHECK_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
  /** Checks waiting beyond those running; more get 503 + Retry-After. A maximal check takes ~0.1-0.3 s, so 4 wait at most ~1 s. */
  CHECK_QUEUE: z.coerce.number().int().min(0).max(100).default(4),
  /** A check running longer ends its worker (another is started) and is answered 503. */
  CHECK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
}).superRefine(kafkaSecurityRequiredInProduction);

export type ValidatorConfig = z.infer<typeof ValidatorConfigSchema>;

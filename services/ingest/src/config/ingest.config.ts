import { z } from 'zod';
import {
  DatabaseConfigSchema,
  KafkaServiceConfigSchema,
  kafkaSecurityRequiredInProduction,
  PublishIntervalSchema,
} from '@claimflow/runtime';
import { WEBHOOK_CONFIG_FIELDS, webhookSecretsKeyRequiredInProduction } from '../webhooks/webhook.config';

const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const HOUR_MS = UNIT_MS.h;

/** "7d", "36h", "90m" -> milliseconds. */
const Duration = z
  .string()
  .regex(/^\d+(m|h|d)$/, 'expected a duration such as 90m, 36h or 7d')
  .transform((s) => {
    const [, n, unit] = /^(\d+)(m|h|d)$/.exec(s)!;
    return Number(n) * UNIT_MS[unit as keyof typeof UNIT_MS];
  });

export const IngestConfigSchema = KafkaServiceConfigSchema.merge(DatabaseConfigSchema)
  .extend({
    PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    INGEST_MAX_BODY: z
      .string()
      .regex(/^\d+(kb|mb)$/)
      .default('10mb'),
    INGEST_MAX_CLAIMS: z.coerce.number().int().positive().default(10000),
    INGEST_MAX_WAIT_MS: z.coerce.number().int().positive().max(60000).default(30000),
    /**
     * How old a validation result is before ingest reads it (ms; 0: at once). The pricing result carries the
     * validation too and usually comes within a second: a validation read after it changes nothing, so the claim's
     * ledger row is written once, not twice. A claim whose pricing is later than this shows as validated meanwhile.
     */
    INGEST_VALIDATION_HOLD_MS: z.coerce.number().int().min(0).max(300000).default(30000),
    /**
     * How long the inbox remembers the id of a result message (ms once parsed). An hour at least, so that
     * redeliveries after a rebalance or a restart are still told apart from stray second results.
     */
    INGEST_INBOX_RETENTION: Duration.refine((ms) => ms >= HOUR_MS, 'the inbox retention must be at least 1h').default(7 * UNIT_MS.d),
    /** Fewest distinct submitters behind a figure of the public edit accuracy (never below 5). */
    EDIT_ACCURACY_MIN_REPORTERS: z.coerce.number().int().min(5).default(5),
    /** How often the public edit accuracy is republished (a new snapshot only once k new submitters posted 835s). */
    EDIT_ACCURACY_PUBLISH_INTERVAL: PublishIntervalSchema.default(3_600_000),
    /**
     * Key of the HMAC behind the record keys of the published figures' rounding; never stored. When unset,
     * random per process (figures then round afresh at the next snapshot after a restart): set one where
     * several ingest instances publish.
     */
    EDIT_ACCURACY_SECRET: z.string().min(32, 'EDIT_ACCURACY_SECRET must be at least 32 characters').optional(),
    /** Where clients are told to read results; the service's own URL by default. */
    PUBLIC_URL: z.string().url().optional(),
    ...WEBHOOK_CONFIG_FIELDS,
  })
  .superRefine(kafkaSecurityRequiredInProduction)
  .superRefine(webhookSecretsKeyRequiredInProduction);

export type IngestConfig = z.infer<typeof IngestConfigSchema>;
export const INGEST_CONFIG = Symbol('INGEST_CONFIG');

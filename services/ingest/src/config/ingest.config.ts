import { z } from 'zod';
import { BaseConfigSchema, DatabaseConfigSchema } from '@claimflow/platform';

export const IngestConfigSchema = BaseConfigSchema.merge(DatabaseConfigSchema).extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  INGEST_MAX_BODY: z
    .string()
    .regex(/^\d+(kb|mb)$/)
    .default('10mb'),
  INGEST_MAX_CLAIMS: z.coerce.number().int().positive().default(10000),
  INGEST_MAX_WAIT_MS: z.coerce.number().int().positive().max(60000).default(30000),
  /** Fewest distinct submitters behind a figure of the public edit accuracy (never below 5). */
  EDIT_ACCURACY_MIN_REPORTERS: z.coerce.number().int().min(5).default(5),
  /** Where clients are told to read results; the service's own URL by default. */
  PUBLIC_URL: z.string().url().optional(),
});

export type IngestConfig = z.infer<typeof IngestConfigSchema>;
export const INGEST_CONFIG = Symbol('INGEST_CONFIG');

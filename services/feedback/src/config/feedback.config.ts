import { z } from 'zod';
import { BaseConfigSchema, DatabaseConfigSchema } from '@claimflow/platform';

export const FeedbackConfigSchema = BaseConfigSchema.merge(DatabaseConfigSchema).extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3004),
  /** Smallest count ever published; five is the floor, a deployment may only raise it. */
  FEEDBACK_MIN_CELL: z.coerce.number().int().min(5, 'the publication threshold cannot be below 5').default(5),
  /** A report is at most ~10 KB (50 lines, two 2,000-character texts); anything far bigger is refused. */
  FEEDBACK_MAX_BODY: z
    .string()
    .regex(/^\d+(kb|mb)$/)
    .default('32kb'),
});

export type FeedbackConfig = z.infer<typeof FeedbackConfigSchema>;
export const FEEDBACK_CONFIG = Symbol('FEEDBACK_CONFIG');

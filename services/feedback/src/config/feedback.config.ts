import { z } from 'zod';
import {
  DatabaseConfigSchema,
  KafkaServiceConfigSchema,
  kafkaSecurityRequiredInProduction,
  PublishIntervalSchema,
} from '@claimflow/runtime';

export const FeedbackConfigSchema = KafkaServiceConfigSchema.merge(DatabaseConfigSchema)
  .extend({
    PORT: z.coerce.number().int().min(0).max(65535).default(3004),
    /** Distinct reporters every published figure needs; five is the floor, a deployment may only raise it. */
    FEEDBACK_MIN_CELL: z.coerce.number().int().min(5, 'the publication threshold cannot be below 5').default(5),
    /** A report is at most ~10 KB (50 lines, two 2,000-character texts); anything far bigger is refused. */
    FEEDBACK_MAX_BODY: z
      .string()
      .regex(/^\d+(kb|mb)$/)
      .default('32kb'),
    /** How often the published patterns are recomputed (never on each insert). */
    FEEDBACK_PUBLISH_INTERVAL: PublishIntervalSchema.default(3_600_000),
    /**
     * Key of the HMAC that turns a reporter's credential into the stored reporter hash (and of the
     * rounding's record keys). Kept out of the database; required in production. Elsewhere a random
     * one per process is used when unset (reporters then count afresh after a restart).
     */
    FEEDBACK_REPORTER_SECRET: z.string().min(32, 'FEEDBACK_REPORTER_SECRET must be at least 32 characters').optional(),
    /** Reports one reporter may submit per day (UTC day of receipt). */
    FEEDBACK_REPORTS_PER_DAY: z.coerce.number().int().min(1).default(20),
  })
  .superRefine((c, ctx) => {
    kafkaSecurityRequiredInProduction(c, ctx);
    if (c.NODE_ENV === 'production' && !c.FEEDBACK_REPORTER_SECRET)
      ctx.addIssue({ code: 'custom', path: ['FEEDBACK_REPORTER_SECRET'], message: 'required in production' });
  });

export type FeedbackConfig = z.infer<typeof FeedbackConfigSchema>;
export const FEEDBACK_CONFIG = Symbol('FEEDBACK_CONFIG');

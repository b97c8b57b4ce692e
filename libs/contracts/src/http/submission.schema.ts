import { z } from 'zod';
import { CLAIM_LIFECYCLE_STATUSES } from '@claimflow/domain';
import { INTAKE_FORMATS } from './ingest.schema';

/** Most submissions one page of GET /v1/submissions holds, and how many when `limit` is not given. */
export const SUBMISSION_LIST_MAX_LIMIT = 100;
export const SUBMISSION_LIST_DEFAULT_LIMIT = 20;

const timestamp = z.string().meta({ format: 'date-time' });
const instant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/,
    'expected YYYY-MM-DD or an ISO 8601 date-time with an offset',
  )
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'not a date and time', abort: true });

/** The query string of GET /v1/submissions; each parameter is named in the 400 when it is wrong. */
export const SubmissionListQuerySchema = z.strictObject({
  since: instant.optional().meta({ description: 'received at or after (a date means its start, UTC)' }),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, `expected a whole number from 1 to ${SUBMISSION_LIST_MAX_LIMIT}`)
    .transform(Number)
    .pipe(z.number().int().min(1).max(SUBMISSION_LIST_MAX_LIMIT))
    .optional()
    .meta({ description: `submissions per page, 1 to ${SUBMISSION_LIST_MAX_LIMIT} (default ${SUBMISSION_LIST_DEFAULT_LIMIT})` }),
  cursor: z.string().max(200).optional().meta({ description: 'the `cursor` of the previous page (opaque)' }),
});

export type SubmissionListQuery = z.output<typeof SubmissionListQuerySchema>;

/** How many of a submission's claims are in each lifecycle status (only the statuses it has). */
const CountsSchema = z
  .partialRecord(z.enum(CLAIM_LIFECYCLE_STATUSES), z.number().int())
  .meta({ description: 'claims of the submission by lifecycle status' });

const SubmissionLinksSchema = z.object({
  self: z.string(),
  ack999: z.string().optional().meta({ description: 'the 999 of an 837P submission' }),
});

/** One submission of a list: what was sent, when, and how its claims stand. */
export const SubmissionSummarySchema = z.object({
  submissionId: z.string(),
  format: z.enum(INTAKE_FORMATS),
  receivedAt: timestamp,
  claimCount: z.number().int(),
  counts: CountsSchema,
  links: SubmissionLinksSchema,
});

/** GET /v1/submissions/{id}: the summary and its claims, in the order they were answered. */
export const SubmissionViewSchema = SubmissionSummarySchema.extend({
  claims: z.array(
    z.object({
      claimId: z.string(),
      submitterClaimId: z.string(),
      status: z.enum(CLAIM_LIFECYCLE_STATUSES),
      links: z.object({ self: z.string(), ack277ca: z.string() }),
    }),
  ),
});

/** GET /v1/submissions: a page of the caller's submissions, newest first. */
export const SubmissionListAnswerSchema = z.object({
  submissions: z.array(SubmissionSummarySchema),
  cursor: z.string().optional().meta({ description: 'pass as `cursor` for the next page; absent on the last page' }),
  links: z.object({ next: z.string().optional().meta({ description: 'the next page, this query with its cursor' }) }),
});

export type SubmissionSummary = z.output<typeof SubmissionSummarySchema>;
export type SubmissionView = z.output<typeof SubmissionViewSchema>;
export type SubmissionListAnswer = z.output<typeof SubmissionListAnswerSchema>;

import { z } from 'zod';
import { CLAIM_LIFECYCLE_STATUSES, CLAIMFLOW_EDIT_CODES } from '@claimflow/domain';
import { INTAKE_FORMATS } from './ingest.schema';

/** Most claims one page of GET /v1/claims holds, and how many when `limit` is not given. */
export const CLAIM_LIST_MAX_LIMIT = 500;
export const CLAIM_LIST_DEFAULT_LIMIT = 50;

/** A calendar date that exists (2026-02-30 does not), read from the first ten characters. */
const realDate = (s: string) => {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date, YYYY-MM-DD')
  .refine(realDate, { message: 'not a calendar date', abort: true });
const instant = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/,
    'expected YYYY-MM-DD or an ISO 8601 date-time with an offset',
  )
  .refine((s) => realDate(s) && !Number.isNaN(Date.parse(s)), { message: 'not a calendar date and time', abort: true });
const yesNo = z.enum(['true', 'false'], 'expected true or false');
/** One value or several: `status=priced&status=rejected` or `status=priced,rejected`. */
const oneOrMore = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).map((s) => s.trim()))
    .pipe(z.array(z.enum(values)).min(1).max(values.length));

/** The query string of GET /v1/claims; each parameter is named in the 400 when it is wrong. */
export const ClaimListQuerySchema = z.strictObject({
  status: oneOrMore(CLAIM_LIFECYCLE_STATUSES)
    .optional()
    .meta({ description: 'one or more lifecycle statuses, repeated or comma-separated' }),
  receivedSince: instant.optional().meta({ description: 'received at or after (a date means its start, UTC)' }),
  receivedUntil: instant.optional().meta({ description: 'received before (a date means its start, UTC)' }),
  serviceFrom: isoDate.optional().meta({ description: 'a line date of service on or after this date' }),
  serviceTo: isoDate.optional().meta({ description: 'a line date of service on or before this date' }),
  submitterClaimId: z.string().min(1).max(38).optional().meta({ description: 'the PM system’s own claim number (CLM01), exact' }),
  editCode: oneOrMore(CLAIMFLOW_EDIT_CODES).optional().meta({ description: 'ClaimFlow reported any of these edits' }),
  denied: yesNo.optional().meta({ description: 'true: ClaimFlow predicts a denied line; false: validated with none' }),
  payerOutcome: yesNo.optional().meta({ description: 'true: an 835 answered the claim; false: none yet' }),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, `expected a whole number from 1 to ${CLAIM_LIST_MAX_LIMIT}`)
    .transform(Number)
    .pipe(z.number().int().min(1).max(CLAIM_LIST_MAX_LIMIT))
    .optional()
    .meta({ description: `claims per page, 1 to ${CLAIM_LIST_MAX_LIMIT} (default ${CLAIM_LIST_DEFAULT_LIMIT})` }),
  cursor: z.string().max(200).optional().meta({ description: 'the `cursor` of the previous page (opaque)' }),
});

export type ClaimListQuery = z.output<typeof ClaimListQuerySchema>;

const timestamp = z.string().meta({ format: 'date-time' });

/** One claim of a list: what a worklist shows, without the claim and result documents (read those at links.self). */
export const ClaimListItemSchema = z.object({
  claimId: z.string(),
  submitterClaimId: z.string(),
  format: z.enum(INTAKE_FORMATS),
  frequencyCode: z.string(),
  status: z.enum(CLAIM_LIFECYCLE_STATUSES),
  correlationId: z.string(),
  replacedBy: z.string().optional(),
  receivedAt: timestamp,
  finalAt: timestamp.optional().meta({ description: 'when it was priced or rejected' }),
  serviceFrom: isoDate.optional(),
  serviceTo: isoDate.optional(),
  editCodes: z.array(z.string()),
  denied: z.boolean().optional().meta({ description: 'ClaimFlow predicts a denied line (absent before validation)' }),
  payerOutcome: z.boolean().meta({ description: 'an 835 answered it' }),
  links: z.object({ self: z.string() }),
});

/** GET /v1/claims: a page of the caller's claims, newest first. */
export const ClaimListAnswerSchema = z.object({
  claims: z.array(ClaimListItemSchema),
  cursor: z.string().optional().meta({ description: 'pass as `cursor` for the next page; absent on the last page' }),
  links: z.object({ next: z.string().optional().meta({ description: 'the next page, this query with its cursor' }) }),
});

export type ClaimListItem = z.output<typeof ClaimListItemSchema>;
export type ClaimListAnswer = z.output<typeof ClaimListAnswerSchema>;

import { z } from 'zod';
import { problemWith } from './errors.schema';
import type { EditAccuracy, PublishedEditAccuracy } from '@claimflow/domain';
import { CLAIMFLOW_EDIT_CODES } from '@claimflow/domain';
import { FieldErrorSchema } from '../messages/claim-messages';
import type { SameShape } from '../shape/same-shape';
import { list } from '../messages/validation-result.schema';

const PayerLineOutcomeSchema = z.enum(['paid', 'adjusted', 'denied', 'reversed']);

/** Where in the 835 a problem was found. */
const X12PositionSchema = z.object({
  interchange: z.string(),
  group: z.string().optional(),
  transactionSet: z.string().optional(),
  claimIndex: z.number().int().optional(),
  segment: z.number().int(),
});

/** POST /v1/remittances: each claim payment matched (or not) to the submitter's claims, problems, contributed reports. */
export const RemittanceAnswerSchema = z.object({
  claims: z.array(
    z.object({
      patientControlNumber: z.string(),
      payerClaimControlNumber: z.string(),
      status: z.string(),
      claimId: z.string().optional(),
      unmatched: z.string().optional(),
      lines: z.array(
        z.object({
          remitLine: z.number().int(),
          code: z.string(),
          lineNumber: z.number().int().optional(),
          outcome: z.string().optional(),
          unmatched: z.string().optional(),
        }),
      ),
    }),
  ),
  problems: z.array(z.object({ scope: z.string(), position: X12PositionSchema, errors: z.array(FieldErrorSchema) })),
  contributed: z.number().int(),
  notContributed: z.array(z.object({ claimId: z.string(), lineNumber: z.number().int(), reason: z.string() })),
  summary: z.object({ claims: z.number().int(), unmatched: z.number().int(), problems: z.number().int() }),
});

/** POST /v1/remittances when nothing was readable: 422 REMITTANCE_REJECTED, a problem carrying the answer's members. */
export const RefusedRemittanceSchema = problemWith(RemittanceAnswerSchema.shape).meta({ title: 'RefusedRemittance' });

export type RemittanceAnswer = z.output<typeof RemittanceAnswerSchema>;

/** GET /v1/edit-accuracy: per edit, how often the payer agreed; and what the payer denied that ClaimFlow passed. */
export const EditAccuracySchema = z.object({
  lines: z.number().int(),
  denied: z.number().int(),
  byEdit: list(
    z.object({ edit: z.enum(CLAIMFLOW_EDIT_CODES), flagged: z.number().int(), denied: z.number().int(), precision: z.number().nullable() }),
  ),
  missed: z.object({ lines: z.number().int(), byReason: list(z.object({ reason: z.string(), lines: z.number().int() })) }),
});

/**
 * GET /v1/edit-accuracy/public (and ?view=public): everyone's, as last published on a schedule. A figure
 * is null, or its row absent, when fewer than minReporters submitters stand behind it or when it could
 * be worked out from the others; counts are multiples of `rounding`; nothing says how much is withheld.
 */
export const PublicEditAccuracySchema = z.object({
  lines: z.number().int().nullable(),
  denied: z.number().int().nullable(),
  byEdit: EditAccuracySchema.shape.byEdit,
  missed: z.object({ lines: z.number().int().nullable(), byReason: EditAccuracySchema.shape.missed.shape.byReason }),
  minReporters: z.number().int(),
  rounding: z.number().int(),
  publishedAsOf: z.string().nullable(),
});

/** payerOutcome of GET /v1/claims/{id}: the payer's answer per line beside what ClaimFlow predicted; absent before any 835. */
export const PayerOutcomeSchema = z.object({
  lines: z.array(
    z.object({
      lineNumber: z.number().int(),
      outcome: PayerLineOutcomeSchema,
      carc: z.array(z.string()),
      rarc: z.array(z.string()),
      charge: z.number(),
      paid: z.number(),
      claimStatus: z.string(),
      payerClaimControlNumber: z.string(),
      paidOn: z.string().optional(),
      predicted: z.object({ denied: z.boolean(), edits: z.array(z.string()) }),
    }),
  ),
});

export type EditAccuracyAnswer = z.output<typeof EditAccuracySchema>;
export type PublicEditAccuracyAnswer = z.output<typeof PublicEditAccuracySchema>;

const _accuracy: SameShape<typeof EditAccuracySchema, EditAccuracy> = true;
const _public: SameShape<typeof PublicEditAccuracySchema, PublishedEditAccuracy> = true;
void [_accuracy, _public];

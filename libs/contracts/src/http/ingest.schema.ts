import { z } from 'zod';
import { CLAIM_LIFECYCLE_STATUSES, ClaimSchema, type ClaimLifecycleStatus, type ReleaseSource } from '@claimflow/domain';
import type { SameShape } from '../shape/same-shape';
import { FieldErrorSchema } from '../messages/claim-messages';
import { PricedClaimSchema, PricingFailureSchema } from '../messages/priced-claim.schema';
import { EditSchema, list, ValidationResultSchema } from '../messages/validation-result.schema';
import { problemWith } from './errors.schema';
import { PayerOutcomeSchema } from './remittance.schema';

export const INTAKE_FORMATS = ['json', 'fhir', 'x12'] as const;
/** A claim's status as served: the lifecycle's own statuses (libs/domain), replaced and voided included. */
export const CLAIM_STATUSES = CLAIM_LIFECYCLE_STATUSES;
export const ClaimStatusSchema = z.enum(CLAIM_STATUSES).meta({
  description: 'received → normalized → validated → priced | rejected; replaced or voided by a later frequency 7/8 claim',
});
// A status the lifecycle gains and the document does not list fails the type check (as the Kafka messages do).
const _status: SameShape<typeof ClaimStatusSchema, ClaimLifecycleStatus> = true;
void _status;

const timestamp = z.string().meta({ format: 'date-time' });

/** GET /v1/claims/{id}: the claim's status with timestamps and, once done, its full result. */
export const ClaimViewSchema = z.object({
  claimId: z.string(),
  submitterId: z.string().optional(),
  submitterClaimId: z.string(),
  format: z.enum(INTAKE_FORMATS),
  frequencyCode: z.string(),
  status: ClaimStatusSchema,
  correlationId: z.string(),
  replacedBy: z.string().optional(),
  timestamps: z.object({
    received: timestamp,
    normalized: timestamp.optional(),
    validated: timestamp.optional(),
    priced: timestamp.optional(),
    rejected: timestamp.optional(),
  }),
  claim: ClaimSchema.optional(),
  result: z
    .object({ validation: ValidationResultSchema, pricing: z.union([PricedClaimSchema, PricingFailureSchema]).optional() })
    .optional(),
  errors: z.array(FieldErrorSchema).optional(),
  payerOutcome: PayerOutcomeSchema.optional(),
});

/** POST /v1/claims: what was accepted (with links, and results when waited for), what was refused and why. */
export const SubmitClaimsAnswerSchema = z.object({
  submissionId: z.string().meta({ description: 'the submission: GET /v1/submissions/{id} (also the Location header of a 202)' }),
  links: z.object({ submission: z.string() }),
  format: z.enum(INTAKE_FORMATS),
  claims: z.array(
    z.object({
      claimId: z.string(),
      submitterClaimId: z.string(),
      status: z.enum(['accepted', 'duplicate']),
      correlationId: z.string(),
      links: z.object({ self: z.string() }),
      result: ClaimViewSchema.optional(),
    }),
  ),
  rejected: z.array(
    z.object({
      index: z.number().int(),
      claimId: z.string(),
      submitterClaimId: z.string().optional(),
      errors: z.array(FieldErrorSchema).meta({ description: 'at most 100 per claim and 1,000 per submission' }),
      errorsOmitted: z.number().int().optional().meta({ description: 'errors found but not listed' }),
    }),
  ),
  errors: z.array(FieldErrorSchema),
  errorsOmitted: z.number().int().optional().meta({ description: 'submission errors found but not listed' }),
});

/**
 * POST /v1/claims when nothing was accepted (400 for an unreadable body: JSON_MALFORMED, ENCODING_INVALID,
 * NUL_CHARACTER; 422 SUBMISSION_REJECTED): a problem carrying the submission answer's members.
 */
export const RefusedSubmissionSchema = problemWith(SubmitClaimsAnswerSchema.omit({ errors: true }).shape).meta({
  title: 'RefusedSubmission',
});

/** Each release the listed edits draw on, with its notes, stated once per answer (edits name it by `source.release`). */
export const ReleaseSourceSchema = z.object({
  release: z.string(),
  dataset: EditSchema.shape.source.shape.dataset,
  notes: list(z.string()).optional(),
});

/** POST /v1/check of the validator: up to ten claims validated and priced, nothing stored; at most 50 edits a claim listed. */
export const CheckClaimAnswerSchema = z.object({
  format: z.enum(INTAKE_FORMATS),
  claims: z.array(
    z.object({
      submitterClaimId: z.string(),
      status: z.literal('priced'),
      claim: ClaimSchema,
      result: z.object({ validation: ValidationResultSchema, pricing: z.union([PricedClaimSchema, PricingFailureSchema]) }),
      editsOmitted: z.number().int().meta({ description: 'edits found but not listed (deny edits are listed first)' }),
    }),
  ),
  rejected: z.array(z.object({ index: z.number().int(), submitterClaimId: z.string().optional(), errors: z.array(FieldErrorSchema) })),
  errors: z.array(FieldErrorSchema),
  sources: list(ReleaseSourceSchema),
});

/** A FHIR R4 resource (Claim, Bundle of Claims, ClaimResponse); FHIR's own profiles define the rest. */
export const FhirResourceSchema = z.object({ resourceType: z.string() }).catchall(z.unknown());

/** A JSON submission: one canonical claim, or several. */
const SubmittedClaimSchema = ClaimSchema.extend({
  claimId: ClaimSchema.shape.claimId.optional().meta({ description: 'ignored: ClaimFlow assigns the id' }),
});
export const ClaimSubmissionSchema = z.union([
  SubmittedClaimSchema,
  z.array(SubmittedClaimSchema),
  z.object({ claims: z.array(SubmittedClaimSchema) }),
]);

/** POST /v1/check when no claim could be checked: 422 SUBMISSION_REJECTED, a problem carrying the answer's members. */
export const RefusedCheckSchema = problemWith(CheckClaimAnswerSchema.omit({ errors: true }).shape).meta({ title: 'RefusedCheck' });

export type ClaimView = z.output<typeof ClaimViewSchema>;
export type SubmitClaimsAnswer = z.output<typeof SubmitClaimsAnswerSchema>;
export type CheckClaimAnswer = z.output<typeof CheckClaimAnswerSchema>;

const _releaseSource: SameShape<typeof ReleaseSourceSchema, ReleaseSource> = true;
void _releaseSource;

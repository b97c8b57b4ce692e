import { z } from 'zod';
import { ClaimSchema } from '@claimflow/domain';
import { ValidationResultSchema } from './validation-result.schema';
import { PricedClaimSchema, PricingFailureSchema } from './priced-claim.schema';
import { ClaimNormalizedV2, ClaimPricedV2, ClaimValidatedV2 } from './compact-messages';

/**
 * Message bodies, discriminated by `type`; the envelope travels in headers (see envelope/). The v1 claim messages are
 * read while a deployment rolls over to the compact v2 ones (compact-messages.ts); nothing writes them any more.
 */
export const ClaimNormalizedV1 = z.object({
  type: z.literal('ClaimNormalized.v1'),
  claim: ClaimSchema,
});

export const ClaimValidatedV1 = z.object({
  type: z.literal('ClaimValidated.v1'),
  claim: ClaimSchema,
  validation: ValidationResultSchema,
});

export const ClaimPricedV1 = z.object({
  type: z.literal('ClaimPriced.v1'),
  claim: ClaimSchema,
  validation: ValidationResultSchema,
  pricing: z.union([PricedClaimSchema, PricingFailureSchema]),
});

export const FieldErrorSchema = z.object({ path: z.string(), code: z.string(), message: z.string(), source: z.string().optional() });

export const ClaimDeadLetteredV1 = z.object({
  type: z.literal('ClaimDeadLettered.v1'),
  reason: z.object({
    code: z.string(),
    message: z.string(),
    errors: z.array(FieldErrorSchema).default([]),
  }),
  source: z.object({
    service: z.string(),
    topic: z.string(),
    partition: z.number().int().optional(),
    offset: z.string().optional(),
    key: z.string().nullable(),
    headers: z.record(z.string(), z.string()),
  }),
  /** The original message bytes, untouched, so nothing is lost. */
  originalValueBase64: z.string(),
  claimId: z.string().optional(),
  submitterClaimId: z.string().optional(),
});

export const ClaimMessage = z.discriminatedUnion('type', [
  ClaimNormalizedV1,
  ClaimValidatedV1,
  ClaimPricedV1,
  ClaimNormalizedV2,
  ClaimValidatedV2,
  ClaimPricedV2,
  ClaimDeadLetteredV1,
]);

export type ClaimNormalizedV1 = z.infer<typeof ClaimNormalizedV1>;
export type ClaimValidatedV1 = z.infer<typeof ClaimValidatedV1>;
export type ClaimPricedV1 = z.infer<typeof ClaimPricedV1>;
export type ClaimDeadLetteredV1 = z.infer<typeof ClaimDeadLetteredV1>;
export type ClaimMessage = z.infer<typeof ClaimMessage>;
export type FieldError = z.infer<typeof FieldErrorSchema>;

import { z } from 'zod';
import { claimlessValidation, completeValidation, type Claim, type ClaimlessValidation } from '@claimflow/domain';
import { ClaimViewSchema } from '../http/ingest.schema';
import type { SameShape } from '../shape/same-shape';
import { CompactPricedClaimSchema, type ClaimPricedV2 } from './compact-messages';
import { expandPricing } from './compact-results';
import { PricingFailureSchema } from './priced-claim.schema';
import { isCompactStored, type FullStoredResult } from './stored-results';
import { ValidationResultSchema } from './validation-result.schema';

/** The message types of the owners' results topics: the v1 view of GET /v1/claims/{id}, or the compact v2. */
export const CLAIM_RESULT_TYPES = { v1: 'ClaimResult.v1', v2: 'ClaimResult.v2' } as const;

/** Of the validation, what needs no claim: each edit once and whole (its lines by number), the outcome. */
export const ClaimlessValidationSchema = ValidationResultSchema.pick({
  outcome: true,
  edits: true,
  notChecked: true,
  refreshCommand: true,
  releases: true,
});

/**
 * A claim's result for its owner, each fact once: the edits whole (message, source, fix; the lines they name by
 * number) and the pricing by line index into the claim (a line states its number, code, modifiers, units and date
 * only where they differ from the claim's line at its index). expandOwnerResult gives back, from it and the claim,
 * GET's `result`.
 */
export interface OwnerResult {
  readonly validation: ClaimlessValidation;
  readonly pricing?: ClaimPricedV2['pricing'];
}
export const OwnerResultSchema = z.object({
  validation: ClaimlessValidationSchema,
  pricing: z.discriminatedUnion('kind', [CompactPricedClaimSchema, PricingFailureSchema]).optional(),
});

/**
 * ClaimResult.v2, on claims.results.v2.<owner>: GET /v1/claims/{id}'s answer without the claim the owner sent (it
 * has it), without the corrected claim and the per-line copies of the edits (its lines follow from the edits'
 * line numbers), with the pricing by line index. 3.9-4.1 KB a demo claim in the pipeline bench, where ClaimResult.v1
 * is 13.0-13.2 KB.
 */
export const ClaimResultV2Schema = ClaimViewSchema.omit({ claim: true, result: true }).extend({
  result: OwnerResultSchema.optional(),
});
export type ClaimResultV2 = z.infer<typeof ClaimResultV2Schema>;

/** The owner's result from the ledger's stored result, either form, without the claim (undefined when none is stored). */
export function ownerResultOf(stored: unknown): OwnerResult | undefined {
  if (stored === null || typeof stored !== 'object') return undefined;
  if (isCompactStored(stored)) {
    const validation = claimlessValidation(stored.validation);
    return stored.pricing ? { validation, pricing: stored.pricing } : { validation };
  }
  // A result stored whole (before the compact form): its lines stay whole, which the compact pricing allows.
  const whole = stored as FullStoredResult;
  const { outcome, edits, notChecked, refreshCommand, releases } = whole.validation;
  const validation = { outcome, edits, notChecked, ...(refreshCommand ? { refreshCommand } : {}), releases };
  if (!whole.pricing) return { validation };
  if (whole.pricing.kind === 'failed') return { validation, pricing: whole.pricing };
  const { claimId: _id, ...pricing } = whole.pricing;
  void _id;
  return { validation, pricing };
}

/**
 * GET /v1/claims/{id}'s `result` from a ClaimResult.v2's and the claim it is of (as the owner sent it, normalized:
 * GET's `claim`): for a consumer that wants the whole result, the lines and the corrected claim included.
 */
export function expandOwnerResult(result: OwnerResult, claim: Claim): FullStoredResult {
  const { edits, notChecked, releases } = result.validation;
  const validation = completeValidation(claim, { edits, notChecked, releases });
  return result.pricing ? { validation, pricing: expandPricing(claim, result.pricing) } : { validation };
}

const _validation: SameShape<typeof ClaimlessValidationSchema, ClaimlessValidation> = true;
const _result: SameShape<typeof OwnerResultSchema, OwnerResult> = true;
void [_validation, _result];

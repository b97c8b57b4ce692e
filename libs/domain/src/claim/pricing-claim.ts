import type { z } from 'zod';
import { ClaimLineSchema, ClaimSchema, type Claim, type ClaimLine } from './claim.schema';

/**
 * What pricing reads of a line: its identity (number, code, modifiers, units, date), its charge (the OPPS cap's
 * lesser-of), its own place of service (the facility or non-facility rate) and rendering provider (multiple-procedure
 * ranking is per provider). Not its diagnosis pointers or documentation, which only the validator's edits read.
 */
export const PricingLineSchema = ClaimLineSchema.pick({
  lineNumber: true,
  code: true,
  modifiers: true,
  units: true,
  charge: true,
  dateOfService: true,
  placeOfService: true,
  renderingProviderNpi: true,
});

/**
 * What pricing reads of a claim: its id, place of service, providers (the rendering NPI ranks procedures, the ZIPs
 * give the locality), the locality when stated, and its lines as pricing reads them. Not the submitter's claim
 * number, type, frequency, payer or diagnoses: ClaimValidated.v2 carries the claim so, since the one consumer that
 * reads its claim is pricing (ingest reads its id and holds the whole claim in its ledger).
 */
export const PricingClaimSchema = ClaimSchema.pick({
  claimId: true,
  placeOfService: true,
  billingProvider: true,
  renderingProviderNpi: true,
  serviceFacility: true,
  locality: true,
}).extend({ lines: PricingLineSchema.array().min(1).max(50) });

export type PricingLine = z.infer<typeof PricingLineSchema>;
export type PricingClaim = z.infer<typeof PricingClaimSchema>;

const CLAIM_KEYS = Object.keys(PricingClaimSchema.shape).filter((k) => k !== 'lines') as (keyof PricingClaim & keyof Claim)[];
const LINE_KEYS = Object.keys(PricingLineSchema.shape) as (keyof PricingLine & keyof ClaimLine)[];

/** Of `from`, the keys given that it has a value for (an absent optional field stays absent). */
function picked<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (from[k] !== undefined) out[k] = from[k];
  return out as Pick<T, K>;
}

/** The claim as pricing reads it (PricingClaimSchema), keys in the schema's order. */
export function pricingClaimOf(claim: Claim): PricingClaim {
  return { ...picked(claim, CLAIM_KEYS), lines: claim.lines.map((line) => picked(line, LINE_KEYS)) } as PricingClaim;
}

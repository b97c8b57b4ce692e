import { completeValidation, type Claim, type ClaimLine, type PricedLine, type ValidationResult } from '@claimflow/domain';
import type { ClaimPricedV1, ClaimValidatedV1 } from './claim-messages';
import { LINE_IDENTITY, type ClaimPricedV2, type ClaimValidatedV2, type CompactPricedLine } from './compact-messages';

type Pricing = ClaimPricedV1['pricing'];
type CompactPricing = ClaimPricedV2['pricing'];

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const sameAs = (line: PricedLine, claimLine: ClaimLine | undefined, key: (typeof LINE_IDENTITY)[number]): boolean => {
  if (!claimLine) return false;
  return key === 'modifiers' ? sameList(line.modifiers, claimLine.modifiers) : line[key] === claimLine[key];
};

/** The priced claim by line index: each line leaves out what the claim's line at its index already says. */
export function compactPricing(claim: Claim, pricing: Pricing): CompactPricing {
  if (pricing.kind === 'failed') return pricing;
  const { claimId: _id, lines, ...rest } = pricing;
  void _id;
  return {
    ...rest,
    lines: lines.map((line, i) => {
      const compact: Record<string, unknown> = { ...line };
      for (const key of LINE_IDENTITY) if (sameAs(line, claim.lines[i], key)) delete compact[key];
      return compact as unknown as CompactPricedLine;
    }),
  };
}

/** The priced claim as the pricer gave it, from its compact form and the claim it came with. */
export function expandPricing(claim: Claim, pricing: CompactPricing): Pricing {
  if (pricing.kind === 'failed') return pricing;
  return {
    ...pricing,
    claimId: claim.claimId,
    lines: pricing.lines.map((line, i) => {
      const of = claim.lines[i];
      return {
        lineNumber: line.lineNumber ?? of.lineNumber,
        code: line.code ?? of.code,
        modifiers: line.modifiers ?? of.modifiers,
        units: line.units ?? of.units,
        dateOfService: line.dateOfService ?? of.dateOfService,
        ...line,
      } as PricedLine;
    }),
  };
}

/** The whole validation result a validated or priced message stands for, whichever version it is. */
export function validationOf(message: ClaimValidatedV1 | ClaimValidatedV2 | ClaimPricedV1 | ClaimPricedV2): ValidationResult {
  if (message.type === 'ClaimValidated.v2' || message.type === 'ClaimPriced.v2')
    return completeValidation(message.claim, message.validation);
  return message.validation;
}

/** The result a priced message stands for (validation and pricing, as ClaimPriced.v1 carried them), whichever version. */
export function pricedResultOf(message: ClaimPricedV1 | ClaimPricedV2): Pick<ClaimPricedV1, 'validation' | 'pricing'> {
  if (message.type === 'ClaimPriced.v2')
    return { validation: validationOf(message), pricing: expandPricing(message.claim, message.pricing) };
  return { validation: message.validation, pricing: message.pricing };
}

import type { PricingClaim } from '../claim/pricing-claim';
import type { RefDataCatalog } from '../refdata/catalog';
import { err, ok, type Result } from '../shared/result';
import { withExcerptReferences } from './excerpt-reference';
import type { PricedClaim, PricedLine } from './priced-claim';
import { pricingError, type PricingError } from './pricing-error';
import type { PricingOptions } from './pricing-options';
import { pricingTablesFor } from './pricing-tables';
import { priceWith } from './price-with';
import type { ValidationInput } from './validation-input';

/** Prices one claim; for many claims against the same catalog, ClaimPricer resolves tables once per date. */
export function priceClaim(
  claim: PricingClaim,
  validation: ValidationInput | undefined,
  catalog: RefDataCatalog,
  options: PricingOptions = {},
): Result<PricedClaim, PricingError> {
  const priced = priceWith(claim, validation, (date) => pricingTablesFor(catalog, date, options), options);
  return priced.ok ? ok(withExcerptReferences(claim, priced.value, catalog, options)) : priced;
}

/** One line of a claim, priced with the claim-wide rules (multiple procedures, status T) in view. */
export function priceLine(
  claim: PricingClaim,
  lineNumber: number,
  validation: ValidationInput | undefined,
  catalog: RefDataCatalog,
  options: PricingOptions = {},
): Result<PricedLine, PricingError> {
  const priced = priceClaim(claim, validation, catalog, options);
  if (!priced.ok) return priced;
  const line = priced.value.lines.find((l) => l.lineNumber === lineNumber);
  return line ? ok(line) : err(pricingError('BAD_REQUEST', `Claim ${claim.claimId} has no line ${lineNumber}.`));
}

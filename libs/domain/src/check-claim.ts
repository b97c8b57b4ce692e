import type { Claim } from './claim/claim.schema';
import type { RefDataCatalog } from './refdata/catalog';
import { validateClaim } from './validation/validate-claim';
import { priceClaim } from './pricing/price-claim';
import type { ValidationResult } from './validation/edit';

export interface CheckOptions {
  readonly refdataFallback?: 'strict' | 'latest';
  readonly allowNational?: boolean;
}

/** The whole scrub in-process: edits, then prices with denied lines at $0. Same as the pipeline. */
export function checkClaim(claim: Claim, catalog: RefDataCatalog, options: CheckOptions = {}) {
  const validation: ValidationResult = validateClaim(claim, catalog, options);
  const pricing = priceClaim(claim, validation, catalog, options);
  return { claim, validation, pricing };
}

export type CheckedClaim = ReturnType<typeof checkClaim>;

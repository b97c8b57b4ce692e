import type { Dataset } from '../refdata/release';

export type PricingErrorCode =
  'ZIP_UNMAPPED' | 'LOCALITY_UNKNOWN' | 'NO_LOCALITY' | 'NO_RELEASE_IN_FORCE' | 'CODE_UNKNOWN' | 'CODE_NOT_IN_EXCERPT' | 'BAD_REQUEST';

export interface PricingError {
  readonly code: PricingErrorCode;
  readonly message: string;
  readonly dataset?: Dataset;
  readonly date?: string;
}

export function pricingError(code: PricingErrorCode, message: string, extra: Omit<PricingError, 'code' | 'message'> = {}): PricingError {
  return { code, message, ...extra };
}

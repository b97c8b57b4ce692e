import type { PricingClaim, PricingLine } from '../claim/pricing-claim';
import { isFacilityPos } from '../claim/place-of-service';
import type { CareSetting } from './priced-claim';

/** The line's place of service overrides the claim's. */
export function settingOf(line: PricingLine, claim: PricingClaim): CareSetting {
  return isFacilityPos(line.placeOfService ?? claim.placeOfService) ? 'facility' : 'non-facility';
}

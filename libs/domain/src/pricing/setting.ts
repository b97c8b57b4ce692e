import type { Claim, ClaimLine } from '../claim/claim.schema';
import { isFacilityPos } from '../claim/place-of-service';
import type { CareSetting } from './priced-claim';

/** The line's place of service overrides the claim's. */
export function settingOf(line: ClaimLine, claim: Claim): CareSetting {
  return isFacilityPos(line.placeOfService ?? claim.placeOfService) ? 'facility' : 'non-facility';
}

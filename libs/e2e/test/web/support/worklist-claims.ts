import { scenario } from '../../support/fixtures';

const LESI = JSON.parse(scenario('lesi-62323-77003-pos11')) as { lines: { dateOfService: string }[] };
const BIOPSY = JSON.parse(scenario('biopsy-21550-77002')) as { lines: { dateOfService: string }[] };

/** A claim numbered `number`, its lines dated `day` of March 2025. */
const dated = (claim: { lines: { dateOfService: string }[] }, number: string, day: number) => ({
  ...claim,
  submitterClaimId: number,
  lines: claim.lines.map((l) => ({ ...l, dateOfService: `2025-03-${String(day).padStart(2, '0')}` })),
});

/**
 * Owner A of the My claims spec: 12 claims, 5 of them the epidural with its guidance billed beside it (lines dated
 * 3 to 7 March), 5 biopsies (the same dates), and two the intake rejects (no service lines; a billing NPI failing its
 * check digit).
 */
export const CLAIMS_A = [
  ...[1, 2, 3, 4, 5].map((i) => dated(LESI, `A-LESI-${i}`, i + 2)),
  ...[1, 2, 3, 4, 5].map((i) => dated(BIOPSY, `A-BIOPSY-${i}`, i + 2)),
  { ...dated(LESI, 'A-NO-LINES', 3), lines: [] },
  { ...dated(BIOPSY, 'A-BAD-NPI', 4), billingProvider: { npi: '1234567890', zip: '10016' } },
];

/** Owner B: 3 claims with numbers of their own, one rejected. */
export const CLAIMS_B = [dated(LESI, 'B-LESI-1', 3), dated(BIOPSY, 'B-BIOPSY-1', 3), { ...dated(LESI, 'B-NO-LINES', 3), lines: [] }];

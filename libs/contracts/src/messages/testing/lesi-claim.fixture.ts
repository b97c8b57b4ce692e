import { ClaimSchema } from '@claimflow/domain';

/** A two-line LESI claim (62323 with 77003-26, the same date), as the specs of the compact messages use it. */
export const LESI_CLAIM = ClaimSchema.parse({
  claimId: 'c-1',
  submitterClaimId: 'LESI-1',
  placeOfService: '11',
  billingProvider: { npi: '1234567893', zip: '10016' },
  lines: [
    { lineNumber: 1, code: '62323', modifiers: [], units: 1, dateOfService: '2025-03-10' },
    { lineNumber: 2, code: '77003', modifiers: ['26'], units: 1, dateOfService: '2025-03-10' },
  ],
});

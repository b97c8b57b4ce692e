import { ClaimSchema, type Claim, type ClaimInput } from '../../claim/claim.schema';

export type LineSpec =
  | string
  | {
      code: string;
      modifiers?: string[];
      units?: number;
      dateOfService?: string;
      placeOfService?: string;
      renderingProviderNpi?: string;
      documentation?: { signedReport?: boolean; fluoroscopyMinutes?: number; imagesSaved?: boolean };
    };

export const TEST_DOS = '2025-03-14';

/** A valid professional office claim with the given lines (numbered from 1), parsed by the real schema. */
export function claimWith(lines: readonly LineSpec[], o: Partial<ClaimInput> = {}): Claim {
  return ClaimSchema.parse({
    claimId: 'CLM-TEST-1',
    submitterClaimId: 'PCN-1',
    placeOfService: '11',
    billingProvider: { npi: '1234567893' },
    ...o,
    lines: lines.map((spec, i) => {
      const s = typeof spec === 'string' ? { code: spec } : spec;
      return { lineNumber: i + 1, modifiers: [], units: 1, dateOfService: TEST_DOS, ...s };
    }),
  });
}

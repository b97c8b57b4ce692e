import { ClaimSchema, validateClaim, type Claim, type RefDataCatalog, type ValidationResult } from '@claimflow/domain';

/** In force for the shipped NCCI 2024Q3 tables; the fee schedule (CY2025) is applied through the 'latest' fallback. */
export const GOLDEN_DOS = '2024-08-15';

export type GoldenLine =
  | string
  | {
      code: string;
      modifiers?: string[];
      units?: number;
      dateOfService?: string;
      placeOfService?: string;
      documentation?: Record<string, unknown>;
    };

export function goldenClaim(lines: readonly GoldenLine[], o: Record<string, unknown> = {}): Claim {
  return ClaimSchema.parse({
    claimId: 'GOLDEN-1',
    submitterClaimId: 'G-1',
    placeOfService: '11',
    billingProvider: { npi: '1234567893' },
    ...o,
    lines: lines.map((spec, i) => ({
      lineNumber: i + 1,
      modifiers: [],
      units: 1,
      dateOfService: GOLDEN_DOS,
      ...(typeof spec === 'string' ? { code: spec } : spec),
    })),
  });
}

export function check(catalog: RefDataCatalog, lines: readonly GoldenLine[], o: Record<string, unknown> = {}): ValidationResult {
  return validateClaim(goldenClaim(lines, o), catalog, { refdataFallback: 'latest' });
}

/** "CODE severity lines" per edit, leaving out the fallback notices every golden claim carries. */
export function findings(result: ValidationResult): string[] {
  return result.edits.filter((e) => e.code !== 'REFDATA_UNAVAILABLE').map((e) => `${e.code} ${e.severity} ${e.lines.join(',')}`);
}

export function codesAfterFix(result: ValidationResult): string[] {
  return result.correctedClaim.lines.map((l) => (l.units === 1 ? l.code : `${l.code}x${l.units}`));
}

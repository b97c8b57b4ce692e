import fc from 'fast-check';
import { editCodesOf, predictsDeniedLine, serviceDatesOf } from './claim-facets';
import type { Edit } from './edit';
import { lineResults } from './line-results';
import { validateClaim } from './validate-claim';
import { claimWith } from './testing/claim.fixture';
import { fluoroCatalog } from './testing/fluoro.fixture';

/** Codes of the fluoro fixture's tables: PTP pairs, MUEs, add-ons with and without their primaries, unknown codes. */
const CODES = ['62323', '77003', '62320', '62321', '77002', '76000', '20610', '20552', '64490', '64491', '21550', '99999', 'G0514'];
const DATES = ['2024-01-02', '2025-03-14', '2025-03-15', '2026-02-01'];

const line = fc.record({
  code: fc.constantFrom(...CODES),
  units: fc.integer({ min: 1, max: 4 }),
  dateOfService: fc.constantFrom(...DATES),
  modifiers: fc.subarray(['59', '26', 'XS'], { maxLength: 1 }),
});

describe('predictsDeniedLine and editCodesOf: what the ledger records of a validation', () => {
  it("of a validation's own edits, predictsDeniedLine is whether lineResults denies a line (300 claims)", () => {
    const catalog = fluoroCatalog();
    let denied = 0;
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 6 }), fc.constantFrom('strict', 'latest'), (lines, refdataFallback) => {
        const result = validateClaim(claimWith(lines), catalog, { refdataFallback });
        const expected = result.lines.some((l) => l.denied);
        if (expected) denied++;
        expect(predictsDeniedLine(result.edits)).toBe(expected);
        expect(editCodesOf(result.edits)).toEqual([...new Set(result.edits.map((e) => e.code))].sort());
      }),
      { numRuns: 300, seed: 30 },
    );
    // Both outcomes are drawn.
    expect(denied).toBeGreaterThan(30);
    expect(denied).toBeLessThan(270);
  });

  it('of edits naming lines the claim has, it is whether lineResults denies a line; a deny edit naming none denies none', () => {
    const edit = (severity: 'deny' | 'warn', lines: number[]): Edit => ({
      code: 'PTP_BUNDLED',
      severity,
      lines,
      message: '',
      source: { dataset: 'ncci-ptp-practitioner', release: 'PTP-TEST' },
      fix: { action: 'none', detail: '', automatic: false },
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.tuple(fc.boolean(), fc.array(fc.nat(4)))), (count, specs) => {
        const claim = claimWith(Array.from({ length: count }, () => '99213'));
        const edits = specs.map(([deny, lines]) =>
          edit(
            deny ? 'deny' : 'warn',
            lines.map((n) => (n % count) + 1),
          ),
        );
        expect(predictsDeniedLine(edits)).toBe(lineResults(claim, edits).some((l) => l.denied));
      }),
      { numRuns: 500, seed: 30 },
    );
    expect(predictsDeniedLine([edit('deny', [])])).toBe(false);
    expect(editCodesOf([{ code: 'PTP_BUNDLED' }, { code: 'MUE_EXCEEDED' }, { code: 'PTP_BUNDLED' }])).toEqual([
      'MUE_EXCEEDED',
      'PTP_BUNDLED',
    ]);
  });
});

describe('serviceDatesOf', () => {
  it("is the earliest and latest of the lines' dates", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...DATES, '2025-12-31', '2026-01-01'), { minLength: 1, maxLength: 8 }), (dates) => {
        const sorted = [...dates].sort();
        const claim = claimWith(dates.map((dateOfService) => ({ code: '99213', dateOfService })));
        expect(serviceDatesOf(claim)).toEqual({ from: sorted[0], to: sorted[sorted.length - 1] });
      }),
      { numRuns: 200, seed: 30 },
    );
  });

  it('leaves out what is not a calendar date in ISO form; no date at all is no range', () => {
    const lines = (...dates: unknown[]) => ({ lines: dates.map((dateOfService) => ({ dateOfService })) }) as never;
    expect(serviceDatesOf(lines('2026-13-01', '2026-02-30', '2026-02-03', 20260101, '2026-02-01x', '2026-02-01'))).toEqual({
      from: '2026-02-01',
      to: '2026-02-03',
    });
    expect(serviceDatesOf(lines('soon', undefined))).toBeUndefined();
    expect(serviceDatesOf(lines())).toBeUndefined();
    expect(serviceDatesOf({} as never)).toBeUndefined();
    expect(serviceDatesOf({ lines: [null, { dateOfService: '2026-02-01' }] } as never)).toEqual({ from: '2026-02-01', to: '2026-02-01' });
  });
});

import { validateClaim } from '../validate-claim';
import { claimWith } from '../testing/claim.fixture';
import { fluoroCatalog } from '../testing/fluoro.fixture';
import { only } from '../testing/result.helpers';

const catalog = fluoroCatalog();
const mue = (...args: Parameters<typeof claimWith>) => {
  const result = validateClaim(claimWith(...args), catalog);
  return { result, edits: only(result, 'MUE_EXCEEDED') };
};

describe('mue rule', () => {
  it('MAI 1 is per line: G0514 x2 is denied, x1 on two lines is not; the fix is not automatic', () => {
    const over = mue(['G0513', { code: 'G0514', units: 2 }]);
    expect(over.edits).toHaveLength(1);
    expect(over.edits[0]).toMatchObject({
      severity: 'deny',
      lines: [2],
      source: { adjudicationIndicator: 1 },
      fix: { action: 'reduce-units', units: 1, automatic: false },
    });
    expect(over.edits[0].message).toContain('MUE is 1 per line (MAI 1');
    expect(over.result.correctedClaim.lines[1].units).toBe(2);
    expect(mue(['G0513', 'G0514', { code: 'G0514', modifiers: ['XS'] }]).edits).toEqual([]);
  });

  it('MAI 3 sums units across lines of the date and denies them all, corrected to the limit', () => {
    const { edits, result } = mue(['44500', { code: '76000', units: 2 }, { code: '76000', units: 2 }]);
    expect(edits).toHaveLength(1);
    expect(edits[0]).toMatchObject({ lines: [2, 3], source: { adjudicationIndicator: 3 }, fix: { units: 3, automatic: true } });
    expect(edits[0].message).toContain(
      '76000 is billed 4 unit(s) on lines 2, 3; its MUE is 3 per date of service, here 2025-03-14, (MAI 3',
    );
    expect(result.lines.filter((l) => l.denied).map((l) => l.lineNumber)).toEqual([2, 3]);
    expect(result.correctedClaim.lines.map((l) => [l.code, l.units])).toEqual([
      ['44500', 1],
      ['76000', 2],
      ['76000', 1],
    ]);
  });

  it('MAI 2 and 3 do not add up units of different dates', () => {
    expect(
      mue([
        '44500',
        { code: '76000', units: 3 },
        { code: '44500', dateOfService: '2025-03-15' },
        { code: '76000', units: 3, dateOfService: '2025-03-15' },
      ]).edits,
    ).toEqual([]);
  });

  it('at the limit passes', () => {
    expect(mue(['64490', '64491']).edits).toEqual([]);
    expect(mue(['21550', { code: '21550', units: 1 }]).edits).toEqual([]);
  });

  it('uses the outpatient-hospital MUE table on institutional claims', () => {
    const result = validateClaim(
      claimWith(['64520', { code: '77003', units: 2 }], { claimType: 'institutional', placeOfService: '22' }),
      catalog,
    );
    expect(only(result, 'MUE_EXCEEDED')[0].source.dataset).toBe('ncci-mue-hospital');
  });
});

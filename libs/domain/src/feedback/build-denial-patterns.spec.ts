import { buildDenialPatterns, type PatternCounts } from './build-denial-patterns';
import { DenialReportSchema, type DenialReportInput } from './denial-report.schema';
import type { DenialPatterns } from './denial-patterns.view';
import { reportCells } from './report-cells';
import { tallyCells } from './tally-cells';
import { aDenialReport } from './testing/denial-report.fixture';

const counts = (...reports: DenialReportInput[]): PatternCounts =>
  tallyCells(reports.flatMap((r) => reportCells(DenialReportSchema.parse(r))));
const times = (n: number, overrides: Partial<DenialReportInput> = {}) => Array.from({ length: n }, () => aDenialReport(overrides));
const build = (c: PatternCounts, unfiltered?: PatternCounts) =>
  buildDenialPatterns({ code: '77003', threshold: 5, filters: {}, counts: c, unfiltered, strategies: ['Appeal with the op note'] });

const medicaid = { payer: { type: 'medicaid' as const } };
const notAppealed = { appeal: { filed: false as const } };

describe('buildDenialPatterns', () => {
  it('answers only how many more reports are needed below the threshold', () => {
    expect(build(counts(...times(4)))).toMatchObject({ status: 'insufficient', reportsNeeded: 1 });
    expect(build(counts())).toMatchObject({ status: 'insufficient', reportsNeeded: 5 });
  });

  it('shows the patterns from five reports on', () => {
    const p = build(counts(...times(5))) as DenialPatterns;
    expect(p).toMatchObject({ status: 'ok', reports: 5, strategies: ['Appeal with the op note'] });
    expect(p.denialReasons.carc.items).toEqual([{ value: 'CO-97', reports: 5, share: 1 }]);
    expect(p.coBilledCodes.items).toEqual([{ value: '62323', reports: 5, share: 1 }]);
    expect(p.claimflowEdits.items).toEqual([{ value: 'GUIDANCE_INCLUDED', reports: 5, share: 1 }]);
    expect(p.appeals).toMatchObject({ filed: { reports: 5 }, appealRate: 1, overturnRate: null });
  });

  it('folds small cells, and the cells a subtraction would reveal, into other', () => {
    // 12 reports: 9 Medicare, 3 Medicaid; 10 appealed (6 overturned, 4 upheld), 2 not.
    const upheld = { appeal: { filed: true as const, level: 2, outcome: 'upheld' as const } };
    const c = counts(
      ...times(6),
      ...times(3, upheld),
      ...times(1, { ...upheld, ...medicaid }),
      ...times(2, { ...notAppealed, ...medicaid }),
    );
    const p = build(c) as DenialPatterns;
    // Medicare 9 shown beside a total of 12 would give away Medicaid's 3: both fold.
    expect(p.payerTypes).toEqual({ items: [], other: { reports: 12, share: 1 }, suppressed: false });
    // Filed 10 of 12 would give away the 2 not filed, so the appeal figures are withheld.
    expect(p.appeals).toEqual({ filed: null, notFiled: null, appealRate: null, outcomes: null, overturnRate: null });
  });

  it('shows appeal and overturn rates when every figure behind them is five or more', () => {
    const upheld = { appeal: { filed: true as const, level: 1, outcome: 'upheld' as const } };
    const p = build(counts(...times(6), ...times(5, upheld), ...times(5, notAppealed))) as DenialPatterns;
    expect(p.appeals).toMatchObject({ filed: { reports: 11 }, notFiled: { reports: 5 }, appealRate: 0.688, overturnRate: 0.545 });
  });

  it('gives the threshold answer, without a count, when filters isolate fewer than five', () => {
    const all = counts(...times(8), ...times(3, medicaid));
    const onlyMedicaid = counts(...times(3, medicaid));
    expect(build(onlyMedicaid, all)).toMatchObject({ status: 'insufficient', reportsNeeded: null });
    // Medicare-only would hold 8 of 11, leaving 3 to be worked out by subtraction.
    expect(build(counts(...times(8)), all)).toMatchObject({ status: 'insufficient', reportsNeeded: null });
    expect(build(counts(...times(8)), counts(...times(8), ...times(5, medicaid)))).toMatchObject({ status: 'ok', reports: 8 });
  });

  it('suppresses a filtered cell that sits a small step below its unfiltered count', () => {
    const co50 = { denialReasons: { carc: ['CO-50'], rarc: [] } };
    const all = counts(...times(6), ...times(6, co50), ...times(5, { ...medicaid, ...co50 }), ...times(3, medicaid));
    const medicare = counts(...times(6), ...times(6, co50));
    const p = build(medicare, all) as DenialPatterns;
    // CO-97: 9 overall vs 6 for Medicare would reveal 3 Medicaid reports, so it is withheld;
    // CO-50 (11 vs 6, a difference of 5) is shown.
    expect(p.denialReasons.carc.items).toEqual([{ value: 'CO-50', reports: 6, share: 0.5 }]);
    expect(p.denialReasons.carc.other).toEqual({ mentions: 6 });
  });
});

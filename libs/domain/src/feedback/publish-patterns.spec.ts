import { DenialReportSchema, type DenialReportInput } from './denial-report.schema';
import { monthKey, reportCells } from './report-cells';
import { roundCount } from '../publication';
import { publishPatterns } from './publish-patterns';
import type { PublishableReport } from './pattern-lattice';
import { aDenialReport } from './testing/denial-report.fixture';

let order = 0;
/** A report of `reporter`, with a record key spread over [0, 1) as the HMAC-derived keys are. */
function report(reporter: string, overrides: Partial<DenialReportInput> = {}): PublishableReport {
  const r = DenialReportSchema.parse(aDenialReport(overrides));
  order++;
  return {
    contributor: reporter,
    recordKey: (order * 0.6180339887) % 1,
    payerType: r.payer.type,
    state: r.state,
    month: monthKey(r.denialMonth),
    cells: reportCells(r),
    whatWorked: r.whatWorked ?? null,
    order,
  };
}
const many = (n: number, prefix: string, overrides: Partial<DenialReportInput> = {}) =>
  Array.from({ length: n }, (_, i) => report(`${prefix}-${i}`, overrides));
const publish = (reports: PublishableReport[]) => publishPatterns(reports, { threshold: 5, rounding: 5 });

describe('publishPatterns', () => {
  it('publishes nothing while fewer than five distinct reporters stand behind the code, however many reports', () => {
    expect(publish(Array.from({ length: 12 }, () => report('one-biller'))).size).toBe(0);
    expect(publish(many(4, 'r')).size).toBe(0);
  });

  it('publishes the code and its views from five distinct reporters on', () => {
    const views = publish(many(5, 'r'));
    expect([...views.keys()].sort()).toEqual(['all', 'payerType:medicare-part-b', 'state:PA', 'year:2026']);
    expect(views.get('all')).toMatchObject({
      reports: 5,
      denialReasons: { carc: { items: [{ value: 'CO-97', reports: 5, share: 1 }], suppressed: false } },
      appeals: { filed: { reports: 5 }, appealRate: 1 },
    });
    expect(views.get('all')!.strategies).toHaveLength(1);
  });

  it('withholds a view with fewer than k reporters, and a view whose complement in its family has fewer', () => {
    const base = [...many(7, 'pa'), ...many(2, 'oh', { state: 'OH' })];
    expect([...publish(base).keys()].filter((k) => k.startsWith('state:'))).toEqual([]);
    const more = [...base, ...many(3, 'oh2', { state: 'OH' })];
    expect([...publish(more).keys()].filter((k) => k.startsWith('state:')).sort()).toEqual(['state:OH', 'state:PA']);
  });

  it('counts one reporter once toward k in every cell', () => {
    const reports = [
      ...many(5, 'r'),
      ...Array.from({ length: 6 }, () => report('loud', { denialReasons: { carc: ['CO-236'], rarc: [] } })),
    ];
    const carc = publish(reports).get('all')!.denialReasons.carc;
    expect(carc.items.map((i) => i.value)).not.toContain('CO-236');
    expect(carc.suppressed).toBe(true);
  });

  it('hides a value whose reports without it could be subtracted, within a view and across the lattice', () => {
    // Within a view: CO-97 on 10 of 12 would reveal the 2 reports without it.
    const within = [...many(10, 'a'), ...many(2, 'b', { denialReasons: { carc: ['CO-236'], rarc: [] } })];
    expect(publish(within).get('all')!.denialReasons.carc.items).toEqual([]);
    // Across the lattice: CO-97 overall minus CO-97 in PA would reveal the 3 OH reports with it.
    const co16 = (carc: string[]) => ({ denialReasons: { carc, rarc: [] } });
    const across = [
      ...many(6, 'pa', co16(['CO-97'])),
      ...many(3, 'oh', { state: 'OH', ...co16(['CO-16', 'CO-97']) }),
      ...many(3, 'oh-b', { state: 'OH', ...co16(['CO-16']) }),
      ...many(6, 'tx', { state: 'TX', ...co16(['CO-16']) }),
    ];
    const views = publish(across);
    expect(views.get('all')!.denialReasons.carc.items.map((i) => i.value)).toContain('CO-97');
    expect(views.get('state:PA')!.denialReasons.carc.items.map((i) => i.value)).not.toContain('CO-97');
  });

  it('rounds every count to a multiple of five, the same way for the same reports, without bias', () => {
    const reports = many(7, 'r');
    expect(roundCount(reports, 5)).toBe(roundCount([...reports].reverse(), 5));
    let sum = 0;
    for (let i = 0; i < 2000; i++) {
      const c = roundCount([{ recordKey: (i * 0.754877666) % 1 }, ...Array.from({ length: 6 }, () => ({ recordKey: 0 }))], 5);
      expect([5, 10]).toContain(c);
      sum += c;
    }
    expect(sum / 2000).toBeCloseTo(7, 0);
    const all = JSON.stringify(publish([...many(6, 'x'), ...many(7, 'y', { state: 'OH' })]).get('all'));
    for (const n of all.match(/"reports":\d+/g) ?? []) expect(Number(n.split(':')[1]) % 5).toBe(0);
  });
});

import fc from 'fast-check';
import { distinctContributors, recordsOutside, safeResidual } from '../publication';
import { publishEditAccuracy, type PublishableAccuracyLine } from './public-edit-accuracy';

type Code = PublishableAccuracyLine['edits'][number]['code'];
let n = 0;
const line = (
  contributor: string,
  outcome: PublishableAccuracyLine['outcome'],
  edit?: string,
  reasons: string[] = [],
): PublishableAccuracyLine => ({
  contributor,
  recordKey: (++n * 0.6180339887) % 1,
  outcome,
  reasons,
  edits: edit ? [{ code: edit as Code, severity: 'deny' }] : [],
});

describe('publishEditAccuracy', () => {
  const five = ['a', 'b', 'c', 'd', 'e'];
  const six = [...five, 'f'];
  const lines = [
    ...six.map((s, i) => line(s, i < 5 ? 'denied' : 'paid', 'PTP_BUNDLED', ['CO-97'])),
    ...six.map((s) => line(s, 'paid', 'PTP_BUNDLED')),
    ...five.slice(0, 4).map((s) => line(s, 'denied', 'MUE_EXCEEDED', ['CO-151'])),
    ...six.map((s) => line(s, 'denied', undefined, ['CO-50'])),
    ...six.map((s) => line(s, 'paid')),
    // One submitter's own reason is withheld; the lines are also CO-50, so nothing is left over by subtraction.
    line('a', 'denied', undefined, ['CO-50', 'CO-16']),
    line('a', 'denied', undefined, ['CO-50', 'CO-16']),
  ];

  it('shows only rows at least five submitters stand behind, rounded to five, and says nothing of what it withholds', () => {
    const p = publishEditAccuracy(lines);
    expect(p.byEdit.map((r) => r.edit)).toEqual(['PTP_BUNDLED']);
    expect(p.missed.byReason.map((r) => r.reason)).toEqual(['CO-50']);
    expect(p).toMatchObject({ minReporters: 5, rounding: 5 });
    for (const v of [p.lines, p.denied, p.missed.lines, p.byEdit[0].flagged, p.byEdit[0].denied, p.missed.byReason[0].lines]) {
      expect(v).not.toBeNull();
      expect(v! % 5).toBe(0);
    }
    expect(JSON.stringify(p)).not.toMatch(/suppressed|"a"|contributor/);
  });

  it('withholds a row whose denied part, or whose complement, fewer than five submitters stand behind', () => {
    // PTP flagged for six submitters, but denied for one only: the row would single that one out.
    const oneDenied = [...six.map((s, i) => line(s, i ? 'paid' : 'denied', 'PTP_BUNDLED', ['CO-97'])), ...six.map((s) => line(s, 'paid'))];
    expect(publishEditAccuracy(oneDenied).byEdit).toEqual([]);
    // Every line but two submitters' is flagged: total minus flagged would single out those two.
    const allButTwo = [...six.map((s) => line(s, 'paid', 'PTP_BUNDLED')), line('x', 'paid'), line('y', 'paid')];
    expect(publishEditAccuracy(allButTwo).byEdit).toEqual([]);
  });

  it('never goes below five, and shows nothing of fewer submitters', () => {
    expect(publishEditAccuracy(lines, 2).minReporters).toBe(5);
    expect(publishEditAccuracy(lines.filter((l) => l.contributor === 'a'))).toMatchObject({
      lines: null,
      denied: null,
      byEdit: [],
      missed: { lines: null, byReason: [] },
    });
  });

  it('for any lines: every figure shown has k submitters behind it and nothing withheld is left over by subtraction', () => {
    const arb = fc.array(
      fc.record({
        contributor: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
        outcome: fc.constantFrom('paid', 'denied', 'adjusted', 'reversed' as const),
        edit: fc.option(fc.constantFrom('PTP_BUNDLED', 'MUE_EXCEEDED', 'GUIDANCE_INCLUDED')),
        reason: fc.constantFrom('CO-97', 'CO-16', 'CO-50'),
      }),
      { maxLength: 80 },
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const ls = raw.map((r) => line(r.contributor, r.outcome as PublishableAccuracyLine['outcome'], r.edit ?? undefined, [r.reason]));
        const p = publishEditAccuracy(ls);
        const all = ls.filter((l) => l.outcome !== 'reversed');
        if (p.lines !== null) expect(distinctContributors(all)).toBeGreaterThanOrEqual(5);
        for (const row of p.byEdit) {
          const flagged = all.filter((l) => l.edits.some((e) => e.code === row.edit));
          expect(distinctContributors(flagged)).toBeGreaterThanOrEqual(5);
          const denied = flagged.filter((l) => l.outcome === 'denied');
          for (const part of [denied, recordsOutside(flagged, [denied]), recordsOutside(all, [flagged])])
            expect(safeResidual(part, 5)).toBe(true);
          expect(row.flagged % 5).toBe(0);
        }
        const shownFlagged = p.byEdit.map((r) => all.filter((l) => l.edits.some((e) => e.code === r.edit)));
        if (shownFlagged.length > 0) expect(safeResidual(recordsOutside(all, shownFlagged), 5)).toBe(true);
        for (const r of p.missed.byReason)
          expect(
            distinctContributors(all.filter((l) => l.outcome === 'denied' && l.edits.length === 0 && l.reasons.includes(r.reason))),
          ).toBeGreaterThanOrEqual(5);
        // The same lines in another order give the same answer.
        expect(publishEditAccuracy([...ls].reverse())).toEqual(p);
      }),
    );
  });
});

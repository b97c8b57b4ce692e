import fc from 'fast-check';
import { distinctContributors, recordsOutside, safeResidual, thresholdOf } from './contributors';
import { roundCount } from './cell-key-rounding';
import { groupRecords, shownGroups } from './shown-groups';
import { snapshotDue, throughOf } from './snapshot-gate';

interface Rec {
  readonly contributor: string;
  readonly recordKey: number;
  readonly values: readonly string[];
}
const record = fc.record({
  contributor: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
  recordKey: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  values: fc.uniqueArray(fc.constantFrom('x', 'y', 'z', 'w'), { maxLength: 3 }),
});
const records = fc.array(record, { maxLength: 60 });
const K = 5;

describe('publication rules (shared by denial patterns and edit accuracy)', () => {
  it('rounds to a multiple of the base, within one base of the count, the same for the same records in any order', () => {
    fc.assert(
      fc.property(records, fc.integer({ min: 1, max: 10 }), (rs, base) => {
        const c = roundCount(rs, base);
        expect(c % base).toBe(0);
        expect(Math.abs(c - rs.length)).toBeLessThan(base);
        expect(roundCount([...rs].reverse(), base)).toBe(c);
      }),
    );
  });

  it('never takes k below five', () => {
    fc.assert(fc.property(fc.integer({ min: -10, max: 20 }), (k) => expect(thresholdOf(k)).toBeGreaterThanOrEqual(5)));
  });

  it('shows only groups of k contributors whose complement, and (as a partition) whose left-over, are safe', () => {
    fc.assert(
      fc.property(records, fc.boolean(), (rs, partition) => {
        const base = partition ? rs.map((r) => ({ ...r, values: r.values.slice(0, 1) })) : rs;
        const shown = shownGroups(
          base,
          groupRecords(base, (r: Rec) => r.values),
          K,
          { partition, complement: true },
        );
        for (const g of shown) {
          expect(distinctContributors(g.records)).toBeGreaterThanOrEqual(K);
          expect(safeResidual(recordsOutside(base, [g.records]), K)).toBe(true);
        }
        if (partition && shown.length > 0)
          expect(
            safeResidual(
              recordsOutside(
                base,
                shown.map((g) => g.records),
              ),
              K,
            ),
          ).toBe(true);
      }),
    );
  });

  it('publishes a first snapshot from k contributors on, and a later one only after k new contributors', () => {
    const arrivals = fc.array(fc.record({ contributor: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), arrived: fc.nat(1000) }), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(arrivals, arrivals, fc.constantFrom('a', 'victim'), (before, after, one) => {
        expect(snapshotDue(before, null, K)).toBe(distinctContributors(before) >= K);
        const through = throughOf(before) ?? 0;
        // One contributor acting after the last snapshot never makes a new one due.
        const single = after.map((r) => ({ contributor: one, arrived: through + 1 + r.arrived }));
        expect(snapshotDue([...before, ...single], through, K)).toBe(false);
        const fresh = after.map((r) => ({ ...r, arrived: through + 1 + r.arrived }));
        expect(snapshotDue([...before, ...fresh], through, K)).toBe(distinctContributors(fresh) >= K);
      }),
    );
  });
});

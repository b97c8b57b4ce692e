import fc from 'fast-check';
import { groupNotChecked, notCheckedOfFindings, type SingleNotChecked } from './not-checked-groups';

const standIn = (dataset: SingleNotChecked['dataset'], notes?: string[]): SingleNotChecked => ({
  dataset,
  reason: 'stand-in',
  release: 'NCCI-2024Q3',
  lines: [1, 2, 3],
  from: '2025-04-15',
  to: '2025-04-15',
  validFrom: '2024-07-01',
  validTo: '2024-09-30',
  ...(notes ? { notes } : {}),
});
const wire = (v: unknown) => JSON.stringify(v);

describe('notChecked entries that differ only in their dataset, stated once', () => {
  it('a stand-in NCCI release: the MUE and add-on entries as one, the PTP entry (with its notes) alone', () => {
    const entries = [
      standIn('ncci-ptp-practitioner', ['PTP effective dates are missing from this release']),
      standIn('ncci-mue-practitioner'),
      standIn('ncci-addon'),
    ];
    const grouped = groupNotChecked(entries);
    expect(grouped).toEqual(
      [entries[0], { datasets: ['ncci-mue-practitioner', 'ncci-addon'], ...standIn('ncci-addon') }].map(withoutDataset(1)),
    );
    expect(wire(grouped).length).toBeLessThan(wire(entries).length - 150);
    expect(wire(notCheckedOfFindings(grouped))).toBe(wire(notCheckedOfFindings(entries)));
  });

  it('keeps the order: equal entries apart are not put together, nor one worded other than its dataset', () => {
    const apart = [standIn('ncci-mue-practitioner'), standIn('mpfs-rvu', ['x']), standIn('ncci-addon')];
    expect(groupNotChecked(apart)).toEqual(apart);
    const worded = [{ ...standIn('ncci-mue-practitioner'), family: 'the MUE table' }, standIn('ncci-addon')];
    expect(groupNotChecked(worded)).toEqual(worded);
    // The same fields in another order: together they would not come back as they were.
    const addon = standIn('ncci-addon');
    const { lines, ...others } = addon;
    const reordered = [standIn('ncci-mue-practitioner'), { ...others, lines }];
    expect(groupNotChecked(reordered)).toHaveLength(2);
    expect(wire(notCheckedOfFindings(groupNotChecked(reordered)))).toBe(wire(notCheckedOfFindings(reordered)));
  });

  it('completing gives every list of entries back exactly, key order included', () => {
    const entry = fc.record(
      {
        dataset: fc.constantFrom(
          'ncci-ptp-practitioner' as const,
          'ncci-mue-practitioner' as const,
          'ncci-addon' as const,
          'mpfs-rvu' as const,
        ),
        family: fc.constantFrom('the family', undefined),
        reason: fc.constantFrom('no-release' as const, 'stand-in' as const, 'partial' as const),
        release: fc.constantFrom('NCCI-2024Q3', undefined),
        lines: fc.constantFrom([1], [1, 2]),
        from: fc.constantFrom('2025-04-15'),
        to: fc.constantFrom('2025-04-15', '2025-04-16'),
        notes: fc.constantFrom(['a note'], undefined),
      },
      { requiredKeys: ['dataset', 'reason', 'lines', 'from', 'to'] },
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (entries) => {
        const single = entries.map((e) => JSON.parse(wire(e)) as SingleNotChecked);
        const grouped = groupNotChecked(single);
        expect(grouped.length).toBeLessThanOrEqual(single.length);
        expect(wire(notCheckedOfFindings(JSON.parse(wire(grouped))))).toBe(wire(notCheckedOfFindings(single)));
      }),
      { numRuns: 2000 },
    );
  });
});

/** The entry at `index` without its `dataset` (a group names its datasets). */
function withoutDataset(index: number) {
  return (e: object, i: number) => {
    if (i !== index) return e;
    const { dataset: _dataset, ...rest } = e as SingleNotChecked;
    void _dataset;
    return rest;
  };
}

import { derivableAgainst, suppressCells } from './suppress-cells';

const cells = (o: Record<string, number>) => Object.entries(o).map(([value, count]) => ({ value, count }));

describe('suppressCells', () => {
  it('shows cells of five or more and folds the rest into other when other reaches five', () => {
    const r = suppressCells({ cells: cells({ a: 12, b: 7, c: 3, d: 2 }), total: 24, threshold: 5 });
    expect(r.shown).toEqual(cells({ a: 12, b: 7 }));
    expect(r.other).toBe(5);
  });

  it('folds the smallest shown cell when the lone small cell could be worked out from the total', () => {
    // 10 + 6 + 2 = 18: showing 10 and 6 beside the total 18 gives away the 2.
    const r = suppressCells({ cells: cells({ a: 10, b: 6, c: 2 }), total: 18, threshold: 5 });
    expect(r.shown).toEqual(cells({ a: 10 }));
    expect(r.other).toBe(8);
  });

  it('keeps folding until the residual reaches the threshold or nothing is shown', () => {
    const r = suppressCells({ cells: cells({ a: 5, b: 5, c: 1 }), total: 11, threshold: 5 });
    // Folding b leaves 6 in other; a stays.
    expect(r.shown).toEqual(cells({ a: 5 }));
    expect(r.other).toBe(6);
    const two = suppressCells({ cells: cells({ filed: 7, 'not-filed': 3 }), total: 10, threshold: 5 });
    expect(two.shown).toEqual([]);
    expect(two.other).toBe(10);
  });

  it('does not fold when the residual is zero (nothing small to derive)', () => {
    const r = suppressCells({ cells: cells({ a: 9, b: 6 }), total: 15, threshold: 5 });
    expect(r.shown).toEqual(cells({ a: 9, b: 6 }));
    expect(r.other).toBeNull();
  });

  it('guards the residual against the report total for multi-valued dimensions', () => {
    // Reason codes: 20 reports, one mention each, but only 17 in the shown cells: 3 derivable.
    const r = suppressCells({ cells: cells({ 'CO-97': 11, 'CO-236': 6, 'CO-50': 3 }), total: 20, threshold: 5 });
    expect(r.shown).toEqual(cells({ 'CO-97': 11 }));
    expect(r.other).toBe(9);
    // Overlapping mentions: the shown cells exceed the total, nothing is derivable.
    const overlap = suppressCells({ cells: cells({ x: 9, y: 8, z: 1 }), total: 10, threshold: 5 });
    expect(overlap.shown).toEqual(cells({ x: 9, y: 8 }));
  });

  it('hides a small tail entirely when it cannot reach the threshold even as other', () => {
    const r = suppressCells({ cells: cells({ PTP_BUNDLED: 2, MUE_EXCEEDED: 1 }), total: 30, threshold: 5 });
    expect(r).toEqual({ shown: [], folded: 3, other: null });
  });

  it('uses the configured threshold', () => {
    const r = suppressCells({ cells: cells({ a: 9, b: 6, c: 5 }), total: 20, threshold: 6 });
    expect(r.shown).toEqual(cells({ a: 9 }));
    expect(r.other).toBe(11);
  });

  it('never shows forced cells and limits how many are shown', () => {
    const r = suppressCells({ cells: cells({ a: 20, b: 10, c: 8, d: 7 }), total: 45, threshold: 5, maxShown: 2, forced: new Set(['a']) });
    expect(r.shown).toEqual(cells({ b: 10, c: 8 }));
    expect(r.other).toBe(27);
  });
});

describe('derivableAgainst', () => {
  it('flags values whose filtered count is a small step below the unfiltered one', () => {
    const parent = cells({ a: 30, b: 12, c: 9 });
    const filtered = cells({ a: 27, b: 12, c: 2 });
    expect([...derivableAgainst(parent, filtered, 5)]).toEqual(['a']);
  });
});

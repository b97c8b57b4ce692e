import { describe, expect, it } from '@jest/globals';
import { arrangeWorklist, needsAttention } from './worklist-order';

const claim = (id: string, status: string, denied?: boolean) => ({
  id,
  status: status as 'priced',
  ...(denied === undefined ? {} : { denied }),
});

describe('the worklist order', () => {
  it('puts rejected claims first, then predicted denials, then the rest, each in the list’s newest-first order', () => {
    const list = [
      claim('1', 'priced', false),
      claim('2', 'priced', true),
      claim('3', 'rejected'),
      claim('4', 'received'),
      claim('5', 'validated', true),
      claim('6', 'rejected'),
      claim('7', 'voided', false),
    ];
    const { attention, others } = arrangeWorklist(list);
    expect(attention.map((c) => c.id)).toEqual(['3', '6', '2', '5']);
    expect(others.map((c) => c.id)).toEqual(['1', '4', '7']);
  });

  it('loses and repeats no claim', () => {
    const list = ['priced', 'rejected', 'received', 'normalized', 'validated', 'replaced', 'voided'].flatMap((s, i) => [
      claim(`${i}a`, s, true),
      claim(`${i}b`, s, false),
      claim(`${i}c`, s),
    ]);
    const { attention, others } = arrangeWorklist(list);
    expect([...attention, ...others].map((c) => c.id).sort()).toEqual(list.map((c) => c.id).sort());
  });

  it('needs attention only when rejected or predicted denied (not before validation)', () => {
    expect(needsAttention({ status: 'rejected' })).toBe(true);
    expect(needsAttention({ status: 'priced', denied: true })).toBe(true);
    expect(needsAttention({ status: 'priced', denied: false })).toBe(false);
    expect(needsAttention({ status: 'normalized' })).toBe(false);
  });
});

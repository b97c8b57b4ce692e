import { distinctStrategies, strategyKey } from './strategy-key';

describe('strategies', () => {
  it('treats texts differing only in case, spacing and closing punctuation as one', () => {
    expect(strategyKey('  Appealed with  the OP note. ')).toBe(strategyKey('appealed with the op note'));
    expect(strategyKey('Appealed with the op note')).not.toBe(strategyKey('Appealed without the op note'));
  });

  it('keeps the first of each group, in order, up to the limit', () => {
    expect(distinctStrategies(['A one.', 'b two', 'a ONE', '', 'c three'], 2)).toEqual(['A one.', 'b two']);
  });
});

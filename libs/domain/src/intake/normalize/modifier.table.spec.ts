import { isKnownModifier, KNOWN_MODIFIERS } from './modifier.table';

describe('modifier table', () => {
  it('knows the modifiers Medicare imaging and procedure claims use', () => {
    const expected = [
      '22',
      '25',
      '26',
      'TC',
      '50',
      '51',
      '59',
      'XE',
      'XP',
      'XS',
      'XU',
      'LT',
      'RT',
      'E1',
      'E4',
      'FA',
      'F9',
      'TA',
      'T9',
      'LC',
      'LD',
      'LM',
      'RC',
      'RI',
      'AS',
      'GA',
      'GY',
      'GZ',
      'GT',
      '95',
      'KX',
      'Q5',
      'Q6',
      'QW',
      'CP',
      'GD',
      'JG',
    ];
    expect(expected.filter((m) => !isKnownModifier(m))).toEqual([]);
  });

  it('rejects codes that are not modifiers', () => {
    expect(['ZZ', '00', '21', 'T0', 'F0', 'E5', '26 ', 'tc'].filter(isKnownModifier)).toEqual([]);
    expect(KNOWN_MODIFIERS.size).toBeGreaterThan(150);
  });
});

import { isKnownModifier, KNOWN_MODIFIERS } from './modifier.table';
import { isKnownPlaceOfService, PLACE_OF_SERVICE_CODES } from './place-of-service.table';

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

describe('place-of-service table', () => {
  it('holds the CMS code set without unassigned codes', () => {
    expect(['01', '02', '10', '11', '19', '22', '24', '27', '49', '58', '66', '99'].every(isKnownPlaceOfService)).toBe(true);
    expect(['00', '28', '30', '35', '40', '43', '48', '59', '63', '67', '80', '98'].filter(isKnownPlaceOfService)).toEqual([]);
    expect(PLACE_OF_SERVICE_CODES.size).toBe(52);
  });
});

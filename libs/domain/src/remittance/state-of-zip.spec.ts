import { stateOfZip } from './state-of-zip';

describe('stateOfZip', () => {
  it('names the state of a ZIP by its sectional center, and none for military or malformed ones', () => {
    expect(['10016', '35203', '90210', '20001', '733011234', '99501', '00901', '09001', '1001', undefined].map(stateOfZip)).toEqual([
      'NY',
      'AL',
      'CA',
      'DC',
      'TX',
      'AK',
      'PR',
      undefined,
      undefined,
      undefined,
    ]);
  });
});

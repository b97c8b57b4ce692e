import { DATASET_NAMES, datasetName, fieldWords, inWords } from './page-words';

describe('page words: dataset ids and field names as billers read them', () => {
  it('names every dataset, and leaves an unknown id as it is', () => {
    expect(datasetName('ncci-mue-practitioner')).toBe('NCCI unit limits (MUE), practitioner');
    expect(datasetName('mpfs-locco')).toBe('payment locality list');
    expect(datasetName('something-else')).toBe('something-else');
    for (const name of Object.values(DATASET_NAMES)) expect(name).not.toMatch(/^(mpfs|ncci)-/);
  });

  it('rewrites every dataset id inside a message, the longest id first, and nothing else', () => {
    expect(inWords('No ncci-addon release is in force on 2025-03-05; the newest loaded release NCCI-2024Q3 was used instead.')).toBe(
      'No NCCI add-on code list release is in force on 2025-03-05; the newest loaded release NCCI-2024Q3 was used instead.',
    );
    expect(inWords('mpfs-rvu and ncci-ptp-hospital; mpfs-rvu-extra stays')).toBe(
      'Physician Fee Schedule RVUs and NCCI bundling pairs (PTP), outpatient hospital; mpfs-rvu-extra stays',
    );
    expect(inWords('MPFS-2025-OCT')).toBe('MPFS-2025-OCT');
  });

  it.each([
    ['conversionFactor', 'conversion factor'],
    ['nonFacilityPeRvu', 'non-facility PE RVU'],
    ['workRvu', 'work RVU'],
    ['mai', 'MAI'],
    ['status', 'status'],
  ])('says the field %s as "%s"', (field, words) => {
    expect(fieldWords(field)).toBe(words);
  });
});

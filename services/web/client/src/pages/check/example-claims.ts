/** A lumbar epidural with separately billed fluoroscopy: the classic 77003 denial. */
export const EXAMPLE_CLAIM = {
  submitterClaimId: 'EXAMPLE-LESI',
  frequencyCode: '1',
  placeOfService: '11',
  payer: { type: 'medicare-part-b' },
  billingProvider: { npi: '1234567893', zip: '10016' },
  renderingProviderNpi: '1049726353',
  diagnoses: ['M54.51'],
  lines: [
    { lineNumber: 1, code: '62323', modifiers: [], units: 1, charge: 950, dateOfService: '2025-03-10', diagnosisPointers: [1] },
    { lineNumber: 2, code: '77003', modifiers: [], units: 1, charge: 210, dateOfService: '2025-03-10', diagnosisPointers: [1] },
  ],
};

import { acknowledgmentOf } from './acknowledgment';

describe('a claim’s acknowledgment from its status', () => {
  it('has none while the claim is in flight', () => {
    for (const status of ['received', 'normalized', 'validated']) expect(acknowledgmentOf(status)).toEqual({ kind: 'pending' });
  });

  it('is accepted for processing (A2:20) once final and not rejected', () => {
    for (const status of ['priced', 'replaced', 'voided']) expect(acknowledgmentOf(status)).toEqual({ kind: 'accepted', status: 'A2:20' });
  });

  it('is rejected with the 277CA status of each distinct reason, the domain’s own mapping', () => {
    const reasons = [
      { code: 'NPI_INVALID', path: 'billingProvider.npi' },
      { code: 'REQUIRED', path: 'lines[0].code' },
      { code: 'NPI_INVALID', path: 'billingProvider.npi' },
    ];
    expect(acknowledgmentOf('rejected', reasons)).toEqual({ kind: 'rejected', statuses: ['A7:562:85', 'A6:454'] });
    expect(acknowledgmentOf('rejected')).toEqual({ kind: 'rejected', statuses: ['A3:21'] });
  });
});

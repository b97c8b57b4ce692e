import { describe, expect, it } from '@jest/globals';
import { claimsPageUrl, dayAfter, filterLabel, NO_FILTERS } from './worklist-query';

const params = (url: string) => Object.fromEntries(new URL(url, 'http://web').searchParams);

describe('the worklist page URL', () => {
  it('asks ingest through web’s proxy, with only the page size when no filter is set', () => {
    expect(claimsPageUrl(NO_FILTERS, 50)).toBe('/api/ingest/v1/claims?limit=50');
  });

  it('names every filter as ingest does, several statuses and edits comma-separated, and carries the cursor as is', () => {
    const url = claimsPageUrl(
      {
        statuses: ['rejected', 'priced'],
        receivedFrom: '2026-11-01',
        receivedTo: '2026-11-30',
        serviceFrom: '2026-10-01',
        serviceTo: '2026-10-31',
        submitterClaimId: '  PCN-1001 ',
        editCodes: ['PTP_BUNDLED', 'MUE_EXCEEDED'],
        denied: 'true',
        payerOutcome: 'false',
      },
      10,
      'abc_-123',
    );
    expect(url.startsWith('/api/ingest/v1/claims?')).toBe(true);
    expect(params(url)).toEqual({
      status: 'rejected,priced',
      receivedSince: '2026-11-01',
      receivedUntil: '2026-12-01',
      serviceFrom: '2026-10-01',
      serviceTo: '2026-10-31',
      submitterClaimId: 'PCN-1001',
      editCode: 'PTP_BUNDLED,MUE_EXCEEDED',
      denied: 'true',
      payerOutcome: 'false',
      limit: '10',
      cursor: 'abc_-123',
    });
  });

  it('encodes a claim number with URL characters so it stays one exact value', () => {
    expect(params(claimsPageUrl({ ...NO_FILTERS, submitterClaimId: 'A&B=C #1' }, 50)).submitterClaimId).toBe('A&B=C #1');
  });

  it('includes the whole "received to" day (ingest’s receivedUntil is exclusive), across months, years and leap days', () => {
    expect(dayAfter('2026-01-31')).toBe('2026-02-01');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
    expect(dayAfter('2027-02-28')).toBe('2027-03-01');
  });

  it('names ingest’s parameters by the form’s labels in a 400, an unknown one as sent', () => {
    expect(filterLabel('receivedUntil')).toBe('Received to');
    expect(filterLabel('editCode')).toBe('Edit');
    expect(filterLabel('other')).toBe('other');
  });
});

import { describe, expect, it } from '@jest/globals';
import { claimsPageUrl, filterLabel, localDayStart, NO_FILTERS } from './worklist-query';

/**
 * New York's offset at the midnight starting each day, as Date#getTimezoneOffset gives it: the clocks change at 2 am,
 * so EDT (240) from the day after the second Sunday of March to the first Sunday of November, 2026 to 2028.
 */
const newYork = (day: Date) => {
  const iso = day.toISOString().slice(0, 10);
  const dst = [
    ['2026-03-08', '2026-11-01'],
    ['2027-03-14', '2027-11-07'],
    ['2028-03-12', '2028-11-05'],
  ];
  return dst.some(([from, to]) => iso > from && iso <= to) ? 240 : 300;
};

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
      receivedSince: localDayStart('2026-11-01'),
      receivedUntil: localDayStart('2026-11-30', true),
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

  it('reads received dates as local days, the "received to" day included (ingest’s receivedUntil is exclusive)', () => {
    expect(localDayStart('2026-03-07', false, newYork)).toBe('2026-03-07T05:00:00.000Z');
    // The clocks go forward on 2026-03-08: that day starts at -5 h, the next at -4 h.
    expect(localDayStart('2026-03-08', false, newYork)).toBe('2026-03-08T05:00:00.000Z');
    expect(localDayStart('2026-03-08', true, newYork)).toBe('2026-03-09T04:00:00.000Z');
    expect(localDayStart('2026-12-31', true, newYork)).toBe('2027-01-01T05:00:00.000Z');
    expect(localDayStart('2028-02-28', true, newYork)).toBe('2028-02-29T05:00:00.000Z');
    expect(localDayStart('2026-01-31', true, newYork)).toBe('2026-02-01T05:00:00.000Z');
    // East of UTC a day starts the evening before.
    expect(localDayStart('2026-06-01', false, () => -120)).toBe('2026-05-31T22:00:00.000Z');
    // This machine's own zone: the local midnight.
    expect(new Date(localDayStart('2026-06-01')).getHours()).toBe(0);
  });

  it('names ingest’s parameters by the form’s labels in a 400, an unknown one as sent', () => {
    expect(filterLabel('receivedUntil')).toBe('Received to');
    expect(filterLabel('editCode')).toBe('Edit');
    expect(filterLabel('other')).toBe('other');
  });
});

import fc from 'fast-check';
import { parseClaimListQuery } from './list-claims.query';
import { decodeCursor, encodeCursor } from '../http/keyset-cursor';

const ID = '0b7f3c1e-5d2a-4c8b-9e6f-1a2b3c4d5e6f';
const paths = (query: unknown) => {
  const parsed = parseClaimListQuery(query);
  return parsed.ok ? [] : parsed.error.map((p) => p.path);
};

describe('GET /v1/claims query', () => {
  it('defaults to 50 claims, no filter', () => {
    expect(parseClaimListQuery({})).toEqual({ ok: true, value: expect.objectContaining({ limit: 50, after: undefined }) });
  });

  it('takes statuses and edit codes repeated or comma-separated, once each', () => {
    const parsed = parseClaimListQuery({ status: ['priced', 'rejected,priced'], editCode: 'PTP_BUNDLED,MUE_EXCEEDED' });
    expect(parsed.ok && parsed.value.statuses).toEqual(['priced', 'rejected']);
    expect(parsed.ok && parsed.value.editCodes).toEqual(['PTP_BUNDLED', 'MUE_EXCEEDED']);
  });

  it('reads dates as the start of their UTC day and flags as booleans', () => {
    const parsed = parseClaimListQuery({
      receivedSince: '2026-01-02',
      receivedUntil: '2026-01-03T10:00:00+02:00',
      denied: 'false',
      payerOutcome: 'true',
    });
    expect(parsed).toEqual({
      ok: true,
      value: expect.objectContaining({
        receivedSince: '2026-01-02T00:00:00.000Z',
        receivedUntil: '2026-01-03T08:00:00.000Z',
        denied: false,
        payerOutcome: true,
      }),
    });
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '501' }, 'limit'],
    [{ limit: '5.5' }, 'limit'],
    [{ status: 'paid' }, 'status'],
    [{ status: ['priced', { x: 1 }] }, 'status'],
    [{ editCode: 'NOT_AN_EDIT' }, 'editCode'],
    [{ receivedSince: 'yesterday' }, 'receivedSince'],
    [{ receivedUntil: '2026-02-30T00:00:00Z' }, 'receivedUntil'],
    [{ serviceFrom: '2026-1-1' }, 'serviceFrom'],
    [{ serviceFrom: '2026-02-01', serviceTo: '2026-01-01' }, 'serviceTo'],
    [{ receivedSince: '2026-02-01', receivedUntil: '2026-02-01' }, 'receivedUntil'],
    [{ submitterClaimId: 'x'.repeat(39) }, 'submitterClaimId'],
    [{ denied: 'yes' }, 'denied'],
    [{ payerOutcome: '1' }, 'payerOutcome'],
    [{ cursor: 'bm90IGEgY3Vyc29y' }, 'cursor'],
    [{ offset: '100' }, 'offset'],
  ])('refuses %j naming %s', (query, path) => {
    expect(paths(query)).toEqual([path]);
  });

  it('names every wrong parameter at once', () => {
    expect(paths({ limit: '-1', status: 'x', denied: 'maybe' }).sort()).toEqual(['denied', 'limit', 'status']);
  });

  it('gives back the position its own cursor names', () => {
    const cursor = encodeCursor({ receivedAt: '2026-12-06T00:01:02.345Z', id: ID });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseClaimListQuery({ cursor })).toEqual({
      ok: true,
      value: expect.objectContaining({ after: { receivedAt: '2026-12-06T00:01:02.345Z', id: ID } }),
    });
  });

  it.each([
    ['not base64url', 'a+b/c='],
    ['not JSON', Buffer.from('{').toString('base64url')],
    ['another version', Buffer.from(JSON.stringify({ v: 2, r: '2026-12-06T00:01:02.345Z', i: ID })).toString('base64url')],
    ['an extra key', Buffer.from(JSON.stringify({ v: 1, r: '2026-12-06T00:01:02.345Z', i: ID, o: 5 })).toString('base64url')],
    ['no id', Buffer.from(JSON.stringify({ v: 1, r: '2026-12-06T00:01:02.345Z' })).toString('base64url')],
    ['a bad time', Buffer.from(JSON.stringify({ v: 1, r: '2026-13-06T00:01:02.345Z', i: ID })).toString('base64url')],
  ])('refuses a cursor that is %s', (_what, cursor) => {
    expect(decodeCursor(cursor)).toBeUndefined();
    expect(paths({ cursor })).toEqual(['cursor']);
  });

  it('never throws on any query string values, and answers either a filter or named problems', () => {
    const value = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }), fc.base64String());
    const keys = fc.constantFrom('status', 'limit', 'cursor', 'receivedSince', 'serviceTo', 'editCode', 'denied', 'junk');
    fc.assert(
      fc.property(fc.dictionary(keys, value), (query) => {
        const parsed = parseClaimListQuery(query);
        if (!parsed.ok) expect(parsed.error.every((p) => Object.keys(query).includes(p.path))).toBe(true);
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 500) },
    );
  });
});

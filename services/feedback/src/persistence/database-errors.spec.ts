import { isDatabaseUnavailable, isUniqueViolation } from './database-errors';

describe('database error classification', () => {
  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5999'), { code: 'ECONNREFUSED' })],
    ['node-postgres losing its socket', new Error('Connection terminated unexpectedly')],
    ['a client left broken by that', new Error('Client has encountered a connection error and is not queryable')],
    [
      'the Prisma adapter closing',
      Object.assign(new Error('ConnectionClosed'), { name: 'DriverAdapterError', cause: { kind: 'ConnectionClosed' } }),
    ],
    [
      'an administrator shutdown (57P01)',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ],
    ['too many connections (53300)', { code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '53300' } } } }],
  ])('treats %s as unavailable', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('does not treat bugs or constraint violations as an outage', () => {
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable({ code: 'P2002' })).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
  });

  it('recognises a unique violation from Prisma or Postgres', () => {
    expect(isUniqueViolation({ code: 'P2002' })).toBe(true);
    expect(isUniqueViolation({ cause: { code: '23505' } })).toBe(true);
    expect(isUniqueViolation({ code: '23503' })).toBe(false);
  });
});

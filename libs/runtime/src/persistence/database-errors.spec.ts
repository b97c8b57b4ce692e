import { isDatabaseUnavailable, isTransientDatabaseError, isUniqueViolation } from './database-errors';

const withCode = (message: string, code: string, extra: object = {}) => Object.assign(new Error(message), { code, ...extra });
const prisma = (code: string, message: string, meta?: object) =>
  Object.assign(new Error(message), { name: 'PrismaClientKnownRequestError', code, ...(meta ? { meta } : {}) });

describe('isDatabaseUnavailable', () => {
  it.each([
    // Prisma
    ['P1001 cannot reach the server', prisma('P1001', "Can't reach database server at 127.0.0.1:5432")],
    ['P1002 the server timed out', prisma('P1002', 'The database server was reached but timed out')],
    ['P1008 an operation timed out', prisma('P1008', 'Operations timed out after 10s')],
    ['P1017 the server closed the connection', prisma('P1017', 'Server has closed the connection.')],
    [
      'P2010 whose message says the connection closed',
      prisma('P2010', 'Raw query failed. Code: `N/A`. Message: `Server has closed the connection.`'),
    ],
    [
      'P2010 with the message in its meta',
      prisma('P2010', 'Raw query failed.', { code: 'N/A', message: 'Connection terminated unexpectedly' }),
    ],
    [
      'P2010 wrapping an admin shutdown',
      prisma('P2010', 'Raw query failed.', { driverAdapterError: { cause: { kind: 'postgres', code: '57P01' } } }),
    ],
    [
      'P2010 wrapping too many connections',
      prisma('P2010', 'Raw query failed.', { driverAdapterError: { cause: { originalCode: '53300' } } }),
    ],
    ['P2024 no connection from the pool in time', prisma('P2024', 'Timed out fetching a new connection from the connection pool.')],
    [
      'P2028 a transaction that could not start',
      prisma('P2028', 'Transaction API error: Unable to start a transaction in the given time.'),
    ],
    ['an initialisation error', Object.assign(new Error('cannot connect'), { name: 'PrismaClientInitializationError' })],
    [
      'the pg adapter: connection closed',
      Object.assign(new Error('ConnectionClosed'), { name: 'DriverAdapterError', cause: { kind: 'ConnectionClosed' } }),
    ],
    [
      'the pg adapter: not reachable',
      Object.assign(new Error('x'), { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable' } }),
    ],
    // node-postgres and pg-pool
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5999', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a connection lost under a query', new Error('Connection terminated unexpectedly')],
    ['a client left broken by that', new Error('Client has encountered a connection error and is not queryable')],
    ['a pool with no connection to give', new Error('timeout exceeded when trying to connect')],
    ['57P01 admin shutdown', withCode('terminating connection due to administrator command', '57P01')],
    ['57P02 crash shutdown', withCode('terminating connection because of crash of another server process', '57P02')],
    ['57P03 cannot connect now', withCode('the database system is starting up', '57P03')],
    ['08006 connection failure', withCode('connection failure', '08006')],
    ['08P01 protocol violation', withCode('protocol violation', '08P01')],
    ['53300 too many connections', withCode('sorry, too many clients already', '53300')],
    [
      'our own marker (DATABASE_UNAVAILABLE)',
      Object.assign(new Error('the claim ledger is unreachable'), { code: 'DATABASE_UNAVAILABLE' }),
    ],
    ['a wrapped cause', Object.assign(new Error('ledger write failed'), { cause: withCode('x', '57P01') })],
  ])('%s: unavailable', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it.each([
    ['a bug', new TypeError('x is undefined')],
    ['nothing', null],
    ['a string', 'Connection terminated'],
    ['P2002 unique violation', prisma('P2002', 'Unique constraint failed')],
    ['P2010 for a syntax error', prisma('P2010', 'Raw query failed. Code: `42601`. Message: `syntax error at or near "x"`')],
    ['P2025 record not found', prisma('P2025', 'Record to update not found')],
    ['42601 syntax error', withCode('syntax error', '42601')],
    ['23505 unique violation', withCode('duplicate key value', '23505')],
    ['40001 serialization failure', withCode('could not serialize access', '40001')],
    ['a coded error whose text mentions a connection', withCode('Connection terminated by the check constraint', '23514')],
  ])('%s: not unavailable', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('isTransientDatabaseError', () => {
  it.each([
    ['40001 serialization failure', withCode('could not serialize access', '40001'), true],
    ['40P01 deadlock', withCode('deadlock detected', '40P01'), true],
    ['P2034 write conflict', prisma('P2034', 'Transaction failed due to a write conflict or a deadlock'), true],
    ['the adapter calling it a write conflict', { cause: { kind: 'TransactionWriteConflict' } }, true],
    ['P2002 unique violation', prisma('P2002', 'Unique constraint failed'), false],
    ['a bug', new RangeError('bad'), false],
  ])('%s: %s', (_, error, expected) => {
    expect(isTransientDatabaseError(error)).toBe(expected);
  });
});

describe('isUniqueViolation', () => {
  it.each([
    ['P2002', { code: 'P2002' }, true],
    ['23505 in a cause', { cause: { code: '23505' } }, true],
    ['the adapter kind', { meta: { driverAdapterError: { cause: { kind: 'UniqueConstraintViolation' } } } }, true],
    ['a foreign key violation', { code: '23503' }, false],
  ])('%s: %s', (_, error, expected) => {
    expect(isUniqueViolation(error)).toBe(expected);
  });
});

import { isRetriable } from '@claimflow/kafka';

/** Postgres SQLSTATE classes meaning "the database is not there right now", not "your request is wrong". */
const UNAVAILABLE_SQLSTATE = /^(08|53|57P|58)/;

// node-postgres raises these as plain Errors without a code when a connection dies under it.
const CONNECTION_LOST =
  /Connection terminated|not queryable|connection error|Connection closed|timeout exceeded when trying to connect|ConnectionClosed|DatabaseNotReachable/i;

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  type Inspectable = { code?: unknown; kind?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
  for (let e = error as Inspectable | undefined, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    if (typeof e.code === 'string') codes.push(e.code);
    if (typeof e.kind === 'string') codes.push(e.kind);
    const inner = e.meta?.driverAdapterError as { cause?: { originalCode?: string; kind?: string } } | undefined;
    if (inner?.cause?.originalCode) codes.push(inner.cause.originalCode);
    if (inner?.cause?.kind) codes.push(inner.cause.kind);
    e = e.cause as typeof e;
  }
  return codes;
}

/** True for connection failures and server shutdowns: the caller should answer 503, not 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (isRetriable(error)) return true;
  const { name = '', message = '' } = (error ?? {}) as { name?: string; message?: string };
  if (name === 'PrismaClientInitializationError' || CONNECTION_LOST.test(message)) return true;
  return codesOf(error).some(
    (c) =>
      UNAVAILABLE_SQLSTATE.test(c) ||
      [
        'ECONNREFUSED',
        'ECONNRESET',
        'ETIMEDOUT',
        'EPIPE',
        'ENOTFOUND',
        'P1001',
        'P1002',
        'P1017',
        'P2024',
        'DatabaseNotReachable',
        'ConnectionClosed',
        'SocketTimeout',
        'TooManyConnections',
        'DatabaseDoesNotExist',
      ].includes(c),
  );
}

export function isUniqueViolation(error: unknown): boolean {
  return codesOf(error).some((c) => c === 'P2002' || c === '23505' || c === 'UniqueConstraintViolation');
}

/**
 * The one answer to "is the database not there right now?" (as opposed to "is this request, or this code, wrong?"),
 * for every database client ClaimFlow uses: Prisma (with the pg driver adapter), pg pools and clients. The HTTP edge
 * answers 503 with Retry-After for it, and the Kafka retry of every service is given it (InboundProcessor, withRetry).
 */

/**
 * Prisma error codes (https://www.prisma.io/docs/orm/reference/error-reference) that mean the server could not be
 * reached or used: P1001 can't reach the server, P1002 timed out, P1008 operation timed out, P1017 server closed the
 * connection, P2024 timed out fetching a connection from the pool, P2028 transaction API error (a transaction could
 * not start within maxWait, or expired; nothing was written).
 */
const PRISMA_UNAVAILABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);

/** P2010 "raw query failed" is an outage only when its message says the connection went. */
const RAW_QUERY_FAILED = 'P2010';

/**
 * PostgreSQL SQLSTATEs (Appendix A of the PostgreSQL manual): class 08 connection exceptions, 57P01 admin shutdown,
 * 57P02 crash shutdown, 57P03 cannot connect now (starting up or shutting down), 53300 too many connections.
 */
const SQLSTATE_UNAVAILABLE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;

/** Socket errors of the driver (node's errno codes). */
const SOCKET_UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

/** What the Prisma pg adapter calls the same faults (DriverAdapterError cause.kind). */
const ADAPTER_UNAVAILABLE = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

/**
 * node-postgres and pg-pool report a lost or unobtainable connection only in the message (no code); Prisma's P2010
 * and P1017 carry "Server has closed the connection".
 */
const CONNECTION_MESSAGE =
  /Connection terminated|Server has closed the connection|not queryable|Connection closed|timeout exceeded when trying to connect|Can't reach database server|too many clients|connect ECONNREFUSED|ECONNRESET/i;

/** ClaimFlow's own errors and results that say so (ingest's IntakeUnavailable, feedback's DATABASE_UNAVAILABLE). */
const OWN_MARKER = 'DATABASE_UNAVAILABLE';

type Inspectable = {
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  name?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: unknown; code?: unknown; message?: unknown };
};

/** The error and what it wraps (cause chains, Prisma's meta.driverAdapterError), a few levels deep. */
function layersOf(error: unknown): Inspectable[] {
  const layers: Inspectable[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && layers.length < 8) {
    const e = queue.shift();
    if (!e || typeof e !== 'object') continue;
    const layer = e as Inspectable;
    layers.push(layer);
    queue.push(layer.cause, layer.meta?.driverAdapterError);
  }
  return layers;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function layerUnavailable(e: Inspectable): boolean {
  const code = text(e.code);
  if (code === OWN_MARKER || PRISMA_UNAVAILABLE.has(code) || SOCKET_UNAVAILABLE.has(code) || SQLSTATE_UNAVAILABLE.test(code)) return true;
  if (SQLSTATE_UNAVAILABLE.test(text(e.originalCode)) || ADAPTER_UNAVAILABLE.has(text(e.kind))) return true;
  if (e.name === 'PrismaClientInitializationError') return true;
  if (code === RAW_QUERY_FAILED) return CONNECTION_MESSAGE.test(text(e.message)) || CONNECTION_MESSAGE.test(text(e.meta?.message));
  // A code of any other kind (a constraint, a syntax error) is the request's or the code's fault, whatever the text says.
  return code === '' && CONNECTION_MESSAGE.test(text(e.message));
}

/** True for connection failures, server shutdowns and exhausted connections: answer 503 / retry later, never 500. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return layersOf(error).some(layerUnavailable);
}

/** SQLSTATE 40001 serialization failure, 40P01 deadlock: the transaction lost a race; running it again is safe. */
const TRANSACTION_LOST_RACE = new Set(['40001', '40P01', 'TransactionWriteConflict', 'P2034']);

/** What a message handler may retry: the database being away, or a transaction that lost a race. */
export function isTransientDatabaseError(error: unknown): boolean {
  return (
    isDatabaseUnavailable(error) ||
    layersOf(error).some((e) => TRANSACTION_LOST_RACE.has(text(e.code)) || TRANSACTION_LOST_RACE.has(text(e.kind)))
  );
}

/** A unique violation, from Prisma (P2002), the pg adapter or Postgres itself (23505). */
export function isUniqueViolation(error: unknown): boolean {
  return layersOf(error).some(
    (e) => e.code === 'P2002' || e.code === '23505' || e.originalCode === '23505' || e.kind === 'UniqueConstraintViolation',
  );
}

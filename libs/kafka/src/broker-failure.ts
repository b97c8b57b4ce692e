import { RetriableError } from './retry';

/**
 * Broker answers after which kafkajs's idempotent producer never recovers (it has no epoch bump): the partition
 * leader does not know its producer id or sequence, which a leader change on a cluster can cause.
 */
const PRODUCER_STATE_LOST = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_EPOCH']);

/** kafkajs's names for a broker it could not reach or that did not answer in time. */
const UNREACHED = new Set([
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSLockTimeout',
]);

type Chained = { type?: string; name?: string; retriable?: boolean; cause?: unknown } | undefined;

/** The error and what it wraps (kafkajs puts the broker's answer in `cause`), a few levels deep. */
function* chain(error: unknown): Generator<NonNullable<Chained>> {
  for (let e = error as Chained, depth = 0; e && typeof e === 'object' && depth < 5; e = e.cause as Chained, depth++) yield e;
}

/** The broker's error type behind a kafkajs error, when it says the producer state is lost. */
export function producerStateLost(error: unknown): string | undefined {
  for (const e of chain(error)) if (e.type && PRODUCER_STATE_LOST.has(e.type)) return e.type;
  return undefined;
}

/**
 * Whether a failed send says the cluster was away (unreachable, leaderless, short of in-sync replicas, or kafkajs's
 * own retries spent on such answers) rather than that the message itself is refused (too large, invalid): the
 * first is waited out, the second dead-lettered. kafkajs marks its give-up `retriable: false` but keeps the last
 * answer in `cause`, so the whole chain is read.
 */
export function brokerUnavailable(error: unknown): boolean {
  if (producerStateLost(error)) return true;
  for (const e of chain(error)) if (e.retriable === true || (e.name && UNREACHED.has(e.name))) return true;
  return false;
}

/**
 * A publication that failed because the cluster was away: retried, and held by the inbound path (like a database
 * outage) instead of being dead-lettered once the retries are spent, which would reject a good claim.
 */
export class BrokerUnavailableError extends RetriableError {
  readonly brokerUnavailable = true;

  constructor(message: string, cause?: unknown) {
    super(message, cause);
    this.name = 'BrokerUnavailableError';
  }
}

export const isBrokerUnavailableError = (error: unknown): boolean =>
  (error as { brokerUnavailable?: boolean } | null)?.brokerUnavailable === true;

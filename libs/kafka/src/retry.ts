export interface RetryPolicy {
  readonly attempts: number;
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, initialDelayMs: 200, maxDelayMs: 5000 };

/** Marks a failure worth retrying (a database or broker hiccup), as opposed to a poison message. */
export class RetriableError extends Error {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'RetriableError';
  }
}

/**
 * Tells a transient failure of a dependency (the database being away) from a poison message or a bug. The Kafka
 * retry knows only its own errors (RetriableError, kafkajs's `retriable`); what a database's faults look like is
 * given to it by the persistence layer (libs/runtime isTransientDatabaseError, provided as TRANSIENT_FAILURES by PrismaModule).
 */
export type TransientFailures = (error: unknown) => boolean;

/** Where InboundProcessor finds the classification of transient failures (optional: none known without it). */
export const TRANSIENT_FAILURES = Symbol('TRANSIENT_FAILURES');

const noneKnown: TransientFailures = () => false;

export function isRetriable(error: unknown, isTransient: TransientFailures = noneKnown): boolean {
  if (error instanceof RetriableError) return true;
  const e = error as { retriable?: boolean } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.retriable === true) return true;
  return isTransient(error);
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(
  fn: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  onRetry?: (error: unknown, attempt: number) => void,
  isTransient: TransientFailures = noneKnown,
): Promise<T> {
  let delay = policy.initialDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= policy.attempts || !isRetriable(error, isTransient)) throw error;
      onRetry?.(error, attempt);
      await pause(delay);
      delay = Math.min(delay * 2, policy.maxDelayMs);
    }
  }
}

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

const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P03',
  '53300',
  '08006',
  '08001',
  '08003',
  '40001',
  '40P01',
  // Prisma: an interactive transaction could not start within maxWait (every connection busy) or expired; nothing was written.
  'P2028',
]);

// pg-pool and the Prisma adapter report connection trouble only in the message.
const TRANSIENT_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|Can't reach database server|too many clients/i;

export function isRetriable(error: unknown): boolean {
  if (error instanceof RetriableError) return true;
  const e = error as { retriable?: boolean; code?: string; name?: string } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.retriable === true) return true;
  if (e.code && TRANSIENT_CODES.has(e.code)) return true;
  if (error instanceof Error && TRANSIENT_MESSAGES.test(error.message)) return true;
  return e.name === 'PrismaClientInitializationError';
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(
  fn: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  onRetry?: (error: unknown, attempt: number) => void,
): Promise<T> {
  let delay = policy.initialDelayMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= policy.attempts || !isRetriable(error)) throw error;
      onRetry?.(error, attempt);
      await pause(delay);
      delay = Math.min(delay * 2, policy.maxDelayMs);
    }
  }
}

/**
 * When a failed delivery is tried again: exponential backoff with full jitter (a random wait between 0 and
 * min(max, base·2^(attempt-1))), so receivers coming back after an outage are not hit by every sender at once.
 * With the defaults (base 5 s, max 1 h, WEBHOOK_RETRY_* in webhook.config) the ceiling reaches an hour at the 11th
 * attempt (5 s·2^10 ≈ 85 min); from then on a wait averages 30 min, so a delivery that keeps failing is tried about
 * 55 times in its 24-hour window (worked out by retry-schedule.spec) before it is marked failed: a receiver down
 * for a few seconds gets its events within seconds, one down for a day gets them when it returns.
 */
export interface RetrySchedule {
  readonly baseMs: number;
  readonly maxMs: number;
  /** Retries stop once this long has passed since the delivery was created (or redelivery was asked for). */
  readonly windowMs: number;
}

/** The wait before the next attempt after `attempts` failed ones (1 after the first). */
export function backoffMs(attempts: number, schedule: RetrySchedule, random: () => number = Math.random): number {
  const ceiling = Math.min(schedule.maxMs, schedule.baseMs * 2 ** Math.min(Math.max(attempts - 1, 0), 30));
  return Math.floor(random() * ceiling);
}

/** The next attempt after a failure at `now`, or undefined: the window is over, the delivery has failed. */
export function nextAttemptAt(
  attempts: number,
  retryFrom: Date,
  now: Date,
  schedule: RetrySchedule,
  random?: () => number,
): Date | undefined {
  if (now.getTime() - retryFrom.getTime() >= schedule.windowMs) return undefined;
  return new Date(now.getTime() + backoffMs(attempts, schedule, random));
}

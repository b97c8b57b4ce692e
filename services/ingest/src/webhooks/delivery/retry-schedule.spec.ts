import { backoffMs, nextAttemptAt, type RetrySchedule } from './retry-schedule';

const DEFAULTS: RetrySchedule = { baseMs: 5_000, maxMs: 3_600_000, windowMs: 86_400_000 };

describe('the webhook retry schedule', () => {
  it('doubles the ceiling of a full-jitter wait up to the maximum', () => {
    const top = () => 0.999999;
    expect(backoffMs(1, DEFAULTS, top)).toBe(4_999);
    expect(backoffMs(2, DEFAULTS, top)).toBe(9_999);
    expect(backoffMs(11, DEFAULTS, top)).toBe(3_599_996);
    expect(backoffMs(40, DEFAULTS, top)).toBe(3_599_996);
    expect(backoffMs(5, DEFAULTS, () => 0)).toBe(0);
  });

  it('keeps retrying for the whole window, then stops', () => {
    const start = new Date('2026-12-06T00:00:00Z');
    let now = start;
    let attempts = 0;
    let next: Date | undefined = start;
    let seed = 42;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    while (next) {
      now = next;
      attempts++;
      next = nextAttemptAt(attempts, start, now, DEFAULTS, random);
    }
    expect(now.getTime() - start.getTime()).toBeGreaterThanOrEqual(DEFAULTS.windowMs);
    expect(attempts).toBeGreaterThan(40);
    expect(attempts).toBeLessThan(80);
  });
});

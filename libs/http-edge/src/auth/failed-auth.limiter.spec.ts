import { FailedAuthLimiter } from './failed-auth.limiter';

describe('FailedAuthLimiter', () => {
  it('holds an address after its failures fill the window, and only that address, until the window ends', () => {
    const limiter = new FailedAuthLimiter({ failuresPerAddress: 3, windowMs: 10_000 });
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterSeconds('198.51.100.1', t0)).toBe(0);
      limiter.recordFailure('198.51.100.1', t0);
    }
    expect(limiter.retryAfterSeconds('198.51.100.1', t0 + 1_000)).toBe(9);
    expect(limiter.retryAfterSeconds('198.51.100.2', t0 + 1_000)).toBe(0);
    expect(limiter.retryAfterSeconds('198.51.100.1', t0 + 10_000)).toBe(0);
    limiter.recordFailure('198.51.100.1', t0 + 10_000);
    expect(limiter.retryAfterSeconds('198.51.100.1', t0 + 10_001)).toBe(0);
  });
});

import { Inject, Injectable, Optional } from '@nestjs/common';

export interface AuthLimits {
  /** Failed authentications per window from one client address (AUTH_FAILURES_PER_ADDRESS). */
  readonly failuresPerAddress: number;
  readonly windowMs: number;
}

export const AUTH_LIMITS = Symbol('AUTH_LIMITS');

const DEFAULT_LIMITS: AuthLimits = { failuresPerAddress: 30, windowMs: 60_000 };

/**
 * Addresses followed at once. An entry is ~100 bytes, so 100,000 addresses cost ~10 MB; beyond that the oldest
 * windows are dropped first (an attacker rotating more addresses than this is held by the per-address limit).
 */
const MAX_ADDRESSES = 100_000;

/**
 * Failed authentications per client address in a fixed window: an address over the limit is answered 429
 * before any key lookup, so guessing keys costs no Postgres query once it has failed enough.
 */
@Injectable()
export class FailedAuthLimiter {
  private readonly limits: AuthLimits;
  private readonly windows = new Map<string, { failures: number; resetAt: number }>();

  constructor(@Optional() @Inject(AUTH_LIMITS) limits?: AuthLimits) {
    this.limits = limits ?? DEFAULT_LIMITS;
  }

  /** Seconds until the address may try again; 0 while it is under the limit. */
  retryAfterSeconds(address: string, now = Date.now()): number {
    const window = this.windows.get(address);
    if (!window || window.resetAt <= now || window.failures < this.limits.failuresPerAddress) return 0;
    return Math.max(1, Math.ceil((window.resetAt - now) / 1000));
  }

  recordFailure(address: string, now = Date.now()): void {
    const window = this.windows.get(address);
    if (window && window.resetAt > now) {
      window.failures++;
      return;
    }
    this.windows.delete(address);
    if (this.windows.size >= MAX_ADDRESSES) this.windows.delete(this.windows.keys().next().value as string);
    this.windows.set(address, { failures: 1, resetAt: now + this.limits.windowMs });
  }
}

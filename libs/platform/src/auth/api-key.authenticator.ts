import { Injectable, Logger } from '@nestjs/common';
import { API_KEY_PREFIX, hashApiKey, looksLikeApiKey } from './api-key';
import { ApiKeyRepository } from './api-key.repository';
import { isScope, type CallerIdentity } from './scopes';

export type AuthFailure = 'API_KEY_MISSING' | 'API_KEY_INVALID' | 'API_KEY_REVOKED';

/** last_used_at is a hint for key hygiene, not a log: written at most this often per key. */
const TOUCH_INTERVAL_MS = 60_000;

/** A key store that does not answer within this is unavailable (the guard answers 503), never a request held open. */
const LOOKUP_DEADLINE_MS = 3_000;

function withinDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the key store did not answer in time')), ms);
  });
  return Promise.race([work, expiry]).finally(() => clearTimeout(timer));
}

/** Bearer token -> caller, or why not. */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly logger = new Logger(ApiKeyAuthenticator.name);
  private readonly touched = new Map<string, number>();

  constructor(private readonly keys: ApiKeyRepository) {}

  async authenticate(
    authorization: string | undefined,
  ): Promise<
    { ok: true; caller: CallerIdentity } | { ok: false; reason: AuthFailure; keyId?: string; owner?: string; keyPrefix?: string }
  > {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
    if (!match) return { ok: false, reason: 'API_KEY_MISSING' };
    if (!looksLikeApiKey(match[1])) return { ok: false, reason: 'API_KEY_INVALID' };
    const key = await withinDeadline(this.keys.findByHash(hashApiKey(match[1])), LOOKUP_DEADLINE_MS);
    // The first characters of an unknown key (as `keys list` shows them) help trace a leaked or mistyped one.
    if (!key) return { ok: false, reason: 'API_KEY_INVALID', keyPrefix: match[1].slice(0, API_KEY_PREFIX.length + 4) };
    if (key.revokedAt) return { ok: false, reason: 'API_KEY_REVOKED', keyId: key.id, owner: key.owner };
    this.touch(key.id);
    return { ok: true, caller: { keyId: key.id, owner: key.owner, scopes: key.scopes.filter(isScope) } };
  }

  private touch(id: string): void {
    const now = Date.now();
    if (now - (this.touched.get(id) ?? 0) < TOUCH_INTERVAL_MS) return;
    this.touched.set(id, now);
    this.keys
      .touch(id, new Date(now))
      .catch((error: Error) => this.logger.warn(`last_used_at not updated for key ${id}: ${error.message}`));
  }
}

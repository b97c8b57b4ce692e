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

/**
 * How long a hash that matched no key is answered from memory. Keys are 256 random bits, so a key created later
 * cannot have been presented before; revocation is unaffected (only misses are kept). 30 s bounds the Postgres
 * lookups one repeated unknown key costs to one per 30 s per process.
 */
const UNKNOWN_KEY_TTL_MS = 30_000;
/** Unknown hashes kept at once (~150 bytes each, ~1.5 MB); the oldest go first. */
const UNKNOWN_KEYS_KEPT = 10_000;

/** Bearer token -> caller, or why not. */
@Injectable()
export class ApiKeyAuthenticator {
  private readonly logger = new Logger(ApiKeyAuthenticator.name);
  private readonly touched = new Map<string, number>();
  /** Hashes of well-formed keys that matched none, with when that stops being believed. */
  private readonly unknown = new Map<string, number>();

  constructor(private readonly keys: ApiKeyRepository) {}

  async authenticate(
    authorization: string | undefined,
  ): Promise<
    { ok: true; caller: CallerIdentity } | { ok: false; reason: AuthFailure; keyId?: string; owner?: string; keyPrefix?: string }
  > {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
    if (!match) return { ok: false, reason: 'API_KEY_MISSING' };
    if (!looksLikeApiKey(match[1])) return { ok: false, reason: 'API_KEY_INVALID' };
    // The first characters of an unknown key (as `keys list` shows them) help trace a leaked or mistyped one.
    const unknown = { ok: false, reason: 'API_KEY_INVALID', keyPrefix: match[1].slice(0, API_KEY_PREFIX.length + 4) } as const;
    const hash = hashApiKey(match[1]);
    if ((this.unknown.get(hash) ?? 0) > Date.now()) return unknown;
    const key = await withinDeadline(this.keys.findByHash(hash), LOOKUP_DEADLINE_MS);
    if (!key) {
      this.rememberUnknown(hash);
      return unknown;
    }
    if (key.revokedAt) return { ok: false, reason: 'API_KEY_REVOKED', keyId: key.id, owner: key.owner };
    this.touch(key.id);
    return { ok: true, caller: { keyId: key.id, owner: key.owner, scopes: key.scopes.filter(isScope) } };
  }

  private rememberUnknown(hash: string): void {
    this.unknown.delete(hash);
    if (this.unknown.size >= UNKNOWN_KEYS_KEPT) this.unknown.delete(this.unknown.keys().next().value as string);
    this.unknown.set(hash, Date.now() + UNKNOWN_KEY_TTL_MS);
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

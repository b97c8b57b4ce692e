import { createHash, randomBytes } from 'node:crypto';

/** Every key starts with this, so a leaked key is recognisable (secret scanners, logs, support). */
export const API_KEY_PREFIX = 'cf_live_';
const KEY_BYTES = 32;
const KEY_PATTERN = /^cf_live_[A-Za-z0-9_-]{43}$/;

export interface MintedApiKey {
  /** The key itself: shown once, never stored. */
  readonly key: string;
  readonly hash: string;
  /** Enough of the key to tell keys apart in a listing, far too little to guess the rest. */
  readonly prefix: string;
}

/**
 * SHA-256, unsalted. A key is 256 random bits, so neither a dictionary nor a brute force applies and a
 * slow password KDF (bcrypt, scrypt, argon2) would only cost time on every request; the plain hash also
 * lets a key be looked up by its hash, which needs no constant-time comparison.
 */
export const hashApiKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

export function mintApiKey(): MintedApiKey {
  const key = API_KEY_PREFIX + randomBytes(KEY_BYTES).toString('base64url');
  return { key, hash: hashApiKey(key), prefix: key.slice(0, API_KEY_PREFIX.length + 4) };
}

/** Shape check before any lookup: anything else is not one of our keys. */
export const looksLikeApiKey = (value: string): boolean => KEY_PATTERN.test(value);

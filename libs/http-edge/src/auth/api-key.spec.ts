import { API_KEY_PREFIX, hashApiKey, looksLikeApiKey, mintApiKey } from './api-key';

describe('API keys', () => {
  it('are 256 random bits behind a recognisable prefix, stored as their SHA-256', () => {
    const a = mintApiKey();
    const b = mintApiKey();
    expect(a.key.startsWith(API_KEY_PREFIX)).toBe(true);
    expect(Buffer.from(a.key.slice(API_KEY_PREFIX.length), 'base64url')).toHaveLength(32);
    expect(a.key).not.toBe(b.key);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.hash).toBe(hashApiKey(a.key));
    expect(a.hash).not.toContain(a.key.slice(API_KEY_PREFIX.length));
    expect(a.prefix).toBe(a.key.slice(0, 12));
  });

  it('refuse anything not shaped like a key before any lookup', () => {
    expect(looksLikeApiKey(mintApiKey().key)).toBe(true);
    expect(looksLikeApiKey('cf_live_short')).toBe(false);
    expect(looksLikeApiKey(`cf_test_${'A'.repeat(43)}`)).toBe(false);
    expect(looksLikeApiKey(`${mintApiKey().key} `)).toBe(false);
  });
});

import { ApiKeyAuthenticator } from './api-key.authenticator';
import { mintApiKey } from './api-key';
import type { ApiKeyRecord, ApiKeyRepository } from './api-key.repository';

function keyStore(records: Record<string, Partial<ApiKeyRecord>>) {
  const touched: string[] = [];
  const lookups: string[] = [];
  const repository = {
    findByHash: async (hash: string) => {
      lookups.push(hash);
      const r = records[hash];
      return r
        ? ({
            id: 'k1',
            name: 'n',
            owner: 'org-a',
            prefix: 'cf_live_x',
            scopes: [],
            createdAt: new Date(),
            lastUsedAt: null,
            revokedAt: null,
            ...r,
          } as ApiKeyRecord)
        : null;
    },
    touch: async (id: string) => void touched.push(id),
  } as unknown as ApiKeyRepository;
  return { authenticator: new ApiKeyAuthenticator(repository), touched, lookups };
}

describe('ApiKeyAuthenticator', () => {
  const good = mintApiKey();
  const revoked = mintApiKey();
  const { authenticator, touched, lookups } = keyStore({
    [good.hash]: { id: 'good', scopes: ['claims:read', 'not-a-scope'] },
    [revoked.hash]: { id: 'revoked', revokedAt: new Date() },
  });

  it('gives the caller of a valid bearer key, with only known scopes', async () => {
    expect(await authenticator.authenticate(`Bearer ${good.key}`)).toEqual({
      ok: true,
      caller: { keyId: 'good', owner: 'org-a', scopes: ['claims:read'] },
    });
    expect(await authenticator.authenticate(`bearer  ${good.key}`)).toMatchObject({ ok: true });
  });

  it('tells a missing key from an invalid or revoked one', async () => {
    expect(await authenticator.authenticate(undefined)).toEqual({ ok: false, reason: 'API_KEY_MISSING' });
    expect(await authenticator.authenticate(`Basic ${good.key}`)).toEqual({ ok: false, reason: 'API_KEY_MISSING' });
    expect(await authenticator.authenticate('Bearer nonsense')).toEqual({ ok: false, reason: 'API_KEY_INVALID' });
    const unknown = mintApiKey();
    expect(await authenticator.authenticate(`Bearer ${unknown.key}`)).toEqual({
      ok: false,
      reason: 'API_KEY_INVALID',
      keyPrefix: unknown.prefix,
    });
    expect(await authenticator.authenticate(`Bearer ${revoked.key}`)).toMatchObject({
      ok: false,
      reason: 'API_KEY_REVOKED',
      keyId: 'revoked',
    });
  });

  it('records last use at most once a minute per key, not on every request', async () => {
    for (let i = 0; i < 5; i++) await authenticator.authenticate(`Bearer ${good.key}`);
    expect(touched.filter((id) => id === 'good')).toEqual(['good']);
    expect(touched).not.toContain('revoked');
  });

  it('answers a repeated unknown key from memory (no lookup), but looks up known and revoked keys each time', async () => {
    const unknown = mintApiKey();
    const before = lookups.length;
    for (let i = 0; i < 5; i++)
      expect(await authenticator.authenticate(`Bearer ${unknown.key}`)).toMatchObject({ ok: false, reason: 'API_KEY_INVALID' });
    expect(lookups.length - before).toBe(1);
    await authenticator.authenticate(`Bearer ${revoked.key}`);
    await authenticator.authenticate(`Bearer ${revoked.key}`);
    expect(lookups.length - before).toBe(3);
  });
});

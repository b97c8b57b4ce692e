import { createHash, randomUUID } from 'node:crypto';
import type { ApiKeyRecord, ApiKeyRepository } from '@claimflow/http-edge';
import { ApiKeyReporterResolver, reporterOwnerOf } from './api-key.reporter-resolver';
import { ReporterSecret } from './reporter-secret';

const key = (over: Partial<ApiKeyRecord> = {}): ApiKeyRecord => ({
  id: randomUUID(),
  name: 'pm system',
  owner: 'clinic-a',
  prefix: 'cf_live_AbC1',
  scopes: ['reports:submit'],
  createdAt: new Date(),
  lastUsedAt: null,
  revokedAt: null,
  ...over,
});

describe('reporterOwnerOf (the rule for a reporter named on Kafka)', () => {
  const id = randomUUID();

  it('accepts a live key with reports:submit, as its owner', () => {
    expect(reporterOwnerOf(id, key({ scopes: ['claims:read', 'reports:submit'] }))).toEqual({ ok: true, value: 'clinic-a' });
  });

  it('refuses a missing id, an unknown, revoked or scope-less key, without telling them apart', () => {
    expect(reporterOwnerOf(undefined, null)).toMatchObject({ ok: false, error: { code: 'REPORTER_MISSING' } });
    const refusals = [null, key({ revokedAt: new Date() }), key({ scopes: ['claims:submit', 'claims:read'] })].map((k) =>
      reporterOwnerOf(id, k),
    );
    for (const r of refusals) expect(r).toMatchObject({ ok: false, error: { code: 'REPORTER_INVALID' } });
    expect(new Set(refusals.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(JSON.stringify(refusals)).not.toContain(id);
  });
});

describe('ApiKeyReporterResolver', () => {
  const secret = new ReporterSecret({ FEEDBACK_REPORTER_SECRET: 'a-test-secret-of-at-least-32-characters' });
  const stored = new Map<string, ApiKeyRecord>();
  const lookups: string[] = [];
  const repo = {
    findById: (id: string) => (lookups.push(id), Promise.resolve(stored.get(id) ?? null)),
  } as unknown as ApiKeyRepository;
  const resolver = new ApiKeyReporterResolver(secret, repo);
  const add = (over: Partial<ApiKeyRecord> = {}) => {
    const k = key(over);
    stored.set(k.id, k);
    return k.id;
  };

  it('gives every key of one owner the same keyed hash: five keys are one reporter', async () => {
    const ids = Array.from({ length: 5 }, () => add({ owner: 'clinic-five' }));
    const hashes = new Set<string>();
    for (const id of ids) {
      const r = await resolver.fromKeyId(id);
      if (!r.ok) throw new Error('expected a reporter');
      hashes.add(r.value.reporterId);
    }
    expect(hashes.size).toBe(1);
    const [only] = hashes;
    expect(only).toMatch(/^[0-9a-f]{64}$/);
    expect(only).toBe(resolver.fromCaller({ owner: 'clinic-five' }).reporterId);
    expect(only).not.toBe(resolver.fromCaller({ owner: 'clinic-six' }).reporterId);
    expect(only).not.toBe(createHash('sha256').update('clinic-five').digest('hex'));
    const other = new ApiKeyReporterResolver(
      new ReporterSecret({ FEEDBACK_REPORTER_SECRET: 'another-secret-of-at-least-32-characters' }),
      repo,
    );
    expect(other.fromCaller({ owner: 'clinic-five' }).reporterId).not.toBe(only);
  });

  it('refuses a made-up id without asking the key store, and an unknown uuid after asking', async () => {
    lookups.length = 0;
    expect(await resolver.fromKeyId('pm-system-biller-key-0042')).toMatchObject({ ok: false, error: { code: 'REPORTER_INVALID' } });
    expect(lookups).toEqual([]);
    const unknown = randomUUID();
    expect(await resolver.fromKeyId(unknown)).toMatchObject({ ok: false, error: { code: 'REPORTER_INVALID' } });
    expect(lookups).toEqual([unknown]);
    expect(await resolver.fromKeyId(add({ revokedAt: new Date() }))).toMatchObject({ ok: false, error: { code: 'REPORTER_INVALID' } });
  });

  it('keeps record keys in [0, 1) and fixed per report', () => {
    const k = secret.recordKey('4f1c0a52-0000-4000-8000-000000000001');
    expect(k).toBeGreaterThanOrEqual(0);
    expect(k).toBeLessThan(1);
    expect(secret.recordKey('4f1c0a52-0000-4000-8000-000000000001')).toBe(k);
  });
});

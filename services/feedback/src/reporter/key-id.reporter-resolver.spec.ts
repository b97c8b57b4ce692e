import { createHash } from 'node:crypto';
import { KeyIdReporterResolver } from './key-id.reporter-resolver';
import { ReporterSecret } from './reporter-secret';

describe('KeyIdReporterResolver', () => {
  const secret = new ReporterSecret({ FEEDBACK_REPORTER_SECRET: 'a-test-secret-of-at-least-32-characters' });
  const resolver = new KeyIdReporterResolver(secret);
  const keyId = '0b9d7a52-3f1e-4c1a-9a0e-5d2c8e7f6a10';

  it('gives one key the same keyed hash every time, never the key id or its plain hash', () => {
    const first = resolver.fromKeyId(keyId);
    expect(resolver.fromKeyId(keyId)).toEqual(first);
    if (!first.ok) throw new Error('expected a reporter');
    expect(first.value.reporterId).toMatch(/^[0-9a-f]{64}$/);
    expect(first.value.reporterId).not.toContain(keyId);
    expect(first.value.reporterId).not.toBe(createHash('sha256').update(keyId).digest('hex'));
    const other = new KeyIdReporterResolver(new ReporterSecret({ FEEDBACK_REPORTER_SECRET: 'another-secret-of-at-least-32-characters' }));
    expect(other.fromKeyId(keyId)).not.toEqual(first);
  });

  it('refuses a missing or malformed key id with a code, without echoing it', () => {
    expect(resolver.fromKeyId(undefined)).toMatchObject({ ok: false, error: { code: 'REPORTER_MISSING' } });
    const short = resolver.fromKeyId('short-key');
    expect(short).toMatchObject({ ok: false, error: { code: 'REPORTER_INVALID' } });
    expect(JSON.stringify(short)).not.toContain('short-key');
  });

  it('keeps record keys in [0, 1) and fixed per report', () => {
    const k = secret.recordKey('4f1c0a52-0000-4000-8000-000000000001');
    expect(k).toBeGreaterThanOrEqual(0);
    expect(k).toBeLessThan(1);
    expect(secret.recordKey('4f1c0a52-0000-4000-8000-000000000001')).toBe(k);
  });
});

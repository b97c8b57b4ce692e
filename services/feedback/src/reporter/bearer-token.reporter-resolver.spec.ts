import { createHash } from 'node:crypto';
import { BearerTokenReporterResolver } from './bearer-token.reporter-resolver';
import { ReporterSecret } from './reporter-secret';

describe('BearerTokenReporterResolver', () => {
  const secret = new ReporterSecret({ FEEDBACK_REPORTER_SECRET: 'a-test-secret-of-at-least-32-characters' });
  const resolver = new BearerTokenReporterResolver(secret);
  const token = 'rk_live_0123456789abcdef';

  it('gives one reporter the same keyed hash on HTTP and Kafka, and never the token or its plain hash', () => {
    const http = resolver.fromAuthorization(`Bearer ${token}`);
    const kafka = resolver.fromKeyId(token);
    expect(http).toEqual(kafka);
    if (!http.ok) throw new Error('expected a reporter');
    expect(http.value.reporterId).toMatch(/^[0-9a-f]{64}$/);
    expect(http.value.reporterId).not.toContain(token);
    expect(http.value.reporterId).not.toBe(createHash('sha256').update(token).digest('hex'));
    const other = new BearerTokenReporterResolver(
      new ReporterSecret({ FEEDBACK_REPORTER_SECRET: 'another-secret-of-at-least-32-characters' }),
    );
    expect(other.fromKeyId(token)).not.toEqual(kafka);
  });

  it('refuses a missing or malformed credential with a code, without echoing it', () => {
    expect(resolver.fromAuthorization(undefined)).toMatchObject({ ok: false, error: { code: 'REPORTER_MISSING' } });
    expect(resolver.fromAuthorization('Basic abc')).toMatchObject({ ok: false, error: { code: 'REPORTER_INVALID' } });
    const short = resolver.fromAuthorization('Bearer short-key');
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

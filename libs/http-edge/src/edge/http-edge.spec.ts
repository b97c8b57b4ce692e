import helmet from 'helmet';
import { BaseConfigSchema, edgeConfigProblems, parseConfig } from '@claimflow/runtime';
import { helmetOptions } from './http-edge';

function headersOf(servedOverTls: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = { setHeader: (name: string, value: string) => void (headers[name.toLowerCase()] = value), removeHeader: () => undefined };
  helmet(helmetOptions(servedOverTls))({} as never, res as never, () => undefined);
  return headers;
}

describe('the HTTP edge settings', () => {
  it('sends HSTS and upgrade-insecure-requests only where the deployment is served over TLS', () => {
    const plain = headersOf(false);
    expect(plain['strict-transport-security']).toBeUndefined();
    expect(plain['content-security-policy']).toContain("default-src 'self'");
    expect(plain['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const tls = headersOf(true);
    expect(tls['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(tls['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('has no default secret in production, and trusts one load balancer address or none, never a range', () => {
    const config = (env: Record<string, string>) => parseConfig(BaseConfigSchema, env);
    expect(edgeConfigProblems(config({ NODE_ENV: 'production' }))).toEqual(['EDGE_SECRET: required in production']);
    expect(edgeConfigProblems(config({ NODE_ENV: 'production', EDGE_SECRET: 's'.repeat(32) }))).toEqual([]);
    expect(edgeConfigProblems(config({}))).toEqual([]);
    expect(config({}).TRUST_PROXY).toBe('false');
    expect(config({ TRUST_PROXY: '10.0.0.5' }).TRUST_PROXY).toBe('10.0.0.5');
    for (const range of ['loopback', 'uniquelocal', '10.0.0.0/8', 'true', '10.0.0.5,10.0.0.6'])
      expect(() => config({ TRUST_PROXY: range })).toThrow(/TRUST_PROXY/);
    expect(() => config({ EDGE_SECRET: 'short' })).toThrow(/EDGE_SECRET must be at least 32 characters/);
    expect(config({ SERVED_OVER_TLS: 'true' }).SERVED_OVER_TLS).toBe(true);
  });
});

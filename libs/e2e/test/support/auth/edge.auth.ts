import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { startConfiguredService, parseConfig } from '@claimflow/runtime';
import { INGEST_SERVICE, IngestConfigSchema } from '@claimflow/service-ingest';
import { kafkaServiceEnv } from '@claimflow/testing';
import { authCalls, CLAIM, type AuthContext } from './context';

/** The edge: security headers, CORS, correlation ids, the keyless check and its limit, rate limits. */
export function edgeAuth(ctx: AuthContext): void {
  const { call, read } = authCalls(ctx);

  it('sends security headers, no X-Powered-By, keeps CORS closed and bounds the correlation id', async () => {
    const res = await read(ctx.claimOfA, ctx.a.headers);
    expect(res.headers.get('x-powered-by')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // Plain HTTP here (SERVED_OVER_TLS unset): no HSTS and no upgrade-insecure-requests, or a browser on
    // http://<host name> would load no script at all (issue 25); with the flag both are sent (http-edge.spec.ts).
    expect(res.headers.get('strict-transport-security')).toBeNull();
    expect(res.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const preflight = await call('OPTIONS', '/v1/claims', { origin: 'https://evil.example', 'access-control-request-method': 'POST' });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();

    const long = await read(ctx.claimOfA, { ...ctx.a.headers, 'x-correlation-id': 'c'.repeat(129) });
    expect(long).toMatchObject({ status: 400, body: { code: 'CORRELATION_ID_INVALID', field: 'X-Correlation-Id' } });
    expect(JSON.stringify(long.body)).not.toContain('c'.repeat(20));
    expect((await read(ctx.claimOfA, { ...ctx.a.headers, 'x-correlation-id': 'c'.repeat(128) })).status).toBe(200);
    expect((await read(ctx.claimOfA, { ...ctx.a.headers, 'x-correlation-id': 'caf\u00e9' })).status).toBe(400);
    const huge = await read(ctx.claimOfA, { ...ctx.a.headers, 'x-padding': 'p'.repeat(20_000) }).catch(() => ({ status: 431 }));
    expect(huge.status).toBe(431);
  });

  it('checks a claim without a key on the validator, storing nothing, within a tight per-address limit (429 + Retry-After)', async () => {
    const ledgerSize = async () => {
      const client = new Client({ connectionString: ctx.h.db.url });
      await client.connect();
      try {
        return Number((await client.query('SELECT count(*) AS n FROM claim_ledger')).rows[0].n);
      } finally {
        await client.end();
      }
    };
    const before = await ledgerSize();
    const check = () =>
      fetch(`${ctx.h.pipeline.validatorUrl}/v1/check`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...CLAIM, submitterClaimId: 'PUBLIC-CHECK' }),
      });
    const first = await check();
    expect(first.status).toBe(200);
    const answer = (await first.json()) as { claims: { result: { validation: { lines: unknown[] }; pricing: { kind: string } } }[] };
    expect(answer.claims[0].result.validation.lines).toHaveLength(2);
    expect(answer.claims[0].result.pricing.kind).toBe('priced');
    expect((await check()).status).toBe(200);
    const limited = await check();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await ledgerSize()).toBe(before);
  });

  describe('rate limits (an ingest of its own with small limits)', () => {
    let app: INestApplication;
    let url: string;

    beforeAll(async () => {
      const config = parseConfig(IngestConfigSchema, {
        KAFKA_BROKERS: ctx.h.infra.kafkaBrokers.join(','),
        ...kafkaServiceEnv('ingest', ctx.h.infra.kafkaBrokers),
        TOPIC_SUFFIX: ctx.h.suffix,
        DATABASE_URL: ctx.h.db.url,
        PORT: '0',
        LOG_LEVEL: 'silent',
        RATE_LIMIT_PER_KEY: '3',
        RATE_LIMIT_PER_ADDRESS: '8',
      });
      // No consumer group: this instance only answers HTTP.
      app = await startConfiguredService(INGEST_SERVICE, config, { consume: false });
      url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    });

    afterAll(() => app?.close());

    const get = (headers: Record<string, string>) => fetch(`${url}/v1/claims/${ctx.claimOfA}`, { headers });

    it('answers 429 with Retry-After per key, and per client address whatever the key', async () => {
      for (let i = 0; i < 3; i++) expect((await get(ctx.a.headers)).status).toBe(200);
      const overKey = await get(ctx.a.headers);
      expect(overKey.status).toBe(429);
      expect(Number(overKey.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await overKey.json()).toMatchObject({ code: 'RATE_LIMITED' });
      // Another key still has its own allowance...
      for (let i = 0; i < 3; i++) expect((await get(ctx.b.headers)).status).toBe(404);
      expect((await get({})).status).toBe(401);
      // ...until the address has used up its own (8 requests).
      const overAddress = await get(ctx.b.headers);
      expect(overAddress.status).toBe(429);
      expect(Number(overAddress.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });
}

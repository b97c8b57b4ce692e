import type { INestApplication } from '@nestjs/common';
import { startService } from '@claimflow/runtime';
import { PUBLIC_CHECK_MAX_EDITS } from '@claimflow/domain';
import { kafkaServiceEnv, startInfra, uniqueSuffix, waitFor, type Infra } from '@claimflow/testing';
import { CHECK_MAX_CLAIMS } from '../src/check-claim/check-claim.run';
import { VALIDATOR_SERVICE } from '../src/validator.service';
import { maximalClaim } from '@claimflow/domain/testing';

interface Answer {
  claims: {
    submitterClaimId: string;
    editsOmitted: number;
    result: { validation: { edits: { source: Record<string, unknown> }[]; lines: { edits: unknown[] }[] } };
  }[];
  errors: { code: string }[];
  sources: { release: string; notes?: string[] }[];
}

/** The keyless check in a bounded worker pool (issue 25 item 3), on the real broker, with the shipped reference data. */
describe('POST /v1/check: at most ten claims, capped, compressed, in the check pool', () => {
  let infra: Infra;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    infra = await startInfra();
    app = await startService(VALIDATOR_SERVICE, {
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      ...kafkaServiceEnv('validator', infra.kafkaBrokers),
      TOPIC_SUFFIX: `.public-check-${uniqueSuffix()}`,
      PORT: '0',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      REFDATA_FALLBACK: 'latest',
      RATE_LIMIT_PUBLIC_CHECK: '1000',
      CHECK_WORKERS: '1',
      CHECK_QUEUE: '4',
    });
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    // The worker loads its reference data after start: wait until it answers.
    await waitFor(async () => (await check(maximalClaim())).status === 200, { description: 'the check worker', timeoutMs: 60_000 });
  });
  afterAll(async () => {
    await app?.close();
    await infra?.stop();
  });

  const check = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/v1/check`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('answers one maximal claim with at most 50 edits, the rest counted, each release stated once, gzip-compressed', async () => {
    const body = maximalClaim();
    const res = await check(body, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const answer = (await res.json()) as Answer;
    const [claim] = answer.claims;
    expect(claim.result.validation.edits).toHaveLength(50);
    expect(claim.editsOmitted).toBeGreaterThan(0);
    expect(claim.result.validation.lines.flatMap((l) => l.edits).length).toBeGreaterThan(0);
    const releases = answer.sources.map((s) => s.release);
    expect(new Set(releases).size).toBe(releases.length);
    for (const e of claim.result.validation.edits) {
      expect(releases).toContain(e.source.release);
      expect(e.source).not.toHaveProperty('notes');
    }
  });

  it('checks every claim of a small batch, each capped, with each release stated once across the answer', async () => {
    const one = JSON.parse(maximalClaim()) as object;
    const batch = Array.from({ length: 3 }, (_, i) => ({ ...one, submitterClaimId: `BATCH-${i + 1}` }));
    const res = await check(JSON.stringify({ claims: batch }));
    expect(res.status).toBe(200);
    const answer = (await res.json()) as Answer;
    expect(answer.claims.map((c) => c.submitterClaimId)).toEqual(['BATCH-1', 'BATCH-2', 'BATCH-3']);
    const releases = answer.sources.map((s) => s.release);
    expect(new Set(releases).size).toBe(releases.length);
    for (const c of answer.claims) {
      expect(c.result.validation.edits.length).toBeLessThanOrEqual(PUBLIC_CHECK_MAX_EDITS);
      for (const e of c.result.validation.edits) expect(releases).toContain(e.source.release);
    }
  });

  it('refuses more than CHECK_MAX_CLAIMS claims with 422 TOO_MANY_CLAIMS and checks none', async () => {
    const one = JSON.parse(maximalClaim()) as object;
    const claims = Array.from({ length: CHECK_MAX_CLAIMS + 1 }, (_, i) => ({ ...one, submitterClaimId: `MANY-${i}` }));
    const res = await check(JSON.stringify({ claims }));
    expect(res.status).toBe(422);
    const answer = (await res.json()) as Answer;
    expect(answer.claims).toEqual([]);
    expect(answer.errors.map((e) => e.code)).toEqual(['TOO_MANY_CLAIMS']);
  });

  it('keeps the event loop free while 20 maximal checks arrive at once, and answers 503 + Retry-After beyond the queue', async () => {
    let running = true;
    const health: number[] = [];
    const probe = (async () => {
      while (running) health.push((await fetch(`${url}/health`)).status);
    })();
    const answers = await Promise.all(Array.from({ length: 20 }, () => check(maximalClaim())));
    running = false;
    await probe;
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    expect(statuses).toContain(200);
    // One worker and a queue of four: what arrives while five are taken is refused at once.
    const refused = answers.filter((a) => a.status === 503);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of refused) {
      expect(r.headers.get('retry-after')).toBe('2');
      expect(await r.json()).toMatchObject({ code: 'CHECK_BUSY' });
    }
    // /health answered throughout, while every worker was busy.
    expect(health.length).toBeGreaterThan(1);
    expect(health.every((s) => s === 200)).toBe(true);
  });

  it('runs /v1/validate in the pool too, under the same keyless check limit', async () => {
    // The canonical claim, as the check normalised it.
    const { claims } = (await (await check(maximalClaim())).json()) as { claims: { claim: object }[] };
    const res = await fetch(`${url}/v1/validate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(claims[0].claim),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { edits: unknown[] }).edits.length).toBeGreaterThan(50);
  });
});

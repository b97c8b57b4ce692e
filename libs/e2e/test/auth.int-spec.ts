import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { TOPICS } from '@claimflow/contracts';
import { startConfiguredService, parseConfig } from '@claimflow/runtime';
import { IngestConfigSchema } from '@claimflow/service-ingest';
import { mintTestKey, waitFor, type TestApiKey, kafkaServiceEnv } from '@claimflow/testing';
import { scenario } from './support/fixtures';
import { startPipelineHarness, type PipelineHarness } from './support/pipeline-harness';
import { INGEST_SERVICE } from '@claimflow/service-ingest';

interface Answer {
  status: number;
  headers: Headers;
  body: {
    code?: string;
    field?: string;
    message?: string;
    claims?: { claimId: string; status: string }[];
    [k: string]: unknown;
  };
}

/** The test claim: its diagnosis codes and NPIs must never reach a log line. */
const CLAIM = JSON.parse(scenario('lesi-62323-77003-pos11')) as {
  submitterClaimId: string;
  frequencyCode: string;
  diagnoses: string[];
  billingProvider: { npi: string };
  renderingProviderNpi: string;
  submitterId?: string;
};
const SECRETS = [
  ...CLAIM.diagnoses,
  ...CLAIM.diagnoses.map((d) => d.replace('.', '')),
  CLAIM.billingProvider.npi,
  CLAIM.renderingProviderNpi,
];

describe('authenticated submitters: keys, owners and the edge (real Kafka and Postgres)', () => {
  let h: PipelineHarness;
  let a: TestApiKey;
  let b: TestApiKey;
  const logs: string[] = [];

  beforeAll(async () => {
    h = await startPipelineHarness('auth', {
      logStream: { write: (line: string) => logs.push(line) },
      // Request logging on, so the grep below has every request line to look through.
      extra: { LOG_LEVEL: 'debug', RATE_LIMIT_PUBLIC_CHECK: '2' },
    });
    [a, b] = await Promise.all([h.keyOf('org-a'), h.keyOf('org-b')]);
  });

  afterAll(() => h?.close());

  const call = async (method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> => {
    const res = await fetch(`${h.pipeline.ingestUrl}${path}`, { method, headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
  };
  const post = (claim: object, headers: Record<string, string>, query = '') =>
    call('POST', `/v1/claims${query}`, { 'content-type': 'application/json', ...headers }, JSON.stringify(claim));
  const read = (id: string, headers: Record<string, string>, query = '', accept = 'application/json') =>
    call('GET', `/v1/claims/${id}${query}`, { accept, ...headers });
  const ledger = async (id: string) => {
    const client = new Client({ connectionString: h.db.url });
    await client.connect();
    try {
      return (await client.query('SELECT submitter_id, status, replaced_by_id FROM claim_ledger WHERE id = $1', [id])).rows[0];
    } finally {
      await client.end();
    }
  };

  let claimOfA: string;

  it('prices a claim sent with a key and shows it to its owner, as JSON and as a FHIR ClaimResponse', async () => {
    const sent = await post(CLAIM, a.headers, '?wait=20s');
    expect(sent.status).toBe(200);
    claimOfA = sent.body.claims![0].claimId;
    const view = await read(claimOfA, a.headers);
    expect(view).toMatchObject({ status: 200, body: { claimId: claimOfA, submitterId: 'org-a', status: 'priced' } });
    const fhir = await read(claimOfA, a.headers, '', 'application/fhir+json');
    expect(fhir).toMatchObject({ status: 200, body: { resourceType: 'ClaimResponse' } });
  });

  it('answers 401 with WWW-Authenticate without a key, with an unknown key and with a revoked one', async () => {
    const none = await post(CLAIM, {});
    expect(none).toMatchObject({ status: 401, body: { code: 'API_KEY_MISSING' } });
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer realm="claimflow"/);
    expect((await read(claimOfA, {})).status).toBe(401);
    expect((await read(claimOfA, { authorization: 'Basic b3JnLWE6eA==' })).status).toBe(401);

    const unknown = await read(claimOfA, { authorization: `Bearer cf_live_${'A'.repeat(43)}` });
    expect(unknown).toMatchObject({ status: 401, body: { code: 'API_KEY_INVALID' } });
    expect(unknown.headers.get('www-authenticate')).toContain('error="invalid_token"');

    const soonRevoked = await mintTestKey(h.db.url, { owner: 'org-a', scopes: ['claims:read'] });
    expect((await read(claimOfA, soonRevoked.headers)).status).toBe(200);
    await soonRevoked.revoke();
    const revoked = await read(claimOfA, soonRevoked.headers);
    expect(revoked).toMatchObject({ status: 401, body: { code: 'API_KEY_INVALID' } });
    expect(JSON.stringify(revoked.body)).toBe(JSON.stringify(unknown.body));
  });

  it('answers 403 for a key without the scope the route needs', async () => {
    const readOnly = await mintTestKey(h.db.url, { owner: 'org-a', scopes: ['claims:read'] });
    const submitOnly = await mintTestKey(h.db.url, { owner: 'org-a', scopes: ['claims:submit'] });
    const reporter = await mintTestKey(h.db.url, { owner: 'org-a', scopes: ['reports:submit'] });
    expect(await post(CLAIM, readOnly.headers)).toMatchObject({ status: 403, body: { code: 'SCOPE_MISSING' } });
    expect(await post(CLAIM, reporter.headers)).toMatchObject({ status: 403, body: { code: 'SCOPE_MISSING' } });
    expect(await read(claimOfA, submitOnly.headers)).toMatchObject({ status: 403, body: { code: 'SCOPE_MISSING' } });
  });

  it("gives B the same 404 for A's claim as for an id that does not exist: JSON, FHIR and ?wait", async () => {
    const nowhere = randomUUID();
    const notFound = (r: Answer, id: string) => ({ status: r.status, body: JSON.stringify(r.body).replaceAll(id, '{id}') });
    const expected = notFound(await read(nowhere, b.headers), nowhere);
    expect(expected.status).toBe(404);
    for (const [query, accept] of [
      ['', 'application/json'],
      ['', 'application/fhir+json'],
      ['?wait=5s', 'application/json'],
      ['?wait=5s', 'application/fhir+json'],
    ]) {
      const started = Date.now();
      expect(notFound(await read(claimOfA, b.headers, query, accept), claimOfA)).toEqual(expected);
      // Not held for the wait either: an unknown id is not waited on, so neither is someone else's claim.
      expect(Date.now() - started).toBeLessThan(4000);
    }
  });

  it("lets B's duplicate of A's content be B's own new claim, not A's id", async () => {
    const again = await post(CLAIM, a.headers);
    expect(again.body.claims![0]).toMatchObject({ claimId: claimOfA, status: 'duplicate' });
    const copy = await post(CLAIM, b.headers);
    expect(copy.status).toBe(202);
    expect(copy.body.claims![0].status).toBe('accepted');
    expect(copy.body.claims![0].claimId).not.toBe(claimOfA);
    expect((await ledger(copy.body.claims![0].claimId)).submitter_id).toBe('org-b');
  });

  it("changes nothing of A's claim when B sends a frequency-8 void naming it", async () => {
    const before = await ledger(claimOfA);
    // A void names the claim it supersedes by its submitter claim id: A's, here.
    const voided = await post({ ...CLAIM, frequencyCode: '8' }, b.headers, '?wait=20s');
    expect(voided.status).toBeLessThan(300);
    expect(voided.body.claims![0].claimId).not.toBe(claimOfA);
    expect(await ledger(claimOfA)).toEqual(before);
    expect(before.replaced_by_id).toBeNull();
    expect((await read(claimOfA, a.headers)).body).toMatchObject({ status: 'priced' });
    expect((await read(claimOfA, a.headers)).body.replacedBy).toBeUndefined();
    // (B voided its own copy, sent above.) A void naming no claim of its sender cancels nothing: refused with
    // 422 NOTHING_TO_VOID and never priced as a new claim; sent again, the same answer.
    for (let i = 0; i < 2; i++) {
      const nothing = await post({ ...CLAIM, submitterClaimId: 'NEVER-SENT-BY-B', frequencyCode: '8' }, b.headers, '?wait=20s');
      expect(nothing.status).toBe(422);
      expect(JSON.stringify(nothing.body)).toContain('NOTHING_TO_VOID');
      expect(JSON.stringify(nothing.body)).not.toContain('priced');
    }
  });

  it('refuses with 400, naming the field, a header or body submitter that is not the key owner', async () => {
    const header = await post(CLAIM, { ...a.headers, 'x-submitter-id': 'org-b' });
    expect(header).toMatchObject({ status: 400, body: { code: 'SUBMITTER_MISMATCH', field: 'X-Submitter-Id' } });
    const body = await post({ ...CLAIM, submitterId: 'org-b' }, a.headers);
    expect(body).toMatchObject({ status: 400, body: { code: 'SUBMITTER_MISMATCH', field: 'submitterId' } });
    const batch = await post(
      [
        { ...CLAIM, submitterClaimId: 'OK-1' },
        { ...CLAIM, submitterId: 'org-b' },
      ],
      a.headers,
    );
    expect(batch).toMatchObject({ status: 400, body: { field: '[1].submitterId' } });
    expect(header.body.message).not.toContain('org-b');
    const agreeing = await post(
      { ...CLAIM, submitterClaimId: 'AGREES', submitterId: 'org-a' },
      { ...a.headers, 'x-submitter-id': 'org-a' },
    );
    expect(agreeing.status).toBe(202);
  });

  it('names the field and the problem in intake errors, never the value sent', async () => {
    const bad = { ...CLAIM, submitterClaimId: 'BAD-VALUES', billingProvider: { npi: '1234567890', zip: '1001' }, diagnoses: ['7#7Z'] };
    const answer = await post(bad, a.headers);
    expect(answer.status).toBe(422);
    const errors = JSON.stringify(answer.body.rejected);
    expect(errors).toContain('billingProvider.npi');
    expect(errors).toContain('diagnoses[0]');
    for (const value of ['1234567890', '1001', '7#7Z']) expect(errors.includes(value) ? value : 'absent').toBe('absent');
  });

  it("takes the submitter of a Kafka claim from its owner's topic, ignores cf-submitter-id, and dead-letters a body that disagrees", async () => {
    const { submit } = await h.ownerTopics('org-a');
    const send = (key: string, claim: object, submitter: string) =>
      h.producer.send({
        topic: submit,
        messages: [{ key, value: JSON.stringify(claim), headers: { 'content-type': 'application/json', 'cf-submitter-id': submitter } }],
      });
    // On A's topic, a header naming B is not obeyed: the claim is A's.
    await send('KAFKA-A', { ...CLAIM, submitterClaimId: 'KAFKA-A' }, 'org-b');
    await send('KAFKA-MISMATCH', { ...CLAIM, submitterClaimId: 'KAFKA-MISMATCH', submitterId: 'org-b' }, 'org-a');
    const dead = await waitFor(() => h.recorder.on(h.topic(TOPICS.claimsDeadLetter)).find((m) => m.key === 'KAFKA-MISMATCH') ?? false, {
      description: 'the disagreeing Kafka claim on the dead-letter topic',
    });
    expect(dead.json<{ reason: { code: string } }>().reason.code).toBe('SUBMITTER_MISMATCH');
    const priced = await waitFor(
      async () => {
        const client = new Client({ connectionString: h.db.url });
        await client.connect();
        try {
          const q = "SELECT id FROM claim_ledger WHERE submitter_claim_id = 'KAFKA-A' AND status = 'priced'";
          return ((await client.query(q)).rows[0]?.id as string | undefined) ?? false;
        } finally {
          await client.end();
        }
      },
      { description: 'the Kafka claim priced', timeoutMs: 30_000 },
    );
    expect((await read(priced, a.headers)).status).toBe(200);
    expect((await read(priced, b.headers)).status).toBe(404);
  });

  it('sends security headers, no X-Powered-By, keeps CORS closed and bounds the correlation id', async () => {
    const res = await read(claimOfA, a.headers);
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

    const long = await read(claimOfA, { ...a.headers, 'x-correlation-id': 'c'.repeat(129) });
    expect(long).toMatchObject({ status: 400, body: { code: 'CORRELATION_ID_INVALID', field: 'X-Correlation-Id' } });
    expect(JSON.stringify(long.body)).not.toContain('c'.repeat(20));
    expect((await read(claimOfA, { ...a.headers, 'x-correlation-id': 'c'.repeat(128) })).status).toBe(200);
    expect((await read(claimOfA, { ...a.headers, 'x-correlation-id': 'caf\u00e9' })).status).toBe(400);
    const huge = await read(claimOfA, { ...a.headers, 'x-padding': 'p'.repeat(20_000) }).catch(() => ({ status: 431 }));
    expect(huge.status).toBe(431);
  });

  it('checks a claim without a key on the validator, storing nothing, within a tight per-address limit (429 + Retry-After)', async () => {
    const ledgerSize = async () => {
      const client = new Client({ connectionString: h.db.url });
      await client.connect();
      try {
        return Number((await client.query('SELECT count(*) AS n FROM claim_ledger')).rows[0].n);
      } finally {
        await client.end();
      }
    };
    const before = await ledgerSize();
    const check = () =>
      fetch(`${h.pipeline.validatorUrl}/v1/check`, {
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
        KAFKA_BROKERS: h.infra.kafkaBrokers.join(','),
        ...kafkaServiceEnv('ingest', h.infra.kafkaBrokers),
        TOPIC_SUFFIX: h.suffix,
        DATABASE_URL: h.db.url,
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

    const get = (headers: Record<string, string>) => fetch(`${url}/v1/claims/${claimOfA}`, { headers });

    it('answers 429 with Retry-After per key, and per client address whatever the key', async () => {
      for (let i = 0; i < 3; i++) expect((await get(a.headers)).status).toBe(200);
      const overKey = await get(a.headers);
      expect(overKey.status).toBe(429);
      expect(Number(overKey.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await overKey.json()).toMatchObject({ code: 'RATE_LIMITED' });
      // Another key still has its own allowance...
      for (let i = 0; i < 3; i++) expect((await get(b.headers)).status).toBe(404);
      expect((await get({})).status).toBe(401);
      // ...until the address has used up its own (8 requests).
      const overAddress = await get(b.headers);
      expect(overAddress.status).toBe(429);
      expect(Number(overAddress.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });

  it('writes audit events for claim reads and failed key uses, and no claim content to any log', async () => {
    const lines = logs.map((l) => JSON.parse(l) as { audit?: boolean; action?: string; result?: string; reason?: string; keyId?: string });
    expect(lines.length).toBeGreaterThan(20);
    // Every HTTP request was logged (debug level), so the grep below ran over them all.
    expect(lines.filter((l) => 'req' in l).length).toBeGreaterThan(20);
    const audits = lines.filter((l) => l.audit);
    expect(audits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'claim.read', result: 'ok', keyId: a.id, owner: 'org-a', resource: claimOfA }),
        expect.objectContaining({ action: 'claim.read', result: 'not_found', keyId: b.id, owner: 'org-b', resource: claimOfA }),
        expect.objectContaining({ result: 'denied', reason: 'API_KEY_MISSING' }),
        expect.objectContaining({ result: 'denied', reason: 'API_KEY_INVALID', keyPrefix: 'cf_live_AAAA' }),
        expect.objectContaining({ result: 'denied', reason: 'API_KEY_REVOKED', owner: 'org-a' }),
        expect.objectContaining({ result: 'denied', reason: 'SCOPE_MISSING', owner: 'org-a' }),
      ]),
    );
    const all = logs.join('\n');
    for (const secret of SECRETS)
      expect(all.includes(secret) ? `${secret.length}-character value found in the logs` : 'absent').toBe('absent');
    expect(all).not.toContain(a.key);
  });
});

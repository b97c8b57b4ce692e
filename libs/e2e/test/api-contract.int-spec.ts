import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { openApiDocument } from '@claimflow/contracts';
import { CLAIM_LIFECYCLE_STATUSES, IMPLEMENTATION_277CA, IMPLEMENTATION_999 } from '@claimflow/domain';
import { aDenialReport, elementsOf, readBack } from '@claimflow/domain/testing';
import { startConfiguredService, parseConfig } from '@claimflow/runtime';
import { createFeedbackClient, createIngestClient, listAllClaims } from '@claimflow/sdk';
import { FeedbackConfigSchema } from '@claimflow/service-feedback';
import { kafkaServiceEnv, mintTestKey, waitFor, type TestApiKey } from '@claimflow/testing';
import { Client } from 'pg';
import { WebConfigSchema } from '@claimflow/service-web';
import { fixture, scenario } from './support/fixtures';
import { OpenApiClient, problemShapeProblems, servedRoutes } from './support/openapi-check';
import { startPipelineHarness, type PipelineHarness } from './support/pipeline-harness';
import { FEEDBACK_SERVICE } from '@claimflow/service-feedback';
import { webService } from '@claimflow/service-web';

const withDatabase = async (url: string, use: (sql: Client) => Promise<void>) => {
  const sql = new Client({ connectionString: url });
  await sql.connect();
  try {
    await use(sql);
  } finally {
    await sql.end();
  }
};

type Service = 'ingest' | 'validator' | 'pricing' | 'feedback' | 'web';
const SERVICES: Service[] = ['ingest', 'validator', 'pricing', 'feedback', 'web'];
const docsDir = join(__dirname, '../../../docs/openapi');
const json = { 'content-type': 'application/json' };
const x12 = { 'content-type': 'application/edi-x12' };

/** Every route of every service, with good and bad input: each answer must match the OpenAPI document the service serves. */
describe('HTTP answers match the served OpenAPI documents (real Kafka and Postgres)', () => {
  let h: PipelineHarness;
  let feedback: INestApplication;
  let web: INestApplication;
  const apps = {} as Record<Service, INestApplication>;
  const clients = {} as Record<Service, OpenApiClient>;
  /** Submitter key (claims:submit, claims:read) and reporter key (reports:submit). */
  let submitter: TestApiKey;
  let reporter: TestApiKey;

  beforeAll(async () => {
    h = await startPipelineHarness('contract');
    const config = parseConfig(FeedbackConfigSchema, {
      DATABASE_URL: h.db.urls.feedback,
      KAFKA_BROKERS: h.infra.kafkaBrokers.join(','),
      ...kafkaServiceEnv('feedback', h.infra.kafkaBrokers),
      TOPIC_SUFFIX: h.suffix,
      PORT: '0',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
    });
    feedback = await startConfiguredService(FEEDBACK_SERVICE, config);
    const feedbackUrl = (await feedback.getUrl()).replace('[::1]', '127.0.0.1');
    const webConfig = parseConfig(WebConfigSchema, {
      PORT: '0',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
      REFDATA_FALLBACK: 'latest',
      INGEST_URL: h.pipeline.ingestUrl,
      VALIDATOR_URL: h.pipeline.validatorUrl,
      PRICING_URL: h.pipeline.pricingUrl,
      FEEDBACK_URL: feedbackUrl,
    });
    web = await startConfiguredService(webService, webConfig);
    Object.assign(apps, h.pipeline.apps, { feedback, web });
    const urls: Record<Service, string> = {
      ingest: h.pipeline.ingestUrl,
      validator: h.pipeline.validatorUrl,
      pricing: h.pipeline.pricingUrl,
      feedback: feedbackUrl,
      web: (await web.getUrl()).replace('[::1]', '127.0.0.1'),
    };
    for (const service of Object.keys(urls) as Service[]) clients[service] = await OpenApiClient.load(urls[service]);
    submitter = await h.keyOf('contract');
    reporter = await mintTestKey(h.db.url, { owner: 'contract-biller', scopes: ['reports:submit'] });
  });

  afterAll(async () => {
    await web?.close();
    await feedback?.close();
    await h?.close();
  });

  it.each(SERVICES)('%s serves the document the build wrote, covering every route', (service) => {
    const served = clients[service].doc;
    expect(served).toEqual(JSON.parse(readFileSync(join(docsDir, `${service}.json`), 'utf8')));
    expect(served).toEqual(openApiDocument(service));
    const documented = Object.entries(served.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    // Middleware (metrics, and the web proxy elsewhere) is mounted on a catch-all path; only real routes count.
    const routes = servedRoutes(apps[service]).filter((r) => !r.includes('{*'));
    expect(routes.sort()).toEqual(documented.sort());
  });

  it('ingest: submissions, claim reads and their refusals', async () => {
    const c = clients.ingest;
    const keyed = { ...json, ...submitter.headers };
    const waited = await c.call('POST', '/v1/claims', '/v1/claims?wait=30s', {
      body: scenario('lesi-62323-77003-pos11'),
      headers: { ...keyed, 'x-submitter-id': submitter.owner },
    });
    expect(waited.status).toBe(200);
    const claimId = (waited.body as { claims: { claimId: string }[] }).claims[0].claimId;
    expect((await c.call('POST', '/v1/claims', '/v1/claims', { body: scenario('picc-36569-77001'), headers: keyed })).status).toBe(202);
    const refused = await c.call('POST', '/v1/claims', '/v1/claims', { body: '{"lines": []}', headers: keyed });
    expect(refused.status).toBe(422);
    const rejectedId = (refused.body as { rejected: { claimId: string }[] }).rejected[0].claimId;
    expect((await c.call('POST', '/v1/claims', '/v1/claims?wait=soon', { body: '{}', headers: keyed })).status).toBe(400);
    expect((await c.call('POST', '/v1/claims', '/v1/claims', { body: '{"lines": [', headers: keyed })).status).toBe(400);
    const someoneElse = { ...keyed, 'x-submitter-id': 'someone-else' };
    expect(await c.call('POST', '/v1/claims', '/v1/claims', { body: scenario('picc-36569-77001'), headers: someoneElse })).toMatchObject({
      status: 400,
      body: { code: 'SUBMITTER_MISMATCH' },
    });
    const xml = { ...submitter.headers, 'content-type': 'application/xml' };
    expect((await c.call('POST', '/v1/claims', '/v1/claims', { body: '<claim/>', headers: xml })).status).toBe(415);
    expect(await c.call('POST', '/v1/claims', '/v1/claims', { body: '{}', headers: json })).toMatchObject({
      status: 401,
      body: { code: 'API_KEY_MISSING' },
    });
    expect(await c.call('POST', '/v1/claims', '/v1/claims', { body: '{}', headers: { ...json, ...reporter.headers } })).toMatchObject({
      status: 403,
      body: { code: 'SCOPE_MISSING' },
    });

    const read = (id: string, headers: Record<string, string> = {}) =>
      c.call('GET', '/v1/claims/{id}', `/v1/claims/${id}`, { headers: { ...submitter.headers, ...headers } });
    expect((await read(claimId)).status).toBe(200);
    expect(await read(claimId, { accept: 'application/fhir+json' })).toMatchObject({
      status: 200,
      body: { resourceType: 'ClaimResponse' },
    });
    expect((await read(rejectedId, { accept: 'application/fhir+json' })).status).toBe(406);
    expect((await read('not-a-uuid')).status).toBe(400);
    expect((await read(`${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`)).status).toBe(404);
    expect((await c.call('GET', '/v1/claims/{id}', `/v1/claims/${claimId}`)).status).toBe(401);

    const list = (query: string, headers: Record<string, string> = submitter.headers) =>
      c.call('GET', '/v1/claims', `/v1/claims${query}`, { headers });
    const page = await list('?status=priced&limit=1');
    expect(page).toMatchObject({ status: 200, body: { claims: [{ status: 'priced' }], links: {} } });
    const all = await list('?limit=500');
    expect((all.body as { claims: { claimId: string }[] }).claims.map((x) => x.claimId)).toEqual(
      expect.arrayContaining([claimId, rejectedId]),
    );
    expect(await list('?limit=0&status=paid')).toMatchObject({
      status: 400,
      body: { code: 'PARAM_INVALID', errors: [{ path: 'status' }, { path: 'limit' }] },
    });
    expect((await list('', {})).status).toBe(401);
  });

  it('ingest: a submission, its claims and 999, and a priced claim’s 277CA (A2:20), each as documented', async () => {
    const c = clients.ingest;
    const sent = await c.call('POST', '/v1/claims', '/v1/claims?wait=30s', {
      body: fixture('x12/mixed-claims.x12'),
      headers: { ...x12, ...submitter.headers },
    });
    expect(sent.status).toBe(200);
    const id = (sent.body as { submissionId: string }).submissionId;
    expect(sent.headers.get('location')).toBe(`/v1/submissions/${id}`);
    const view = await c.call('GET', '/v1/submissions/{id}', `/v1/submissions/${id}`, { headers: submitter.headers });
    const claims = (view.body as { claims: { claimId: string; status: string }[] }).claims;
    expect(claims.map((x) => x.status)).toEqual(['priced', 'priced', 'rejected']);
    const list = await c.call('GET', '/v1/submissions', '/v1/submissions?limit=1', { headers: submitter.headers });
    expect(list.body).toMatchObject({ submissions: [{ submissionId: id }] });
    expect((await c.call('GET', '/v1/submissions', '/v1/submissions?limit=x', { headers: submitter.headers })).status).toBe(400);
    const ack999 = await c.call('GET', '/v1/submissions/{id}/999', `/v1/submissions/${id}/999`, { headers: submitter.headers });
    expect(readBack(ack999.body as string, { transactionSet: '999', implementation: IMPLEMENTATION_999 }).problems).toEqual([]);
    const ack277 = await c.call('GET', '/v1/claims/{id}/277ca', `/v1/claims/${claims[0].claimId}/277ca`, { headers: submitter.headers });
    const read277 = readBack(ack277.body as string, { transactionSet: '277', implementation: IMPLEMENTATION_277CA });
    expect(read277.problems).toEqual([]);
    expect(elementsOf(read277.segments, 'STC').map((e) => [e[0], e[2]])).toEqual([
      ['A1:19:AY', 'WQ'],
      ['A2:20', 'WQ'],
    ]);
    const stranger = await h.keyOf('contract-stranger');
    expect((await c.call('GET', '/v1/submissions/{id}', `/v1/submissions/${id}`, { headers: stranger.headers })).status).toBe(404);
    expect((await c.call('GET', '/v1/submissions/{id}/999', `/v1/submissions/${id}/999`, { headers: stranger.headers })).status).toBe(404);
    const claim277 = `/v1/claims/${claims[0].claimId}/277ca`;
    expect((await c.call('GET', '/v1/claims/{id}/277ca', claim277, { headers: stranger.headers })).status).toBe(404);
    expect((await c.call('GET', '/v1/claims/{id}/277ca', '/v1/claims/x/277ca', { headers: submitter.headers })).status).toBe(400);
    expect((await c.call('GET', '/v1/submissions/{id}', '/v1/submissions/x', { headers: submitter.headers })).status).toBe(400);
  });

  it("ingest: a replaced and a voided claim are read with the statuses the document lists (the lifecycle's)", async () => {
    const c = clients.ingest;
    const owner = await h.keyOf('contract-supersede');
    const original = JSON.parse(scenario('picc-36569-77001')) as { lines: { charge?: number }[] };
    const send = async (claim: object) => {
      const sent = await c.call('POST', '/v1/claims', '/v1/claims', {
        body: JSON.stringify(claim),
        headers: { ...json, ...owner.headers },
      });
      expect(sent.status).toBe(202);
      return (sent.body as { claims: { claimId: string }[] }).claims[0].claimId;
    };
    const read = (id: string) => c.call('GET', '/v1/claims/{id}', `/v1/claims/${id}`, { headers: owner.headers });
    /**
     * Only a claim still in flight becomes replaced or voided (a final one keeps its result and gains replacedBy), so
     * the later claim is sent as soon as the first is acknowledged; should the pipeline have priced the first already,
     * the round is tried again with a new claim number, within a deadline.
     */
    const supersededStatus = async (frequencyCode: '7' | '8') =>
      waitFor(
        async () => {
          const claim = { ...original, submitterClaimId: `SUPERSEDE-${frequencyCode}-${randomUUID().slice(0, 8)}` };
          const first = await send(claim);
          const later = await send({
            ...claim,
            frequencyCode,
            lines: original.lines.map((l) => ({ ...l, charge: (l.charge ?? 100) + 1 })),
          });
          // Each answer is checked against the served document (ClaimViewSchema, status from libs/domain's lifecycle).
          const answer = await read(first);
          expect(answer).toMatchObject({ status: 200, body: { replacedBy: later } });
          const status = (answer.body as { status: string }).status;
          return status === 'replaced' || status === 'voided' ? status : undefined;
        },
        { description: `a claim superseded in flight (frequency ${frequencyCode})`, timeoutMs: 60_000 },
      );
    expect(await supersededStatus('7')).toBe('replaced');
    expect(await supersededStatus('8')).toBe('voided');
    const served = (clients.ingest.doc.paths['/v1/claims/{id}'].get.responses['200'].content?.['application/json'].schema ?? {}) as {
      properties?: { status?: { enum?: string[] } };
    };
    expect(served.properties?.status?.enum).toEqual([...CLAIM_LIFECYCLE_STATUSES]);
  });

  it('ingest: a remittance matched to its claim, the payer outcome on the claim, and edit accuracy', async () => {
    const c = clients.ingest;
    const checked = await c.call('POST', '/v1/claims', '/v1/claims?wait=30s', {
      body: fixture('x12/single-claim.x12'),
      headers: { ...x12, ...submitter.headers },
    });
    expect(checked.status).toBe(200);
    const claimId = (checked.body as { claims: { claimId: string }[] }).claims[0].claimId;
    // The same owner with reports:submit too: ?contribute=true sends denial reports.
    const contributor = await mintTestKey(h.db.url, { owner: 'contract', scopes: ['claims:submit', 'claims:read', 'reports:submit'] });
    const remit = (query: string, body: string, headers: Record<string, string> = x12) =>
      c.call('POST', '/v1/remittances', `/v1/remittances${query}`, { body, headers: { ...headers, ...contributor.headers } });
    const answered = await remit('?contribute=true', fixture('x835/paid-denied-adjusted.835'));
    expect(answered).toMatchObject({ status: 200, body: { contributed: 1 } });
    const refused = await c.call('POST', '/v1/remittances', '/v1/remittances?contribute=true', {
      body: fixture('x835/paid-denied-adjusted.835'),
      headers: { ...x12, ...submitter.headers },
    });
    expect(refused).toMatchObject({ status: 403, body: { code: 'SCOPE_MISSING' } });
    const view = await c.call('GET', '/v1/claims/{id}', `/v1/claims/${claimId}`, { headers: submitter.headers });
    expect(view).toMatchObject({ status: 200, body: { payerOutcome: { lines: [{ outcome: 'paid' }, { outcome: 'denied' }] } } });
    expect((await remit('', 'ISA*not an 835~')).status).toBe(422);
    expect((await remit('?contribute=maybe', fixture('x835/paid-denied-adjusted.835'))).status).toBe(400);
    expect((await remit('', '{}', json)).status).toBe(415);
    const noKey = await c.call('POST', '/v1/remittances', '/v1/remittances', { body: 'ISA~', headers: x12 });
    expect(noKey.status).toBe(401);

    const accuracy = (query: string, headers: Record<string, string> = submitter.headers) =>
      c.call('GET', '/v1/edit-accuracy', `/v1/edit-accuracy${query}`, { headers });
    expect(await accuracy('')).toMatchObject({ status: 200, body: { lines: 2, denied: 1 } });
    expect(await accuracy('?view=public')).toMatchObject({ status: 200, body: { minReporters: 5 } });
    expect((await accuracy('?view=everyone')).status).toBe(400);
    expect((await accuracy('', {})).status).toBe(401);
    expect((await accuracy('', reporter.headers)).status).toBe(403);
    const open = await c.call('GET', '/v1/edit-accuracy/public', '/v1/edit-accuracy/public');
    expect(open).toMatchObject({ status: 200, body: { lines: null, byEdit: [] } });
  });

  it('validator: a claim validated and checked (no key), an invalid claim, malformed JSON', async () => {
    const c = clients.validator;
    const claim = {
      claimId: 'contract-1',
      submitterClaimId: 'LESI-1',
      placeOfService: '11',
      billingProvider: { npi: '1234567893', zip: '10016' },
      lines: [
        { lineNumber: 1, code: '62323', modifiers: [], units: 1, dateOfService: '2025-03-10' },
        { lineNumber: 2, code: '77003', modifiers: [], units: 1, dateOfService: '2025-03-10' },
      ],
    };
    expect((await c.call('POST', '/v1/validate', '/v1/validate', { body: JSON.stringify(claim), headers: json })).status).toBe(200);
    expect((await c.call('POST', '/v1/validate', '/v1/validate', { body: '{"lines": []}', headers: json })).status).toBe(422);
    expect((await c.call('POST', '/v1/validate', '/v1/validate', { body: '{', headers: json })).status).toBe(400);

    const check = (body: string, headers: Record<string, string> = json) => c.call('POST', '/v1/check', '/v1/check', { body, headers });
    expect(await check(scenario('lesi-62323-77003-pos11'))).toMatchObject({ status: 200, body: { claims: [{ status: 'priced' }] } });
    expect(await check(fixture('x12/single-claim.x12'), x12)).toMatchObject({ status: 200, body: { format: 'x12' } });
    expect((await check('{"lines": []}')).status).toBe(422);
    expect((await check('<claim/>', { 'content-type': 'application/xml' })).status).toBe(415);
  });

  it('pricing: a fee look-up and each refusal', async () => {
    const c = clients.pricing;
    const path = '/v1/fee-schedule/{code}';
    expect((await c.call('GET', path, '/v1/fee-schedule/77003?zip=10016&latest=true&modifier=26')).status).toBe(200);
    expect((await c.call('GET', path, '/v1/fee-schedule/77003?zip=100')).status).toBe(400);
    // A full year that lacks the code says so; the CY2026 excerpt shipped here says it is an excerpt (#27).
    expect(await c.call('GET', path, '/v1/fee-schedule/0000T?date=2025-06-01')).toMatchObject({
      status: 404,
      body: { code: 'CODE_UNKNOWN' },
    });
    expect(await c.call('GET', path, '/v1/fee-schedule/0000T?latest=true')).toMatchObject({
      status: 404,
      body: { code: 'CODE_NOT_IN_EXCERPT' },
    });
    expect(await c.call('GET', path, '/v1/fee-schedule/7700?latest=true')).toMatchObject({
      status: 400,
      body: { code: 'CODE_INVALID', errors: [{ path: 'code', code: 'CODE_INVALID' }] },
    });
    expect((await c.call('GET', path, '/v1/fee-schedule/77003?zip=10016&date=1999-01-01')).status).toBe(422);
  });

  it('feedback: a report stored, replayed and refused; patterns and their publication read', async () => {
    const c = clients.feedback;
    const report = JSON.stringify(aDenialReport());
    const keyed = { ...json, ...reporter.headers };
    const key = { ...keyed, 'idempotency-key': 'contract-key-0001' };
    const post = (body: string, headers: Record<string, string>) =>
      c.call('POST', '/v1/denial-reports', '/v1/denial-reports', { body, headers });
    expect((await post(report, key)).status).toBe(201);
    expect((await post(report, key)).status).toBe(201);
    expect((await post(JSON.stringify(aDenialReport({ state: 'NY' })), key)).status).toBe(409);
    expect((await post(report, { ...keyed, 'idempotency-key': 'short' })).status).toBe(400);
    expect((await post(report, { ...reporter.headers, 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post('{"state": "XX"}', keyed)).status).toBe(422);
    expect(await post(report, json)).toMatchObject({ status: 401, body: { code: 'API_KEY_MISSING' } });
    expect(await post(report, { ...json, ...submitter.headers })).toMatchObject({ status: 403, body: { code: 'SCOPE_MISSING' } });
    const patterns = '/v1/codes/{code}/denial-patterns';
    expect(await c.call('GET', patterns, '/v1/codes/77003/denial-patterns')).toMatchObject({
      status: 200,
      body: { status: 'insufficient' },
    });
    expect((await c.call('GET', patterns, '/v1/codes/77003/denial-patterns?year=2026')).status).toBe(200);
    expect((await c.call('GET', patterns, '/v1/codes/77003/denial-patterns?state=ZZ&color=red')).status).toBe(400);
    expect((await c.call('GET', patterns, '/v1/codes/77003/denial-patterns?state=PA&year=2026')).status).toBe(400);
    expect(await c.call('GET', patterns, '/v1/codes/7700/denial-patterns')).toMatchObject({ status: 400, body: { code: 'CODE_INVALID' } });
    const publication = await c.call('GET', '/v1/denial-patterns/publication', '/v1/denial-patterns/publication');
    expect(publication).toMatchObject({ status: 200, body: { threshold: 5, rounding: 5 } });
  });

  it.each(SERVICES)('%s: health, metrics and the documentation itself', async (service) => {
    const c = clients[service];
    expect((await c.call('GET', '/health', '/health')).status).toBe(200);
    expect((await c.call('GET', '/health/ready', '/health/ready')).status).toBe(200);
    expect((await c.call('GET', '/metrics', '/metrics')).status).toBe(200);
    expect((await c.call('GET', '/openapi.json', '/openapi.json')).status).toBe(200);
    const page = await c.call('GET', '/docs', '/docs');
    expect(page.body).toContain('docs/swagger-ui-bundle.js');
    for (const file of ['swagger-ui.css', 'swagger-ui-bundle.js', 'init.js'])
      expect((await c.call('GET', '/docs/{file}', `/docs/${file}`)).status).toBe(200);
    expect((await c.call('GET', '/docs/{file}', '/docs/..%2Fpackage.json')).status).toBe(404);
  });

  it('web: the code look-up, its refusals, and the reference-data status', async () => {
    const c = clients.web;
    expect((await c.call('GET', '/api/codes/{code}', '/api/codes/77003?date=2025-06-01')).status).toBe(200);
    expect(await c.call('GET', '/api/codes/{code}', '/api/codes/7700?date=2025-06-01')).toMatchObject({
      status: 400,
      body: { code: 'CODE_INVALID', errors: [{ path: 'code', code: 'CODE_INVALID' }] },
    });
    expect((await c.call('GET', '/api/codes/{code}', '/api/codes/77003?date=2025-13-45')).status).toBe(400);
    expect(await c.call('GET', '/api/codes/{code}', '/api/codes/0000T?date=2025-06-01')).toMatchObject({
      status: 404,
      body: { code: 'CODE_UNKNOWN' },
    });
    expect((await c.call('GET', '/api/localities', '/api/localities?date=2025-06-01')).status).toBe(200);
    expect((await c.call('GET', '/api/localities', '/api/localities?date=June')).status).toBe(400);
    const status = await c.call('GET', '/api/refdata/status', '/api/refdata/status');
    expect(status).toMatchObject({ status: 200, body: { line: expect.any(String) } });
    expect((status.body as { coverage: unknown[] }).coverage.length).toBeGreaterThan(0);
  });

  /** A route each service has, and a method it does not take there. */
  const WRONG_METHOD: Record<Service, [string, string, string]> = {
    ingest: ['DELETE', '/v1/claims', 'GET, HEAD, POST'], // GET lists the owner's claims (#29 item 1), POST submits
    validator: ['GET', '/v1/validate', 'POST'],
    pricing: ['POST', '/v1/fee-schedule/77003', 'GET, HEAD'],
    feedback: ['GET', '/v1/denial-reports', 'POST'],
    web: ['POST', '/api/codes/77003', 'GET, HEAD'],
  };

  it.each(SERVICES)('%s: an unknown route, a wrong method and malformed JSON are problem details like every error', async (service) => {
    const raw = async (method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}) => {
      const res = await fetch(`${clients[service].baseUrl}${path}`, { method, ...init });
      const contentType = (res.headers.get('content-type') ?? '').split(';')[0].trim();
      const body = (await res.json()) as Record<string, unknown>;
      expect(problemShapeProblems(`${method} ${path} -> ${res.status} ${contentType}`, contentType, body)).toEqual([]);
      return { status: res.status, allow: res.headers.get('allow'), body };
    };
    // web serves its client's pages on other paths; its own routes are under /api.
    const unknown = await raw('GET', `${service === 'web' ? '/api' : '/v1'}/no-such-route?mrn=MRN-0042`);
    expect(unknown).toMatchObject({
      status: 404,
      body: { code: 'ROUTE_NOT_FOUND', type: 'https://claimflow.dev/problems/route-not-found' },
    });
    expect(JSON.stringify(unknown.body)).not.toContain('MRN');
    const [method, path, allow] = WRONG_METHOD[service];
    expect(await raw(method, path)).toMatchObject({ status: 405, allow, body: { code: 'METHOD_NOT_ALLOWED' } });
    // web parses no bodies: its proxy streams them to the validator, whose refusal comes back as is. Pricing takes none.
    const target = { ingest: '/v1/claims', validator: '/v1/validate', feedback: '/v1/denial-reports', web: '/api/validator/v1/validate' };
    if (service === 'pricing') return;
    const keyed = service === 'ingest' ? submitter.headers : service === 'feedback' ? reporter.headers : {};
    const malformed = await raw('POST', target[service], { body: '{"patient": "MRN-0042", ', headers: { ...json, ...keyed } });
    expect(malformed).toMatchObject({ status: 400, body: { code: 'JSON_MALFORMED', errors: [{ code: 'JSON_MALFORMED' }] } });
    expect(JSON.stringify(malformed.body)).not.toContain('MRN');
  });

  it('a client generated from the documents (@claimflow/sdk) submits a claim, reads it back and reports a denial', async () => {
    const ingest = createIngestClient({ baseUrl: clients.ingest.baseUrl, apiKey: submitter.key });
    const claim = JSON.parse(scenario('lesi-62323-77003-pos11'));
    const submitted = await ingest.POST('/v1/claims', { body: claim, params: { query: { wait: '30s' } } });
    expect(submitted.response.status).toBe(200);
    const claimId = submitted.data!.claims[0].claimId;
    const read = await ingest.GET('/v1/claims/{id}', { params: { path: { id: claimId } } });
    expect(read.data).toMatchObject({ claimId, status: 'priced', result: { pricing: { kind: 'priced' } } });
    const refused = await ingest.GET('/v1/claims/{id}', { params: { path: { id: 'not-a-uuid' } } });
    expect(refused.error).toMatchObject({ code: 'CLAIM_ID_INVALID' });
    const found = [];
    for await (const item of listAllClaims(ingest, { submitterClaimId: claim.submitterClaimId, limit: '1' })) found.push(item.claimId);
    expect(found).toContain(claimId);

    const feedbackClient = createFeedbackClient({ baseUrl: clients.feedback.baseUrl, apiKey: reporter.key });
    const stored = await feedbackClient.POST('/v1/denial-reports', { body: aDenialReport({ state: 'TX' }) });
    expect(stored.data).toMatchObject({ status: 'stored', replayed: false });
    const patterns = await feedbackClient.GET('/v1/codes/{code}/denial-patterns', { params: { path: { code: '77003' } } });
    expect(patterns.data?.status).toBe('insufficient');
  });

  it('ingest: webhooks created, listed, rotated, their deliveries listed and redelivered, deleted; refusals', async () => {
    const c = clients.ingest;
    const hooks = await mintTestKey(h.db.url, { owner: 'contract-hooks', scopes: ['claims:read'] });
    const as = (headers: Record<string, string> = {}) => ({ headers: { ...json, ...hooks.headers, ...headers } });
    // TEST-NET-3 (RFC 5737): a public address nothing answers on; this owner submits no claims, so nothing is sent.
    const body = JSON.stringify({ url: 'https://203.0.113.10/hooks', events: ['claim.final', 'remittance.matched'] });
    const created = await c.call('POST', '/v1/webhooks', '/v1/webhooks', { body, ...as() });
    expect(created).toMatchObject({ status: 201, body: { secret: expect.stringMatching(/^whsec_/) } });
    const id = (created.body as { id: string }).id;
    expect(created.headers.get('location')).toBe(`/v1/webhooks/${id}`);
    const private10 = JSON.stringify({ url: 'https://10.0.0.1/hooks', events: ['claim.final'] });
    expect(await c.call('POST', '/v1/webhooks', '/v1/webhooks', { body: private10, ...as() })).toMatchObject({ status: 422 });
    expect((await c.call('POST', '/v1/webhooks', '/v1/webhooks', { body: '{"url":', ...as() })).status).toBe(400);
    expect((await c.call('POST', '/v1/webhooks', '/v1/webhooks', { body, ...as({ 'content-type': 'text/plain' }) })).status).toBe(415);
    expect((await c.call('GET', '/v1/webhooks', '/v1/webhooks', as())).body).toMatchObject({ webhooks: [{ id }] });
    const rotated = await c.call('POST', '/v1/webhooks/{id}/rotate-secret', `/v1/webhooks/${id}/rotate-secret`, as());
    expect(rotated).toMatchObject({ status: 200, body: { id, secret: expect.stringMatching(/^whsec_/) } });
    // A delivery as the trigger records one, already failed (so the worker leaves it alone until redelivered).
    await withDatabase(h.db.url, async (sql) => {
      await sql.query(`INSERT INTO ledger.webhook_event (id, owner, type, data) VALUES ('evt_contract', 'contract-hooks', 'claim.final',
        '{"claimId":"00000000-0000-4000-8000-000000000000","submitterClaimId":"C-1","status":"rejected"}')`);
      await sql.query(
        `INSERT INTO ledger.webhook_delivery (subscription_id, event_id, status, attempts, last_response_code)
        VALUES ($1, 'evt_contract', 'failed', 3, 500)`,
        [id],
      );
    });
    const listed = await c.call('GET', '/v1/webhooks/{id}/deliveries', `/v1/webhooks/${id}/deliveries`, as());
    expect(listed).toMatchObject({ status: 200, body: { deliveries: [{ status: 'failed', attempts: 3, lastResponseCode: 500 }] } });
    const deliveryId = (listed.body as { deliveries: { id: string }[] }).deliveries[0].id;
    const redeliver = `/v1/webhooks/${id}/deliveries/${deliveryId}/redeliver`;
    const template = '/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver';
    expect(await c.call('POST', template, redeliver, as())).toMatchObject({ status: 202, body: { status: 'pending' } });
    expect((await c.call('POST', template, redeliver, { headers: submitter.headers })).status).toBe(404);
    expect((await c.call('GET', '/v1/webhooks', '/v1/webhooks', { headers: reporter.headers })).status).toBe(403);
    expect((await c.call('DELETE', '/v1/webhooks/{id}', `/v1/webhooks/${id}`, as())).status).toBe(204);
    expect((await c.call('DELETE', '/v1/webhooks/{id}', `/v1/webhooks/${id}`, as())).status).toBe(404);
  });

  it('every documented operation was called and every answer matched its document', () => {
    const problems = Object.values(clients).flatMap((c) => c.problems);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(Object.entries(clients).map(([s, c]) => [s, c.uncalled()]))).toEqual({
      ingest: [],
      validator: [],
      pricing: [],
      feedback: [],
      web: [],
    });
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { openApiDocument } from '@claimflow/contracts';
import { aDenialReport } from '@claimflow/domain/testing';
import { bootstrapService, parseConfig } from '@claimflow/platform';
import { createFeedbackClient, createIngestClient } from '@claimflow/sdk';
import { FeedbackConfigSchema, FeedbackModule } from '@claimflow/service-feedback';
import { WebConfigSchema, WebModule } from '@claimflow/service-web';
import { scenario } from './support/fixtures';
import { OpenApiClient, servedRoutes } from './support/openapi-check';
import { startPipelineHarness, type PipelineHarness } from './support/pipeline-harness';

type Service = 'ingest' | 'validator' | 'pricing' | 'feedback' | 'web';
const SERVICES: Service[] = ['ingest', 'validator', 'pricing', 'feedback', 'web'];
const docsDir = join(__dirname, '../../../docs/openapi');
const json = { 'content-type': 'application/json' };

/** Every route of every service, with good and bad input: each answer must match the OpenAPI document the service serves. */
describe('HTTP answers match the served OpenAPI documents (real Kafka and Postgres)', () => {
  let h: PipelineHarness;
  let feedback: INestApplication;
  let web: INestApplication;
  const apps = {} as Record<Service, INestApplication>;
  const clients = {} as Record<Service, OpenApiClient>;

  beforeAll(async () => {
    h = await startPipelineHarness('contract');
    const config = parseConfig(FeedbackConfigSchema, {
      DATABASE_URL: h.db.url,
      KAFKA_BROKERS: h.infra.kafkaBrokers.join(','),
      TOPIC_SUFFIX: h.suffix,
      PORT: '0',
      LOG_LEVEL: 'silent',
      NODE_ENV: 'test',
    });
    feedback = await bootstrapService({ name: 'feedback', module: FeedbackModule.forRoot(config), config });
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
    web = await bootstrapService({ name: 'web', module: WebModule.forRoot(webConfig), config: webConfig });
    Object.assign(apps, h.pipeline.apps, { feedback, web });
    const urls: Record<Service, string> = {
      ingest: h.pipeline.ingestUrl,
      validator: h.pipeline.validatorUrl,
      pricing: h.pipeline.pricingUrl,
      feedback: feedbackUrl,
      web: (await web.getUrl()).replace('[::1]', '127.0.0.1'),
    };
    for (const service of Object.keys(urls) as Service[]) clients[service] = await OpenApiClient.load(urls[service]);
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
    const waited = await c.call('POST', '/v1/claims', '/v1/claims?wait=30s', {
      body: scenario('lesi-62323-77003-pos11'),
      headers: { ...json, 'x-submitter-id': 'contract' },
    });
    expect(waited.status).toBe(200);
    const claimId = (waited.body as { claims: { claimId: string }[] }).claims[0].claimId;
    expect((await c.call('POST', '/v1/claims', '/v1/claims', { body: scenario('picc-36569-77001'), headers: json })).status).toBe(202);
    const refused = await c.call('POST', '/v1/claims', '/v1/claims', { body: '{"lines": []}', headers: json });
    expect(refused.status).toBe(422);
    const rejectedId = (refused.body as { rejected: { claimId: string }[] }).rejected[0].claimId;
    expect((await c.call('POST', '/v1/claims', '/v1/claims?wait=soon', { body: '{}', headers: json })).status).toBe(400);
    expect((await c.call('POST', '/v1/claims', '/v1/claims', { body: '{"lines": [', headers: json })).status).toBe(400);
    expect(
      (await c.call('POST', '/v1/claims', '/v1/claims', { body: '<claim/>', headers: { 'content-type': 'application/xml' } })).status,
    ).toBe(415);

    expect((await c.call('GET', '/v1/claims/{id}', `/v1/claims/${claimId}`)).status).toBe(200);
    const fhir = await c.call('GET', '/v1/claims/{id}', `/v1/claims/${claimId}`, { headers: { accept: 'application/fhir+json' } });
    expect(fhir).toMatchObject({ status: 200, body: { resourceType: 'ClaimResponse' } });
    expect(
      (await c.call('GET', '/v1/claims/{id}', `/v1/claims/${rejectedId}`, { headers: { accept: 'application/fhir+json' } })).status,
    ).toBe(406);
    expect((await c.call('GET', '/v1/claims/{id}', '/v1/claims/not-a-uuid')).status).toBe(400);
    expect((await c.call('GET', '/v1/claims/{id}', `/v1/claims/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`)).status).toBe(404);
  });

  it('validator: a claim checked, an invalid claim, malformed JSON', async () => {
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
  });

  it('pricing: a fee look-up and each refusal', async () => {
    const c = clients.pricing;
    const path = '/v1/fee-schedule/{code}';
    expect((await c.call('GET', path, '/v1/fee-schedule/77003?zip=10016&latest=true&modifier=26')).status).toBe(200);
    expect((await c.call('GET', path, '/v1/fee-schedule/77003?zip=100')).status).toBe(400);
    expect((await c.call('GET', path, '/v1/fee-schedule/0000T?latest=true')).status).toBe(404);
    expect((await c.call('GET', path, '/v1/fee-schedule/77003?zip=10016&date=1999-01-01')).status).toBe(422);
  });

  it('feedback: a report stored, replayed and refused; patterns read and refused', async () => {
    const c = clients.feedback;
    const report = JSON.stringify(aDenialReport());
    const key = { ...json, 'idempotency-key': 'contract-key-0001' };
    expect((await c.call('POST', '/v1/denial-reports', '/v1/denial-reports', { body: report, headers: key })).status).toBe(201);
    expect((await c.call('POST', '/v1/denial-reports', '/v1/denial-reports', { body: report, headers: key })).status).toBe(201);
    const other = JSON.stringify(aDenialReport({ state: 'NY' }));
    expect((await c.call('POST', '/v1/denial-reports', '/v1/denial-reports', { body: other, headers: key })).status).toBe(409);
    const badKey = { ...json, 'idempotency-key': 'short' };
    expect((await c.call('POST', '/v1/denial-reports', '/v1/denial-reports', { body: report, headers: badKey })).status).toBe(400);
    const text = { 'content-type': 'text/plain' };
    expect((await c.call('POST', '/v1/denial-reports', '/v1/denial-reports', { body: report, headers: text })).status).toBe(415);
    expect((await c.call('POST', '/v1/denial-reports', '/v1/denial-reports', { body: '{"state": "XX"}', headers: json })).status).toBe(422);
    const patterns = '/v1/codes/{code}/denial-patterns';
    expect((await c.call('GET', patterns, '/v1/codes/77003/denial-patterns')).status).toBe(200);
    expect((await c.call('GET', patterns, '/v1/codes/77003/denial-patterns?state=ZZ&color=red')).status).toBe(400);
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

  it('web: the code look-up and its refusals', async () => {
    const c = clients.web;
    expect((await c.call('GET', '/api/codes/{code}', '/api/codes/77003?date=2025-06-01')).status).toBe(200);
    expect((await c.call('GET', '/api/codes/{code}', '/api/codes/7700?date=2025-06-01')).status).toBe(400);
    expect((await c.call('GET', '/api/codes/{code}', '/api/codes/77003?date=2025-13-45')).status).toBe(400);
    expect((await c.call('GET', '/api/codes/{code}', '/api/codes/0000T?date=2025-06-01')).status).toBe(404);
    expect((await c.call('GET', '/api/localities', '/api/localities?date=2025-06-01')).status).toBe(200);
    expect((await c.call('GET', '/api/localities', '/api/localities?date=June')).status).toBe(400);
  });

  it('a client generated from the documents (@claimflow/sdk) submits a claim, reads it back and reports a denial', async () => {
    const ingest = createIngestClient({ baseUrl: clients.ingest.baseUrl, headers: { 'x-submitter-id': 'sdk' } });
    const claim = JSON.parse(scenario('lesi-62323-77003-pos11'));
    const submitted = await ingest.POST('/v1/claims', { body: claim, params: { query: { wait: '30s' } } });
    expect(submitted.response.status).toBe(200);
    const claimId = submitted.data!.claims[0].claimId;
    const read = await ingest.GET('/v1/claims/{id}', { params: { path: { id: claimId } } });
    expect(read.data).toMatchObject({ claimId, status: 'priced', result: { pricing: { kind: 'priced' } } });
    const refused = await ingest.GET('/v1/claims/{id}', { params: { path: { id: 'not-a-uuid' } } });
    expect(refused.error).toMatchObject({ code: 'CLAIM_ID_INVALID' });

    const feedbackClient = createFeedbackClient({ baseUrl: clients.feedback.baseUrl });
    const stored = await feedbackClient.POST('/v1/denial-reports', { body: aDenialReport({ state: 'TX' }) });
    expect(stored.data).toMatchObject({ status: 'stored', replayed: false });
    const patterns = await feedbackClient.GET('/v1/codes/{code}/denial-patterns', { params: { path: { code: '77003' } } });
    expect(patterns.data?.status).toBe('insufficient');
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

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocument } from '@claimflow/contracts';
import { problemShapeProblems, servedRoutes } from '../openapi-check';
import { json, SERVICES, type ContractContext, type Service } from './context';

const docsDir = join(__dirname, '../../../../../docs/openapi');

/** Each service serves the document the build wrote, and it covers every route. */
export function servedDocuments(ctx: ContractContext): void {
  it.each(SERVICES)('%s serves the document the build wrote, covering every route', (service) => {
    const served = ctx.clients[service].doc;
    expect(served).toEqual(JSON.parse(readFileSync(join(docsDir, `${service}.json`), 'utf8')));
    expect(served).toEqual(openApiDocument(service));
    const documented = Object.entries(served.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    // Middleware (metrics, and the web proxy elsewhere) is mounted on a catch-all path; only real routes count.
    const routes = servedRoutes(ctx.apps[service]).filter((r) => !r.includes('{*'));
    expect(routes.sort()).toEqual(documented.sort());
  });
}

/** Health, metrics and the documentation pages of every service. */
export function operationalRoutes(ctx: ContractContext): void {
  it.each(SERVICES)('%s: health, metrics and the documentation itself', async (service) => {
    const c = ctx.clients[service];
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
}

/** Unknown routes, wrong methods and malformed JSON: problem details like every error. */
export function problemAnswers(ctx: ContractContext): void {
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
      const res = await fetch(`${ctx.clients[service].baseUrl}${path}`, { method, ...init });
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
    const keyed = service === 'ingest' ? ctx.submitter.headers : service === 'feedback' ? ctx.reporter.headers : {};
    const malformed = await raw('POST', target[service], { body: '{"patient": "MRN-0042", ', headers: { ...json, ...keyed } });
    expect(malformed).toMatchObject({ status: 400, body: { code: 'JSON_MALFORMED', errors: [{ code: 'JSON_MALFORMED' }] } });
    expect(JSON.stringify(malformed.body)).not.toContain('MRN');
  });
}

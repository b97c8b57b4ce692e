import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { startConfiguredService, parseConfig } from '@claimflow/runtime';
import { WebConfigSchema } from '../src/config/web.config';
import { webService } from '../src/web.service';

interface Echo {
  method: string;
  url: string;
  contentType: string;
  length: string;
  body: string;
  forwardedFor: string;
  edge: string;
}

/** A stand-in service that answers with exactly what it received. */
function echoServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const echo: Echo = {
        method: req.method!,
        url: req.url!,
        contentType: req.headers['content-type'] ?? '',
        length: req.headers['content-length'] ?? '',
        body: Buffer.concat(chunks).toString(),
        forwardedFor: String(req.headers['x-forwarded-for'] ?? ''),
        edge: String(req.headers['x-claimflow-edge'] ?? ''),
      };
      res.writeHead(207, { 'content-type': 'application/json', 'x-echo': 'yes' });
      res.end(JSON.stringify(echo));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('web service: one origin for the client and the services', () => {
  let echo: Server;
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    echo = await echoServer();
    const echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
    const clientDir = mkdtempSync(join(tmpdir(), 'web-client-'));
    writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>ClaimFlow test shell</title>');
    writeFileSync(join(clientDir, 'app.js'), 'console.log(1)');
    // Port 9 (discard) on loopback refuses connections: a service that is down.
    const config = parseConfig(WebConfigSchema, {
      PORT: '0',
      LOG_LEVEL: 'silent',
      INGEST_URL: echoUrl,
      PRICING_URL: echoUrl,
      FEEDBACK_URL: echoUrl,
      VALIDATOR_URL: 'http://127.0.0.1:9',
      WEB_CLIENT_DIR: clientDir,
      REFDATA_FALLBACK: 'latest',
      EDGE_SECRET: 'web-to-services-test-secret-0123456789',
    });
    app = await startConfiguredService(webService, config);
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await new Promise((r) => echo?.close(r));
  });

  const send = async (path: string, body: string, contentType: string) => {
    const res = await fetch(base + path, { method: 'POST', body, headers: { 'content-type': contentType } });
    return { status: res.status, header: res.headers.get('x-echo'), echo: (await res.json()) as Echo };
  };

  it('forwards a JSON body the platform parser already read, with its status and headers', async () => {
    const claim = { submitterClaimId: 'A-1', lines: [{ code: '77003', units: 1 }] };
    const { status, header, echo } = await send('/api/ingest/v1/claims?wait=10s', JSON.stringify(claim), 'application/json');
    expect([status, header]).toEqual([207, 'yes']);
    expect(echo).toEqual(expect.objectContaining({ method: 'POST', url: '/v1/claims?wait=10s', contentType: 'application/json' }));
    expect(JSON.parse(echo.body)).toEqual(claim);
    expect(Number(echo.length)).toBe(Buffer.byteLength(echo.body));
  });

  it('forwards X12 text and FHIR JSON unchanged in meaning', async () => {
    const x12 = 'ISA*00*          *00*~GS*HC~ST*837*0001~SE*2*0001~';
    expect((await send('/api/ingest/v1/claims', x12, 'application/edi-x12')).echo.body).toBe(x12);
    const fhir = { resourceType: 'Claim', item: [{ productOrService: { coding: [{ code: '62323' }] } }] };
    const forwarded = (await send('/api/ingest/v1/claims', JSON.stringify(fhir), 'application/fhir+json')).echo;
    expect([forwarded.contentType, JSON.parse(forwarded.body)]).toEqual(['application/fhir+json', fhir]);
  });

  it('streams a body no parser reads', async () => {
    const bytes = 'raw bytes \u00e9 kept as sent';
    expect((await send('/api/feedback/v1/anything', bytes, 'application/octet-stream')).echo.body).toBe(bytes);
  });

  it('answers 502 with the service name when a service is down', async () => {
    const res = await fetch(`${base}/api/validator/v1/validate`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(502);
    expect(await res.json()).toEqual(expect.objectContaining({ code: 'SERVICE_UNAVAILABLE', service: 'validator' }));
  });

  it('serves the client, falls back to index.html for page paths, and keeps its own API', async () => {
    expect(await (await fetch(`${base}/app.js`)).text()).toBe('console.log(1)');
    for (const page of ['/', '/codes/77003', '/check', '/report?code=77003']) {
      const res = await fetch(base + page);
      expect([page, res.status, await res.text()]).toEqual([page, 200, expect.stringContaining('ClaimFlow test shell')]);
    }
    const view = (await (await fetch(`${base}/api/codes/77003?date=2025-03-10`)).json()) as { addon: { value: { type: number } } };
    expect(view.addon.value.type).toBe(1);
    expect((await fetch(`${base}/api/codes/7700`)).status).toBe(400);
    expect((await fetch(`${base}/api/codes/99999?date=2025-03-10`)).status).toBe(404);
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('keeps health details of the services inside and sends security headers', async () => {
    for (const path of ['/api/ingest/health/ready', '/api/feedback/health', '/api/pricing/v1/../health/ready']) {
      const res = await fetch(base + path);
      expect([path, res.status, res.headers.get('x-echo')]).toEqual([path, 404, null]);
    }
    const page = await fetch(`${base}/check`);
    expect(page.headers.get('x-powered-by')).toBeNull();
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
  });

  /** A request with its path exactly as written (fetch would normalise it first). */
  const raw = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; echoed: boolean; body: string }>((resolve, reject) => {
      const req = request(`${base}/`, { path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, echoed: res.headers['x-echo'] === 'yes', body: Buffer.concat(chunks).toString() }),
        );
      });
      req.on('error', reject);
      req.end();
    });

  it('answers 400 or 404 to every walk out of /v1/ (issue 25), never the service', async () => {
    for (const service of ['ingest', 'pricing', 'feedback'])
      for (const inside of ['metrics', 'health/ready', 'docs', 'openapi.json'])
        for (const walk of ['v1/%2e%2e', 'v1/%2E%2E', 'v1/.%2e', 'v1/..%2f..', 'v1/..%5C..', 'v1/..\\..', 'v1/..', 'v1/./..']) {
          const path = `/api/${service}/${walk}/${inside}`;
          const answer = await raw(path);
          expect([path, answer.status, answer.echoed]).toEqual([path, expect.any(Number), false]);
          expect([path, [400, 404].includes(answer.status)]).toEqual([path, true]);
        }
    const walked = await raw('/api/ingest/v1/%2e%2e/metrics');
    expect(walked.status).toBe(400);
    expect(JSON.parse(walked.body)).toMatchObject({ code: 'PATH_NOT_ALLOWED' });
  });

  it('forwards the checked URL and names the client itself, whatever X-Forwarded-For the visitor sent', async () => {
    const answer = await raw('/api/ingest/v1/x/../claims?wait=1s', { 'x-forwarded-for': '203.0.113.9', 'x-claimflow-edge': 'guess' });
    const echoed = JSON.parse(answer.body) as Echo;
    expect(echoed.url).toBe('/v1/claims?wait=1s');
    expect(echoed.forwardedFor).toBe('127.0.0.1');
    expect(echoed.edge).toBe('web-to-services-test-secret-0123456789');
  });
});

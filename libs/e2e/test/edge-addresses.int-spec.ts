import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { connect } from 'node:net';
import { startConfiguredService, parseConfig, startService } from '@claimflow/runtime';
import { mintApiKey } from '@claimflow/http-edge';
import { IngestConfigSchema } from '@claimflow/service-ingest';
import { webService } from '@claimflow/service-web';
import { createTestDatabase, mintTestKey, uniqueSuffix, type TestApiKey, type TestDatabase } from '@claimflow/testing';
import { INGEST_SERVICE } from '@claimflow/service-ingest';
import { databaseUrlOf } from '@claimflow/contracts';

const EDGE_SECRET = 'edge-addresses-test-secret-0123456789';
const LIMIT = 6;
const FAILURES = 3;

interface Answer {
  status: number;
  retryAfter: string | undefined;
  code?: string;
}

/** A GET from a chosen loopback source address (all of 127.0.0.0/8 is this host), with headers as written. */
function get(url: string, from: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { localAddress: from, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        const code = text.startsWith('{') ? (JSON.parse(text) as { code?: string }).code : undefined;
        resolve({ status: res.statusCode!, retryAfter: res.headers['retry-after'] as string | undefined, code });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const FORGED = ['203.0.113.1', '203.0.113.2', '198.51.100.7', '10.0.0.9', '127.0.0.99'];

describe('addresses that cannot be forged: per-address and failed-authentication limits (real Postgres and Kafka)', () => {
  let db: TestDatabase;
  let ingest: INestApplication;
  let web: INestApplication;
  let ingestUrl: string;
  let webUrl: string;
  let key: TestApiKey;

  beforeAll(async () => {
    db = await createTestDatabase(databaseUrlOf());
    key = await mintTestKey(db.url, { owner: 'org-edge', scopes: ['claims:read'] });
    const config = parseConfig(IngestConfigSchema, {
      KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
      TOPIC_SUFFIX: `.edge-${uniqueSuffix()}`,
      DATABASE_URL: db.url,
      PORT: '0',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_ADDRESS: String(LIMIT),
      AUTH_FAILURES_PER_ADDRESS: String(FAILURES),
      EDGE_SECRET,
    });
    // No consumer group: this instance only answers HTTP.
    ingest = await startConfiguredService(INGEST_SERVICE, config, { consume: false });
    ingestUrl = (await ingest.getUrl()).replace('[::1]', '127.0.0.1');
    web = await startService(webService, {
      PORT: '0',
      LOG_LEVEL: 'silent',
      INGEST_URL: ingestUrl,
      RATE_LIMIT_PER_ADDRESS: String(LIMIT),
      EDGE_SECRET,
      REFDATA_FALLBACK: 'latest',
    });
    webUrl = (await web.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await web?.close();
    await ingest?.close();
    await db?.drop();
  });

  const claimPath = () => `/v1/claims/${randomUUID()}`;

  it('keeps limiting an address sent straight to a service, whatever X-Forwarded-For it forges', async () => {
    const from = '127.0.0.2';
    for (let i = 0; i < LIMIT; i++) expect((await get(ingestUrl + claimPath(), from, key.headers)).status).toBe(404);
    const limited = await get(ingestUrl + claimPath(), from, key.headers);
    expect(limited).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.retryAfter)).toBeGreaterThan(0);
    for (const forged of FORGED) {
      expect((await get(ingestUrl + claimPath(), from, { ...key.headers, 'x-forwarded-for': forged })).status).toBe(429);
      const guessed = { ...key.headers, 'x-forwarded-for': forged, 'x-claimflow-edge': 'not-the-secret-but-as-long-as-it-0123' };
      expect((await get(ingestUrl + claimPath(), from, guessed)).status).toBe(429);
    }
    // /health is never limited: a load balancer's check does not take a busy service out.
    expect((await get(`${ingestUrl}/health`, from)).status).toBe(200);
    // Only web's word (with the edge secret) names another address.
    const vouched = { ...key.headers, 'x-forwarded-for': '203.0.113.50', 'x-claimflow-edge': EDGE_SECRET };
    expect((await get(ingestUrl + claimPath(), from, vouched)).status).toBe(404);
  });

  it('limits a visitor through web by its own address, forged X-Forwarded-For or not, and not its neighbours', async () => {
    const from = '127.0.0.3';
    for (let i = 0; i < LIMIT; i++) expect((await get(`${webUrl}/api/ingest${claimPath()}`, from, key.headers)).status).toBe(404);
    expect(await get(`${webUrl}/api/ingest${claimPath()}`, from, key.headers)).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    for (const forged of FORGED)
      expect((await get(`${webUrl}/api/ingest${claimPath()}`, from, { ...key.headers, 'x-forwarded-for': forged })).status).toBe(429);
    // Another visitor through the same web is its own address at web and at the service.
    expect((await get(`${webUrl}/api/ingest${claimPath()}`, '127.0.0.4', key.headers)).status).toBe(404);
    expect((await get(`${webUrl}/health`, from)).status).toBe(200);
  });

  it('holds an address after a few failed authentications, before any lookup, even with a valid key next', async () => {
    const from = '127.0.0.5';
    for (let i = 0; i < FAILURES; i++)
      expect(await get(ingestUrl + claimPath(), from, { authorization: `Bearer ${mintApiKey().key}` })).toMatchObject({
        status: 401,
        code: 'API_KEY_INVALID',
      });
    const held = await get(ingestUrl + claimPath(), from, key.headers);
    expect(held).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number(held.retryAfter)).toBeGreaterThan(0);
    expect((await get(ingestUrl + claimPath(), from, { ...key.headers, 'x-forwarded-for': FORGED[0] })).status).toBe(429);
    expect((await get(ingestUrl + claimPath(), '127.0.0.6', key.headers)).status).toBe(404);
  });

  it('refuses a key in the URL and two Authorization headers before any lookup', async () => {
    const from = '127.0.0.7';
    expect(await get(`${ingestUrl}${claimPath()}?api_key=${mintApiKey().key}`, from)).toMatchObject({
      status: 400,
      code: 'API_KEY_IN_URL',
    });
    expect(await get(`${webUrl}/api/ingest${claimPath()}?api_key=x`, from)).toMatchObject({ status: 400, code: 'API_KEY_IN_URL' });
    // Written on the socket as is: clients (and Node's parser, into req.headers) keep only one of the two.
    const port = new URL(ingestUrl).port;
    const twice = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: Number(port), localAddress: from }, () =>
        socket.end(
          `GET ${claimPath()} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${key.headers.authorization}\r\n` +
            'Authorization: Bearer x\r\nConnection: close\r\n\r\n',
        ),
      );
      const chunks: Buffer[] = [];
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('end', () => resolve(Buffer.concat(chunks).toString()));
      socket.on('error', reject);
    });
    expect(twice.split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    expect(twice).toContain('"code":"API_KEY_AMBIGUOUS"');
  });
});

import type { INestApplication } from '@nestjs/common';
import { startConfiguredService, parseConfig } from '@claimflow/runtime';
import {
  createTestDatabase,
  kafkaServiceEnv,
  mintTestKey,
  startInfra,
  uniqueSuffix,
  type Infra,
  type TestApiKey,
  type TestDatabase,
} from '@claimflow/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IngestConfigSchema } from '../src/config/ingest.config';
import { INGEST_SERVICE } from '../src/ingest.service';

const fixture = (path: string) => readFileSync(join(__dirname, '../../../libs/domain/src/intake/__fixtures__', path), 'utf8');

describe('ingest HTTP intake: formats, limits and errors', () => {
  let infra: Infra;
  let db: TestDatabase;
  let app: INestApplication;
  let url: string;
  let key: TestApiKey;

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl);
    key = await mintTestKey(db.url, { owner: 'limits', scopes: ['claims:submit', 'claims:read'] });
    const config = parseConfig(IngestConfigSchema, {
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      ...kafkaServiceEnv('ingest', infra.kafkaBrokers),
      TOPIC_SUFFIX: `.limits-${uniqueSuffix()}`,
      DATABASE_URL: db.urls.ingest,
      PORT: '0',
      LOG_LEVEL: 'warn',
      INGEST_MAX_BODY: '64kb',
      INGEST_MAX_CLAIMS: '4',
    });
    app = await startConfiguredService(INGEST_SERVICE, config);
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
    await infra?.stop();
  });

  interface Answer {
    claims: { submitterClaimId: string }[];
    rejected: { errors: { path: string; code: string }[] }[];
    errors: { code: string }[];
    code?: string;
  }
  const post = (body: string, contentType: string) =>
    fetch(`${url}/v1/claims`, { method: 'POST', headers: { 'content-type': contentType, ...key.headers }, body });
  const json = async (res: Response) => (await res.json()) as Answer;

  it('accepts a 50-line 837P claim and rejects a 51-line one with TOO_MANY_LINES', async () => {
    const fifty = await post(fixture('x12/fifty-lines.x12'), 'application/edi-x12');
    expect(fifty.status).toBe(202);
    const fiftyOne = await json(await post(fixture('x12/fifty-one-lines.x12'), 'text/plain'));
    expect(fiftyOne.claims.map((c) => c.submitterClaimId)).toEqual(['L51-002']);
    expect(fiftyOne.rejected[0].errors.map((e) => e.code)).toContain('TOO_MANY_LINES');
  });

  it('answers 422 with every field error when no claim can be normalized', async () => {
    const res = await post(
      JSON.stringify({
        submitterClaimId: 'X',
        placeOfService: '99x',
        billingProvider: { npi: '1234567890' },
        lines: [{ code: '7700', units: 0 }],
      }),
      'application/json',
    );
    expect(res.status).toBe(422);
    const body = await json(res);
    const paths = body.rejected[0].errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining(['placeOfService', 'billingProvider.npi', 'lines[0].code', 'lines[0].units', 'lines[0].dateOfService']),
    );
  });

  it('answers 415 for a content type it does not take', async () => {
    const res = await post('<claim/>', 'application/xml');
    expect(res.status).toBe(415);
    expect((await json(res)).code).toBe('UNSUPPORTED_CONTENT_TYPE');
  });

  it('answers 413 for a body over the size limit', async () => {
    const res = await post(fixture('x12/fifty-lines.x12').repeat(20), 'application/edi-x12');
    expect(res.status).toBe(413);
  });

  it('refuses more claims per submission than configured, with 422 and the reason', async () => {
    const claim = JSON.parse(fixture('scenarios/picc-36569-77001.json'));
    const res = await post(
      JSON.stringify({ claims: Array.from({ length: 5 }, (_, i) => ({ ...claim, submitterClaimId: `MANY-${i}` })) }),
      'application/json',
    );
    expect(res.status).toBe(422);
    expect((await json(res)).errors[0].code).toBe('TOO_MANY_CLAIMS');
  });

  it('takes a FHIR Bundle, accepting the good Claim and reporting the bad one', async () => {
    const res = await post(fixture('fhir/claims.bundle.fhir.json'), 'application/fhir+json');
    expect(res.status).toBe(202);
    const body = await json(res);
    expect(body.claims).toHaveLength(1);
    expect(body.rejected).toHaveLength(1);
  });
});

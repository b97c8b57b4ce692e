import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOPICS } from '@claimflow/contracts';
import { startService } from '@claimflow/runtime';
import {
  freePortBlock,
  TopicRecorder,
  createTestDatabase,
  kafkaServiceEnv,
  mintTestKey,
  startInfra,
  startOwnBroker,
  startTcpProxy,
  uniqueSuffix,
  waitFor,
  type Infra,
  type OwnBroker,
  type TcpProxy,
  type TestApiKey,
  type TestDatabase,
} from '@claimflow/testing';
import { INGEST_SERVICE } from '../src/ingest.service';

const scenario = readFileSync(join(__dirname, '../../../libs/domain/src/intake/__fixtures__/scenarios/picc-36569-77001.json'), 'utf8');
const claim = (submitterClaimId: string) => JSON.stringify({ ...JSON.parse(scenario), submitterClaimId });

/**
 * Ingest with the database or the broker taken away, on a broker of its own (stopped and started
 * here; the shared one is never touched) and Postgres behind a TCP proxy.
 */
describe('ingest through outages (own broker, real Postgres)', () => {
  let infra: Infra;
  let db: TestDatabase;
  let broker: OwnBroker;
  let proxy: TcpProxy;
  let app: INestApplication;
  let url: string;
  let sql: Client;
  let key: TestApiKey;
  let recorder: TopicRecorder;
  const suffix = `.outage-${uniqueSuffix()}`;

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl);
    broker = await startOwnBroker(await freePortBlock(3));
    const server = new URL(db.urls.ingest);
    proxy = await startTcpProxy(server.hostname, Number(server.port || 5432));
    const viaProxy = new URL(db.urls.ingest);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    app = await startService(INGEST_SERVICE, {
      KAFKA_BROKERS: broker.brokers.join(','),
      ...kafkaServiceEnv('ingest', broker.brokers),
      TOPIC_SUFFIX: suffix,
      DATABASE_URL: viaProxy.toString(),
      PORT: '0',
      LOG_LEVEL: 'error',
    });
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    key = await mintTestKey(db.url, { owner: 'outage', scopes: ['claims:submit', 'claims:read'] });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
    recorder = await TopicRecorder.start(broker.brokers, [TOPICS.claimsNormalized + suffix], `outage-recorder${suffix}`);
  }, 240_000);

  afterAll(async () => {
    await recorder?.stop();
    await app?.close();
    await sql?.end();
    await proxy?.close();
    await broker?.destroy();
    await db?.drop();
    await infra?.stop();
  }, 120_000);

  const post = async (body: string) => {
    const started = Date.now();
    const res = await fetch(`${url}/v1/claims`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...key.headers },
      body,
    });
    return { res, ms: Date.now() - started, body: (await res.json()) as { code?: string; claims?: { claimId: string; status: string }[] } };
  };
  const outboxRow = async (claimId: string) =>
    (await sql.query<{ sent_at: Date | null }>('SELECT sent_at FROM claim_outbox WHERE message_key = $1', [claimId])).rows;
  const published = (claimId: string) => recorder.on(TOPICS.claimsNormalized + suffix).filter((m) => m.key === claimId).length;

  it('answers 503 with Retry-After within 5 s while Postgres is away, and accepts again once it is back', async () => {
    await proxy.cut();
    try {
      const down = await post(claim('PG-DOWN-1'));
      expect(down.res.status).toBe(503);
      expect(down.res.headers.get('retry-after')).toBe('5');
      expect(down.body.code).toBe('DATABASE_UNAVAILABLE');
      expect(down.ms).toBeLessThan(5000);
    } finally {
      await proxy.restore();
    }
    // The same claim, retried: accepted (it was never acknowledged), and sent on.
    const up = await waitFor(
      async () => {
        const answer = await post(claim('PG-DOWN-1'));
        return answer.res.status === 202 ? answer : false;
      },
      { description: 'ingest accepting again after Postgres came back', timeoutMs: 30_000, intervalMs: 500 },
    );
    const id = up.body.claims![0]!.claimId;
    expect(up.body.claims![0]!.status).toBe('accepted');
    await waitFor(() => published(id) === 1, { description: 'the accepted claim on claims.normalized', timeoutMs: 30_000 });
  });

  it('acknowledges durably while the broker is down, and publishes once it is back, without a restart', async () => {
    await broker.stop();
    let id: string;
    try {
      const down = await post(claim('BROKER-DOWN-1'));
      // Acknowledged = committed in Postgres with the message it owes; the broker is not needed to accept.
      expect(down.res.status).toBe(202);
      expect(down.ms).toBeLessThan(5000);
      id = down.body.claims![0]!.claimId;
      expect(await outboxRow(id)).toEqual([{ sent_at: null }]);
      const ledger = await sql.query('SELECT status FROM claim_ledger WHERE id = $1', [id]);
      expect(ledger.rows).toEqual([{ status: 'normalized' }]);
    } finally {
      await broker.start();
    }
    // The relay deletes a row only in the transaction that published it: gone = published.
    await waitFor(async () => (await outboxRow(id)).length === 0, {
      description: 'the relay published the claim after the broker came back and deleted its outbox row',
      timeoutMs: 90_000,
      intervalMs: 500,
    });
    await waitFor(() => published(id) >= 1, { description: 'the claim on claims.normalized', timeoutMs: 30_000 });
    // A retry while it was pending, or now, is the same claim, not a second one.
    const again = await post(claim('BROKER-DOWN-1'));
    expect(again.body.claims![0]).toMatchObject({ claimId: id, status: 'duplicate' });
  }, 240_000);
});

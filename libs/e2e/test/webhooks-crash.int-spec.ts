import { Client } from 'pg';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import {
  freePortBlock,
  createTestDatabase,
  kafkaServiceEnv,
  mintTestKey,
  startInfra,
  uniqueSuffix,
  waitFor,
  WebhookReceiver,
  type Infra,
  type TestApiKey,
  type TestDatabase,
} from '@claimflow/testing';
import { ServiceProcess } from './support/service-process';

const CLAIM = join(__dirname, '../../domain/src/intake/__fixtures__/json/lesi-pos22.claim.json');

/**
 * Ingest as its own built process, killed -9 while a webhook delivery is under way (the receiver holds the request
 * unanswered): after the restart the delivery arrives, the same event (webhook-id) signed afresh, nothing lost and
 * nothing announced twice; events older than the 30 days kept are deleted at start unless still pending. Needs
 * `npm run build`.
 */
describe('a webhook survives a crash of ingest (real Postgres, broker, receiver)', () => {
  let infra: Infra;
  let db: TestDatabase;
  let receiver: WebhookReceiver;
  let ingest: ServiceProcess;
  let key: TestApiKey;
  let sql: Client;

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl, { prefix: 'claimflow_webhooks' });
    receiver = await WebhookReceiver.start();
    ingest = new ServiceProcess('ingest', await freePortBlock(1), {
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      ...kafkaServiceEnv('ingest', infra.kafkaBrokers),
      TOPIC_SUFFIX: `.webhooks-crash-${uniqueSuffix()}`,
      DATABASE_URL: db.urls.ingest,
      // info: the audit lines of the webhook's creation are written, and checked for the secret.
      LOG_LEVEL: 'info',
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      // An attempt cut short by the crash is taken again once its lease (timeout + 5 s) is over.
      WEBHOOK_TIMEOUT_MS: '2000',
    });
    await ingest.start();
    key = await mintTestKey(db.url, { owner: 'clinic-crash', scopes: ['claims:submit', 'claims:read'] });
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  }, 120_000);

  afterAll(async () => {
    await ingest?.stop('SIGKILL');
    await sql?.end();
    await receiver?.close();
    await db?.drop();
    await infra?.stop();
  });

  it('delivers after the restart what was under way at the kill -9', async () => {
    const post = (path: string, body: string) =>
      fetch(ingest.url + path, { method: 'POST', headers: { ...key.headers, 'content-type': 'application/json' }, body });
    const created = await post('/v1/webhooks', JSON.stringify({ url: `${receiver.url}/crash`, events: ['claim.final'] }));
    expect(created.status).toBe(201);
    const hook = (await created.json()) as { id: string; secret: string };
    receiver.answerNext('/crash', 'hang');
    const claim = { ...JSON.parse(readFileSync(CLAIM, 'utf8')), submitterClaimId: 'CRASH-1', placeOfService: '99x' };
    const submitted = await post('/v1/claims', JSON.stringify(claim));
    expect(submitted.status).toBe(422);
    const claimId = ((await submitted.json()) as { rejected: { claimId: string }[] }).rejected[0]!.claimId;

    await waitFor(() => receiver.on('/crash').length === 1, { description: 'the first attempt', timeoutMs: 10_000 });
    expect(ingest.log).toContain('webhook.create');
    expect(ingest.log).not.toContain(hook.secret.slice('whsec_'.length));
    await ingest.kill9();
    const { rows: held } = await sql.query('SELECT status, attempts FROM ledger.webhook_delivery');
    expect(held).toEqual([{ status: 'pending', attempts: 1 }]);

    // Beside it, two events from 31 days ago: one delivered (deleted at start, past the 30 days kept), one still pending.
    for (const [id, status] of [
      ['evt_old_done', 'delivered'],
      ['evt_old_pending', 'pending'],
    ]) {
      await sql.query(
        `INSERT INTO ledger.webhook_event (id, owner, type, data, created_at)
        VALUES ($1, 'clinic-crash', 'claim.final', '{}', now() - interval '31 days')`,
        [id],
      );
      await sql.query(
        `INSERT INTO ledger.webhook_delivery (subscription_id, event_id, status, next_attempt_at)
        VALUES ($1, $2, $3, now() + interval '1 day')`,
        [hook.id, id, status],
      );
    }
    await ingest.start();
    await waitFor(() => receiver.on('/crash').length === 2, { description: 'the delivery after the restart', timeoutMs: 30_000 });
    const [first, second] = receiver.on('/crash');
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    const event = new Webhook(hook.secret).verify(second!.body, second!.headers as Record<string, string>);
    expect(event).toMatchObject({ type: 'claim.final', data: { claimId, status: 'rejected' } });
    await waitFor(async () => (await sql.query("SELECT 1 FROM ledger.webhook_delivery WHERE status = 'delivered'")).rowCount === 1, {
      description: 'recorded as delivered',
    });
    const { rows: events } = await sql.query("SELECT count(*)::int AS n FROM ledger.webhook_event WHERE data->>'claimId' = $1", [claimId]);
    expect(events).toEqual([{ n: 1 }]);
    const { rows: old } = await sql.query("SELECT id FROM ledger.webhook_event WHERE id LIKE 'evt_old_%'");
    expect(old).toEqual([{ id: 'evt_old_pending' }]);
  }, 90_000);
});

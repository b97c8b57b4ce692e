import { Client } from 'pg';
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { mintTestKey, waitFor, WebhookReceiver, type TestApiKey } from '@claimflow/testing';
import { startIngest, type RunningIngest } from './support/ingest-app';
import { webhookCalls } from './support/webhook-calls';

/** Webhooks on ingest in-process: the real ledger (Postgres), the real broker, a real receiver on 127.0.0.1. */
describe('webhooks (real Postgres, broker and receiver)', () => {
  let ingest: RunningIngest;
  let receiver: WebhookReceiver;
  let other: TestApiKey;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    ingest = await startIngest('webhooks', {
      WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
      // Short waits, so that a retry shows within the test: 100-200 ms instead of seconds to an hour.
      WEBHOOK_RETRY_BASE_MS: '100',
      WEBHOOK_RETRY_MAX_MS: '200',
      WEBHOOK_TIMEOUT_MS: '2000',
      // Two seconds of retries instead of a day, so that a delivery marked failed shows within the test.
      WEBHOOK_RETRY_WINDOW_MS: '2000',
    });
    other = await mintTestKey(ingest.db.url, { owner: 'clinic-b', scopes: ['claims:submit', 'claims:read'] });
  });

  afterAll(async () => {
    await ingest?.close();
    await receiver?.close();
  });

  const { call, subscribe, rejectedClaim, deliveries } = webhookCalls(
    () => ingest,
    () => receiver,
  );

  it('sends claim.final signed per Standard Webhooks, to the owner’s webhook only', async () => {
    const mine = await subscribe(ingest.key, '/mine');
    const theirs = await subscribe(other, '/theirs');
    expect(mine.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const claimId = await rejectedClaim(ingest.key, 'HOOK-1');
    await waitFor(() => receiver.on('/mine').length === 1, { description: 'the webhook', timeoutMs: 10_000 });
    const got = receiver.on('/mine')[0]!;
    const event = new Webhook(mine.secret).verify(got.body, got.headers as Record<string, string>) as {
      type: string;
      data: Record<string, unknown>;
    };
    expect(event).toMatchObject({ type: 'claim.final', data: { claimId, submitterClaimId: 'HOOK-1', status: 'rejected' } });
    expect(got.headers['webhook-id']).toMatch(/^evt_/);
    expect(() => new Webhook(theirs.secret).verify(got.body, got.headers as Record<string, string>)).toThrow();
    await waitFor(async () => (await deliveries(ingest.key, mine.id)).deliveries[0]?.status === 'delivered', { description: 'delivered' });
    expect((await deliveries(ingest.key, mine.id)).deliveries[0]).toMatchObject({
      attempts: 1,
      lastResponseCode: 200,
      eventType: 'claim.final',
    });
    expect(receiver.on('/theirs')).toHaveLength(0);
  });

  it('retries after the receiver answered 500, with the same webhook-id, and redelivers on request', async () => {
    const hook = await subscribe(ingest.key, '/flaky');
    receiver.answerNext('/flaky', 500);
    await rejectedClaim(ingest.key, 'HOOK-2');
    await waitFor(async () => (await deliveries(ingest.key, hook.id)).deliveries[0]?.status === 'delivered', { description: 'retried' });
    const [first, second] = receiver.on('/flaky');
    expect(receiver.on('/flaky')).toHaveLength(2);
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    const [delivery] = (await deliveries(ingest.key, hook.id)).deliveries;
    expect(delivery).toMatchObject({ attempts: 2, lastResponseCode: 200 });

    const again = await call(ingest.key, 'POST', `/v1/webhooks/${hook.id}/deliveries/${delivery!.id}/redeliver`);
    expect(again.status).toBe(202);
    await waitFor(() => receiver.on('/flaky').length === 3, { description: 'redelivered' });
    expect(
      new Webhook(hook.secret).verify(receiver.on('/flaky')[2]!.body, receiver.on('/flaky')[2]!.headers as Record<string, string>),
    ).toBeTruthy();
  });

  it('marks a delivery failed once its retry window is over, with the last response code', async () => {
    const hook = await subscribe(ingest.key, '/down');
    receiver.answerNext('/down', ...Array<number>(200).fill(503));
    await rejectedClaim(ingest.key, 'HOOK-DOWN');
    await waitFor(async () => (await deliveries(ingest.key, hook.id)).deliveries[0]?.status === 'failed', {
      description: 'failed',
      timeoutMs: 10_000,
    });
    const [delivery] = (await deliveries(ingest.key, hook.id)).deliveries;
    expect(delivery).toMatchObject({ lastResponseCode: 503 });
    expect(delivery!.attempts).toBeGreaterThan(2);
    expect(receiver.on('/down')).toHaveLength(delivery!.attempts);
    expect(delivery!.nextAttemptAt).toBeUndefined();
  });

  it('signs with the new secret once rotated; never shows a secret when listing', async () => {
    const hook = await subscribe(ingest.key, '/rotated');
    const rotated = await call(ingest.key, 'POST', `/v1/webhooks/${hook.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(hook.secret);
    await rejectedClaim(ingest.key, 'HOOK-3');
    await waitFor(() => receiver.on('/rotated').length === 1, { description: 'the webhook' });
    const got = receiver.on('/rotated')[0]!;
    expect(() => new Webhook(hook.secret).verify(got.body, got.headers as Record<string, string>)).toThrow();
    expect(new Webhook(rotated.body.secret).verify(got.body, got.headers as Record<string, string>)).toBeTruthy();
    const listed = await call(ingest.key, 'GET', '/v1/webhooks');
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
  });

  it('sends remittance.matched once per claim for all the lines one 835 recorded in a transaction', async () => {
    const hook = await subscribe(ingest.key, '/remits', ['remittance.matched']);
    const sql = new Client({ connectionString: ingest.db.url });
    await sql.connect();
    try {
      const claimId = randomUUID();
      await sql.query(
        `INSERT INTO ledger.claim_ledger (id, submitter_id, submitter_claim_id, content_hash, format, status, correlation_id)
         VALUES ($1, $2, 'REMIT-1', 'h-remit-1', 'json', 'validated', 'seed')`,
        [claimId, ingest.key.owner],
      );
      // As the remittance repository records an 835's lines: one transaction, a row per line.
      await sql.query('BEGIN');
      for (const line of [1, 2])
        await sql.query(
          `INSERT INTO ledger.remit_line_outcome (claim_id, line_number, submitter_id, outcome, carc_codes, rarc_codes, charge_cents,
             paid_cents, claim_status, payer_claim_control_number) VALUES ($1, $2, $3, 'paid', '{}', '{}', 1000, 800, '1', 'PCCN-9')`,
          [claimId, line, ingest.key.owner],
        );
      await sql.query('COMMIT');
      await waitFor(() => receiver.on('/remits').length === 1, { description: 'remittance.matched' });
      const got = receiver.on('/remits')[0]!;
      expect(new Webhook(hook.secret).verify(got.body, got.headers as Record<string, string>)).toMatchObject({
        type: 'remittance.matched',
        data: { claimId, submitterClaimId: 'REMIT-1', claimStatus: '1', payerClaimControlNumber: 'PCCN-9' },
      });
      await waitFor(async () => (await deliveries(ingest.key, hook.id)).deliveries[0]?.status === 'delivered', {
        description: 'delivered',
      });
      expect((await deliveries(ingest.key, hook.id)).deliveries).toHaveLength(1);
    } finally {
      await sql.end();
    }
  });

  it('keeps owners apart: another owner’s webhook is a 404 to every route', async () => {
    const hook = await subscribe(ingest.key, '/private');
    const delivery = (await deliveries(ingest.key, hook.id)).deliveries[0]?.id ?? '00000000-0000-4000-8000-000000000000';
    for (const [method, path] of [
      ['GET', `/v1/webhooks/${hook.id}/deliveries`],
      ['POST', `/v1/webhooks/${hook.id}/rotate-secret`],
      ['POST', `/v1/webhooks/${hook.id}/deliveries/${delivery}/redeliver`],
      ['DELETE', `/v1/webhooks/${hook.id}`],
    ] as const) {
      const res = await call(other, method, path);
      expect([path, res.status, res.body.code]).toEqual([path, 404, 'WEBHOOK_NOT_FOUND']);
    }
    expect((await call(other, 'GET', '/v1/webhooks')).body.webhooks).not.toContainEqual(expect.objectContaining({ id: hook.id }));
    expect((await call(ingest.key, 'DELETE', `/v1/webhooks/${hook.id}`)).status).toBe(204);
    expect((await call(ingest.key, 'DELETE', `/v1/webhooks/${hook.id}`)).status).toBe(404);
  });

  it('refuses an owner’s eleventh webhook', async () => {
    const busy = await mintTestKey(ingest.db.url, { owner: 'clinic-busy', scopes: ['claims:read'] });
    for (let i = 0; i < 10; i++) await subscribe(busy, `/busy-${i}`);
    const eleventh = await call(busy, 'POST', '/v1/webhooks', { url: `${receiver.url}/busy-10`, events: ['claim.final'] });
    expect([eleventh.status, eleventh.body.code]).toEqual([409, 'WEBHOOK_LIMIT']);
  });

  it('refuses receivers on private, link-local and loopback addresses the operator did not allow (SSRF)', async () => {
    for (const url of [
      'https://10.0.0.1/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]:8080/hook',
      'https://localhost/hook',
    ]) {
      const res = await call(ingest.key, 'POST', '/v1/webhooks', { url, events: ['claim.final'] });
      expect([url, res.status, res.body.code, res.headers.get('content-type')]).toEqual([
        url,
        422,
        'WEBHOOK_URL_REFUSED',
        expect.stringContaining('application/problem+json'),
      ]);
    }
    const bad = await call(ingest.key, 'POST', '/v1/webhooks', { url: receiver.url, events: ['claim.paid'] });
    expect([bad.status, bad.body.code]).toEqual([400, 'BODY_INVALID']);
  });
});

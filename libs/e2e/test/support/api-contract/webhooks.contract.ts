import { mintTestKey } from '@claimflow/testing';
import { Client } from 'pg';
import { json, type ContractContext } from './context';

const withDatabase = async (url: string, use: (sql: Client) => Promise<void>) => {
  const sql = new Client({ connectionString: url });
  await sql.connect();
  try {
    await use(sql);
  } finally {
    await sql.end();
  }
};

/** Ingest's webhook subscriptions, their deliveries and redelivery. */
export function webhooksContract(ctx: ContractContext): void {
  it('ingest: webhooks created, listed, rotated, their deliveries listed and redelivered, deleted; refusals', async () => {
    const c = ctx.clients.ingest;
    const hooks = await mintTestKey(ctx.h.db.url, { owner: 'contract-hooks', scopes: ['claims:read'] });
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
    await withDatabase(ctx.h.db.url, async (sql) => {
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
    expect((await c.call('POST', template, redeliver, { headers: ctx.submitter.headers })).status).toBe(404);
    expect((await c.call('GET', '/v1/webhooks', '/v1/webhooks', { headers: ctx.reporter.headers })).status).toBe(403);
    expect((await c.call('DELETE', '/v1/webhooks/{id}', `/v1/webhooks/${id}`, as())).status).toBe(204);
    expect((await c.call('DELETE', '/v1/webhooks/{id}', `/v1/webhooks/${id}`, as())).status).toBe(404);
  });
}

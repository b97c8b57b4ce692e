import { clientAnswering, json, problem } from '../test/fake-ingest';
import { createWebhook, deleteWebhook, listWebhookDeliveries, listWebhooks, redeliverWebhook, rotateWebhookSecret } from './webhooks';

const hook = {
  id: 'w-1',
  url: 'https://pm.test/hooks',
  events: ['claim.final'],
  createdAt: '2026-12-06T00:00:00Z',
  links: { deliveries: '' },
};

describe('SDK webhook calls', () => {
  it('creates a webhook with its events and answers it with the secret shown once', async () => {
    const { client, sent } = clientAnswering(() => json(201, { ...hook, secret: 'whsec_abc' }, { location: '/v1/webhooks/w-1' }));
    expect(await createWebhook(client, { url: hook.url, events: ['claim.final'] })).toMatchObject({ id: 'w-1', secret: 'whsec_abc' });
    expect(sent[0]).toMatchObject({ method: 'POST', body: JSON.stringify({ url: hook.url, events: ['claim.final'] }) });
    expect(sent[0].url.pathname).toBe('/v1/webhooks');
    expect(sent[0].headers.get('content-type')).toBe('application/json');
  });

  it('lists, rotates, deletes, reads deliveries and redelivers, each on its route', async () => {
    const answers = [
      json(200, { webhooks: [hook] }),
      json(200, { ...hook, secret: 'whsec_new' }),
      json(200, { deliveries: [{ id: 'd-1', status: 'failed', attempts: 3, lastResponseCode: 500 }] }),
      json(202, { id: 'd-1', status: 'pending' }),
      new Response(null, { status: 204 }),
    ];
    const { client, sent } = clientAnswering(() => answers[sent.length - 1]);
    expect((await listWebhooks(client)).map((w) => w.id)).toEqual(['w-1']);
    expect((await rotateWebhookSecret(client, 'w-1')).secret).toBe('whsec_new');
    expect((await listWebhookDeliveries(client, 'w-1'))[0]).toMatchObject({ status: 'failed', lastResponseCode: 500 });
    expect(await redeliverWebhook(client, 'w-1', 'd-1')).toMatchObject({ status: 'pending' });
    await expect(deleteWebhook(client, 'w-1')).resolves.toBeUndefined();
    expect(sent.map((s) => `${s.method} ${s.url.pathname}`)).toEqual([
      'GET /v1/webhooks',
      'POST /v1/webhooks/w-1/rotate-secret',
      'GET /v1/webhooks/w-1/deliveries',
      'POST /v1/webhooks/w-1/deliveries/d-1/redeliver',
      'DELETE /v1/webhooks/w-1',
    ]);
  });

  it('throws a refused webhook as a typed problem naming the fields', async () => {
    const errors = [{ path: 'url', code: 'URL_REFUSED', message: 'm' }];
    const { client } = clientAnswering(() => problem(422, 'WEBHOOK_URL_REFUSED', { errors }));
    await expect(createWebhook(client, { url: 'http://10.0.0.1/', events: ['claim.final'] })).rejects.toMatchObject({
      status: 422,
      code: 'WEBHOOK_URL_REFUSED',
      message: 'POST /v1/webhooks answered 422 WEBHOOK_URL_REFUSED: d (url)',
    });
  });

  it('a missing webhook on delete is a 404 problem, not a silent success', async () => {
    const { client } = clientAnswering(() => problem(404, 'WEBHOOK_NOT_FOUND'));
    await expect(deleteWebhook(client, 'w-9')).rejects.toMatchObject({ status: 404, code: 'WEBHOOK_NOT_FOUND' });
  });
});

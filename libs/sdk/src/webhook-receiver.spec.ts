import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { verifyWebhook, webhookReceiver, type VerifiedDelivery } from './webhook-receiver';

const secret = `whsec_${Buffer.from('a'.repeat(32)).toString('base64')}`;
const other = `whsec_${Buffer.from('b'.repeat(32)).toString('base64')}`;
const body = JSON.stringify({
  type: 'claim.final',
  timestamp: '2026-12-06T00:00:00Z',
  data: { claimId: 'c-1', submitterClaimId: 'PM-1', status: 'priced' },
});
const signed = (key: string, at = new Date(), payload = body) => ({
  'webhook-id': 'evt_1',
  'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
  'webhook-signature': new Webhook(key).sign('evt_1', at, payload),
});

describe('webhook receiver (Standard Webhooks)', () => {
  it('verifies a signed delivery and answers its event and id', () => {
    expect(verifyWebhook(secret, body, signed(secret))).toEqual({ webhookId: 'evt_1', event: JSON.parse(body) });
  });

  it('refuses another secret, a changed body and a stale timestamp; accepts the new or old secret during a rotation', () => {
    expect(() => verifyWebhook(secret, body, signed(other))).toThrow();
    expect(() => verifyWebhook(secret, body.replace('priced', 'rejected'), signed(secret))).toThrow();
    expect(() => verifyWebhook(secret, body, signed(secret, new Date(Date.now() - 10 * 60_000)))).toThrow();
    expect(verifyWebhook([other, secret], body, signed(secret)).webhookId).toBe('evt_1');
  });

  describe('as an HTTP handler', () => {
    let server: Server;
    let url: string;
    const received: VerifiedDelivery[] = [];
    let failNext = false;

    beforeAll(async () => {
      const onEvent = (d: VerifiedDelivery) => {
        if (failNext) throw new Error('not stored');
        received.push(d);
      };
      server = createServer(webhookReceiver({ secret: () => secret, onEvent }));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    const post = (headers: Record<string, string>, payload = body) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: payload }).then((r) => r.status);

    it('answers 204 to a verified delivery after onEvent, 400 to a bad signature, 500 when onEvent threw', async () => {
      expect(await post(signed(secret))).toBe(204);
      expect(received.map((d) => ('claimId' in d.event.data ? d.event.data.claimId : undefined))).toEqual(['c-1']);
      expect(await post(signed(other))).toBe(400);
      failNext = true;
      expect(await post(signed(secret))).toBe(500);
      expect(received).toHaveLength(1);
    });

    it('drops a body over 64 KB without reading on or calling onEvent', async () => {
      failNext = false;
      const big = JSON.stringify({ type: 'claim.final', padding: 'x'.repeat(70 * 1024) });
      const status = await post(signed(secret, new Date(), big), big).catch(() => 'connection closed');
      expect(status).toBe('connection closed');
      expect(received).toHaveLength(1);
    });
  });
});

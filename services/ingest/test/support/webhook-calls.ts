import type { WebhookDelivery, WebhookWithSecret } from '@claimflow/contracts';
import type { TestApiKey, WebhookReceiver } from '@claimflow/testing';
import { fixture, submissionHeaders, type RunningIngest } from './ingest-app';

/** The calls the webhook tests make to an ingest (started later: hence the getters), as one owner or another. */
export function webhookCalls(ingestOf: () => RunningIngest, receiverOf: () => WebhookReceiver) {
  const call = async (key: TestApiKey, method: string, path: string, body?: unknown) => {
    const res = await fetch(ingestOf().url + path, {
      method,
      headers: { ...key.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> & WebhookWithSecret,
    };
  };
  /** A webhook to the receiver at `path`. */
  const subscribe = async (key: TestApiKey, path: string, events = ['claim.final']) => {
    const created = await call(key, 'POST', '/v1/webhooks', { url: receiverOf().url + path, events });
    if (created.status !== 201) throw new Error(`webhook not created: ${created.status} ${String(created.body.code)}`);
    return created.body;
  };
  /** A claim intake rejects (a made-up place of service): final at once, without validator or pricing. */
  const rejectedClaim = async (key: TestApiKey, submitterClaimId: string) => {
    const body = JSON.stringify({ ...JSON.parse(fixture('json/lesi-pos22.claim.json')), submitterClaimId, placeOfService: '99x' });
    const ingest = ingestOf();
    const res = await fetch(`${ingest.url}/v1/claims`, {
      method: 'POST',
      headers: { ...submissionHeaders(ingest, 'application/json'), ...key.headers },
      body,
    });
    if (res.status !== 422) throw new Error(`expected the claim rejected (422), got ${res.status}`);
    return ((await res.json()) as { rejected: { claimId: string }[] }).rejected[0]!.claimId;
  };
  const deliveries = async (key: TestApiKey, id: string) =>
    (await call(key, 'GET', `/v1/webhooks/${id}/deliveries`)).body as unknown as { deliveries: WebhookDelivery[] };
  return { call, subscribe, rejectedClaim, deliveries };
}

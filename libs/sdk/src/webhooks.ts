import type { IngestClient, IngestPaths } from './clients';
import { dataOf } from './problem';

type Webhooks = IngestPaths['/v1/webhooks'];

/** Where to send which events: `{ url, events: ['claim.final', 'remittance.matched'] }`. */
export type WebhookRequest = Webhooks['post']['requestBody']['content']['application/json'];
export type WebhookEventType = WebhookRequest['events'][number];
/** A webhook as listed (never its secret). */
export type Webhook = Webhooks['get']['responses'][200]['content']['application/json']['webhooks'][number];
/** A webhook just created, or its secret just rotated: the only time the `whsec_...` secret is shown. */
export type WebhookWithSecret = Webhooks['post']['responses'][201]['content']['application/json'];
export type WebhookDelivery =
  IngestPaths['/v1/webhooks/{id}/deliveries']['get']['responses'][200]['content']['application/json']['deliveries'][number];
export type QueuedRedelivery =
  IngestPaths['/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver']['post']['responses'][202]['content']['application/json'];

/**
 * POST /v1/webhooks: registers a receiver for the key owner's events. Store the answer's `secret`: it verifies every
 * delivery's signature (`verifyWebhook`, `webhookReceiver`) and is not shown again.
 */
export async function createWebhook(client: IngestClient, webhook: WebhookRequest): Promise<WebhookWithSecret> {
  return dataOf('POST /v1/webhooks', await client.POST('/v1/webhooks', { body: webhook }));
}

/** GET /v1/webhooks: the key owner's webhooks. */
export async function listWebhooks(client: IngestClient): Promise<Webhook[]> {
  return dataOf('GET /v1/webhooks', await client.GET('/v1/webhooks')).webhooks;
}

/** DELETE /v1/webhooks/{id}: removes the webhook and its pending deliveries. */
export async function deleteWebhook(client: IngestClient, webhookId: string): Promise<void> {
  dataOf('DELETE /v1/webhooks/{id}', await client.DELETE('/v1/webhooks/{id}', { params: { path: { id: webhookId } } }));
}

/** POST /v1/webhooks/{id}/rotate-secret: a new secret, answered once; the old one signs nothing from now on. */
export async function rotateWebhookSecret(client: IngestClient, webhookId: string): Promise<WebhookWithSecret> {
  const answer = await client.POST('/v1/webhooks/{id}/rotate-secret', { params: { path: { id: webhookId } } });
  return dataOf('POST /v1/webhooks/{id}/rotate-secret', answer);
}

/** GET /v1/webhooks/{id}/deliveries: the latest deliveries, newest first (status, attempts, last response code). */
export async function listWebhookDeliveries(client: IngestClient, webhookId: string): Promise<WebhookDelivery[]> {
  const answer = await client.GET('/v1/webhooks/{id}/deliveries', { params: { path: { id: webhookId } } });
  return dataOf('GET /v1/webhooks/{id}/deliveries', answer).deliveries;
}

/** POST /v1/webhooks/{id}/deliveries/{deliveryId}/redeliver: sends a delivery again, with a fresh retry window. */
export async function redeliverWebhook(client: IngestClient, webhookId: string, deliveryId: string): Promise<QueuedRedelivery> {
  const path = { id: webhookId, deliveryId };
  const answer = await client.POST('/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', { params: { path } });
  return dataOf('POST /v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', answer);
}

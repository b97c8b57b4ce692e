import { DeliveryQueueRepository } from './delivery/delivery-queue.repository';
import { WebhookDeliveryWorker } from './delivery/webhook-delivery.worker';
import { WebhookDeliveriesHttpController } from './webhook-deliveries.http.controller';
import { WebhookRepository } from './webhook.repository';
import { WebhookSecrets } from './webhook-secrets';
import { WebhooksHandler } from './webhooks.handler';
import { WebhooksHttpController } from './webhooks.http.controller';

/** The webhooks slice as ingest's module mounts it: subscriptions over HTTP, and the delivery worker. */
export const WEBHOOK_CONTROLLERS = [WebhooksHttpController, WebhookDeliveriesHttpController];
export const WEBHOOK_PROVIDERS = [WebhookRepository, WebhookSecrets, WebhooksHandler, DeliveryQueueRepository, WebhookDeliveryWorker];

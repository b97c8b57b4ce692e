import { z } from 'zod';
import {
  CreateWebhookSchema,
  WEBHOOK_EVENT_SCHEMAS,
  WEBHOOK_EVENT_TYPES,
  WebhookDeliveryListSchema,
  WebhookDeliverySchema,
  WebhookListSchema,
  WebhookWithSecretSchema,
} from '../http/webhooks.schema';
import { errorAnswer, type ParameterSpec, type RouteSpec, type WebhookSpec } from './openapi-builder';

const id: ParameterSpec = { name: 'id', in: 'path', description: 'the webhook’s id', schema: z.string() };
const deliveryId: ParameterSpec = { name: 'deliveryId', in: 'path', description: 'the delivery’s id', schema: z.string() };
const notFound = errorAnswer('No webhook (or delivery) of the key’s owner with this id (WEBHOOK_NOT_FOUND, DELIVERY_NOT_FOUND)');
const common = { tags: ['webhooks'], bearer: true } as const;

/** /v1/webhooks: an owner's subscriptions, their secrets (shown once) and their deliveries. Needs claims:read. */
export const WEBHOOK_ROUTES: RouteSpec[] = [
  {
    ...common,
    method: 'post',
    path: '/v1/webhooks',
    operationId: 'createWebhook',
    summary: 'Subscribe a receiver to events; the answer holds its signing secret, shown only this once',
    requestBody: { required: true, content: { 'application/json': CreateWebhookSchema } },
    responses: {
      '201': { description: 'Created; Location names it', content: { 'application/json': WebhookWithSecretSchema } },
      '400': errorAnswer('Not JSON, or url/events wrong (JSON_MALFORMED, BODY_INVALID)'),
      '409': errorAnswer('The owner has the most webhooks allowed (WEBHOOK_LIMIT)'),
      '415': errorAnswer('Not application/json (UNSUPPORTED_CONTENT_TYPE)'),
      '422': errorAnswer(
        'The receiver’s address is refused: private, loopback, link-local, unresolvable, or http in production (WEBHOOK_URL_REFUSED)',
      ),
    },
  },
  {
    ...common,
    method: 'get',
    path: '/v1/webhooks',
    operationId: 'listWebhooks',
    summary: 'The key owner’s webhooks (never their secrets)',
    responses: { '200': { description: 'Webhooks, oldest first', content: { 'application/json': WebhookListSchema } } },
  },
  {
    ...common,
    method: 'delete',
    path: '/v1/webhooks/{id}',
    operationId: 'deleteWebhook',
    summary: 'Unsubscribe: nothing more is sent to it, pending deliveries included',
    parameters: [id],
    responses: { '204': { description: 'Deleted' }, '404': notFound },
  },
  {
    ...common,
    method: 'post',
    path: '/v1/webhooks/{id}/rotate-secret',
    operationId: 'rotateWebhookSecret',
    summary: 'A new signing secret, shown only in this answer; the old one signs nothing more',
    parameters: [id],
    responses: {
      '200': { description: 'The webhook with its new secret', content: { 'application/json': WebhookWithSecretSchema } },
      '404': notFound,
    },
  },
  {
    ...common,
    method: 'get',
    path: '/v1/webhooks/{id}/deliveries',
    operationId: 'listWebhookDeliveries',
    summary: 'The webhook’s latest 100 deliveries, newest first: status, attempts, last response code',
    parameters: [id],
    responses: { '200': { description: 'Deliveries', content: { 'application/json': WebhookDeliveryListSchema } }, '404': notFound },
  },
  {
    ...common,
    method: 'post',
    path: '/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver',
    operationId: 'redeliverWebhook',
    summary: 'Send a delivery again now (delivered or failed ones too), with a fresh retry window',
    parameters: [id, deliveryId],
    responses: { '202': { description: 'Queued', content: { 'application/json': WebhookDeliverySchema } }, '404': notFound },
  },
];

const SIGNATURE_HEADERS: ParameterSpec[] = [
  {
    name: 'webhook-id',
    in: 'header',
    required: true,
    description: 'the event id: the same on every attempt (deduplicate on it)',
    schema: z.string(),
  },
  { name: 'webhook-timestamp', in: 'header', required: true, description: 'Unix seconds of this attempt', schema: z.string() },
  {
    name: 'webhook-signature',
    in: 'header',
    required: true,
    description: 'v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>" under the secret> (Standard Webhooks)',
    schema: z.string(),
  },
];

const SUMMARIES: Record<(typeof WEBHOOK_EVENT_TYPES)[number], string> = {
  'claim.final': 'A claim reached its final status (priced, rejected, replaced or voided)',
  'remittance.matched': 'An 835 claim payment was matched to a claim and its lines recorded',
};

/** Each event as a subscriber receives it: signed per Standard Webhooks, retried until a 2xx. */
export const WEBHOOK_EVENTS: WebhookSpec[] = WEBHOOK_EVENT_TYPES.map((event) => ({
  event,
  summary: SUMMARIES[event],
  headers: SIGNATURE_HEADERS,
  body: WEBHOOK_EVENT_SCHEMAS[event],
  responses: {
    '2XX': { description: 'Received: not sent again' },
    default: { description: 'Anything else, a timeout or a redirect: retried with backoff for 24 hours, then failed' },
  },
}));

import { z } from 'zod';
import type { FinalClaimStatus } from '@claimflow/domain';

/** The events a webhook can subscribe to (submission.acknowledged follows with submissions). */
export const WEBHOOK_EVENT_TYPES = ['claim.final', 'remittance.matched'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** Most webhooks one owner may have: enough for one per environment and system, few enough to fan out cheaply. */
export const MAX_WEBHOOKS_PER_OWNER = 10;

/** The final statuses of the lifecycle (a spec checks them against FINAL_CLAIM_STATUSES). */
export const CLAIM_FINAL_STATUSES = ['priced', 'rejected', 'replaced', 'voided'] as const satisfies readonly FinalClaimStatus[];

const timestamp = z.string().meta({ format: 'date-time' });

/** POST /v1/webhooks: where to send which events. */
export const CreateWebhookSchema = z.strictObject({
  url: z
    .string()
    .max(2048)
    .meta({ description: 'the receiver; https (http only for hosts the operator allows, e.g. 127.0.0.1 in the demo)' }),
  events: z
    .array(z.enum(WEBHOOK_EVENT_TYPES))
    .min(1)
    .max(WEBHOOK_EVENT_TYPES.length)
    .refine((events) => new Set(events).size === events.length, 'each event once')
    .meta({ description: 'the events to receive' }),
});
export type CreateWebhook = z.output<typeof CreateWebhookSchema>;

/** A webhook as listed: never its secret. */
export const WebhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
  createdAt: timestamp,
  links: z.object({ deliveries: z.string() }),
});

/** The answer to creating a webhook or rotating its secret: the only time the secret is shown. */
export const WebhookWithSecretSchema = WebhookSchema.extend({
  secret: z.string().meta({
    description: 'whsec_<base64>: verifies webhook-signature (Standard Webhooks); shown only now, store it',
  }),
});

export const WebhookListSchema = z.object({ webhooks: z.array(WebhookSchema) });

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

/** One event's delivery to one webhook. */
export const WebhookDeliverySchema = z.object({
  id: z.string(),
  eventId: z.string().meta({ description: 'the webhook-id header of every attempt' }),
  eventType: z.enum(WEBHOOK_EVENT_TYPES),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastResponseCode: z.number().int().optional().meta({ description: 'the receiver’s last HTTP status' }),
  lastError: z.string().optional().meta({ description: 'why the last attempt got no answer (timeout, refused, address refused)' }),
  lastAttemptAt: timestamp.optional(),
  nextAttemptAt: timestamp.optional().meta({ description: 'while pending' }),
  createdAt: timestamp,
});

/** GET /v1/webhooks/{id}/deliveries: newest first, the latest 100. */
export const WebhookDeliveryListSchema = z.object({ deliveries: z.array(WebhookDeliverySchema) });

/** Every delivery's body (Standard Webhooks): the type, when the event happened, and its data. */
const envelope = <T extends WebhookEventType, D extends z.ZodType>(type: T, data: D) =>
  z.object({ type: z.literal(type), timestamp, data });

export const ClaimFinalEventSchema = envelope(
  'claim.final',
  z.object({
    claimId: z.string(),
    submitterClaimId: z.string(),
    status: z.enum(CLAIM_FINAL_STATUSES),
    replacedBy: z.string().optional(),
  }),
).meta({ description: 'A claim reached a final status; read it (edits, price, errors) at GET /v1/claims/{claimId}' });

export const RemittanceMatchedEventSchema = envelope(
  'remittance.matched',
  z.object({
    claimId: z.string(),
    submitterClaimId: z.string().optional(),
    claimStatus: z.string().meta({ description: 'CLP02 of the claim payment' }),
    payerClaimControlNumber: z.string(),
  }),
).meta({ description: 'An 835 answered lines of a claim; its payer outcome is in GET /v1/claims/{claimId}' });

export const WEBHOOK_EVENT_SCHEMAS: Readonly<Record<WebhookEventType, z.ZodType>> = {
  'claim.final': ClaimFinalEventSchema,
  'remittance.matched': RemittanceMatchedEventSchema,
};

export type Webhook = z.output<typeof WebhookSchema>;
export type WebhookWithSecret = z.output<typeof WebhookWithSecretSchema>;
export type WebhookDelivery = z.output<typeof WebhookDeliverySchema>;

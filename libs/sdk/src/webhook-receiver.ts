import type { IncomingMessage, ServerResponse } from 'node:http';
import { Webhook as StandardWebhook } from 'standardwebhooks';
import type { IngestWebhooks } from './clients';

/** A delivery's body, by event type (the OpenAPI document's `webhooks` section). */
export type WebhookEvent = {
  [T in keyof IngestWebhooks]: IngestWebhooks[T]['post']['requestBody']['content']['application/json'];
}[keyof IngestWebhooks];
export type ClaimFinalEvent = Extract<WebhookEvent, { type: 'claim.final' }>;

export interface VerifiedDelivery {
  /** `webhook-id`: the event's id, the same on every attempt; deduplicate on it (deliveries are at least once). */
  readonly webhookId: string;
  readonly event: WebhookEvent;
}

/** Events are thin (ids and statuses, well under 1 KB); a bigger body is no ClaimFlow delivery. */
const MAX_DELIVERY_BYTES = 64 * 1024;

const header = (headers: Record<string, string | string[] | undefined>, name: string): string => {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? '';
};

/**
 * Verifies a delivery per Standard Webhooks (HMAC-SHA256 of `webhook-id.webhook-timestamp.body` under the secret,
 * the timestamp within 5 minutes) and answers its event; throws `WebhookVerificationError` otherwise. `secrets`: the
 * webhook's `whsec_...` secret, or the new and the old one while a rotation reaches the receiver.
 */
export function verifyWebhook(
  secrets: string | readonly string[],
  body: string,
  headers: Record<string, string | string[] | undefined>,
): VerifiedDelivery {
  const signed = {
    'webhook-id': header(headers, 'webhook-id'),
    'webhook-timestamp': header(headers, 'webhook-timestamp'),
    'webhook-signature': header(headers, 'webhook-signature'),
  };
  const all = typeof secrets === 'string' ? [secrets] : secrets;
  let failure: unknown;
  for (const secret of all) {
    try {
      return { webhookId: signed['webhook-id'], event: new StandardWebhook(secret).verify(body, signed) as WebhookEvent };
    } catch (error) {
      failure = error;
    }
  }
  throw failure ?? new Error('no webhook secret given');
}

/**
 * A Node HTTP handler receiving ClaimFlow's deliveries: reads the body (at most 64 KB), verifies its signature and
 * calls `onEvent`; answers 204 once `onEvent` returned (ClaimFlow sends it no more), 400 to a bad signature or body,
 * 500 if `onEvent` threw (ClaimFlow retries it with backoff). `http.createServer(webhookReceiver({ secret, onEvent }))`.
 */
export function webhookReceiver(options: {
  /** The secret(s), or a function answering them at each delivery (a receiver started before its webhook existed). */
  secret: string | readonly string[] | (() => string | readonly string[]);
  onEvent: (delivery: VerifiedDelivery) => unknown;
}): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DELIVERY_BYTES) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      let delivery: VerifiedDelivery;
      try {
        const secret = typeof options.secret === 'function' ? options.secret() : options.secret;
        delivery = verifyWebhook(secret, Buffer.concat(chunks).toString('utf8'), req.headers);
      } catch {
        res.writeHead(400).end();
        return;
      }
      Promise.resolve()
        .then(() => options.onEvent(delivery))
        .then(
          () => res.writeHead(204).end(),
          () => res.writeHead(500).end(),
        );
    });
  };
}

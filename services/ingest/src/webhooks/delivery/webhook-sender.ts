import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { addressesOf, isAllowedHost, isPublicAddress, type ReceiverPolicy } from '../receiver-address';

export interface SignedRequest {
  readonly url: string;
  readonly secret: string;
  readonly eventId: string;
  readonly body: string;
}

/** A receiver's answer (its status) or why there was none. */
export type SendOutcome = { readonly status: number } | { readonly error: string };

/** Most of a receiver's answer read (and dropped) before the connection is let go: only the status counts. */
const MAX_ANSWER_BYTES = 64 * 1024;

class AddressRefused extends Error {}

/**
 * Resolves the host at connect time and refuses the connection when any address is private (unless the host is
 * allowed): the address checked is the address connected to, so a name re-pointed after the webhook was created
 * (DNS rebinding) reaches nothing private.
 */
function guardedLookup(policy: ReceiverPolicy): LookupFunction {
  return (host, options, callback) => {
    addressesOf(host).then(
      (addresses) => {
        if (addresses.length === 0 || (!isAllowedHost(host, policy) && !addresses.every(isPublicAddress)))
          return callback(new AddressRefused('address refused'), '', 0);
        const all = addresses.map((address) => ({ address, family: isIP(address) }));
        if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: typeof all) => void)(null, all);
        callback(null, all[0]!.address, all[0]!.family);
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, '', 0),
    );
  };
}

/**
 * Sends one signed delivery (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature made by the
 * standardwebhooks library) as a POST; a redirect is an answer like any non-2xx, never followed.
 */
export function sendSigned(req: SignedRequest, policy: ReceiverPolicy, timeoutMs: number): Promise<SendOutcome> {
  const url = new URL(req.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !isAllowedHost(host, policy) && !isPublicAddress(host)) return Promise.resolve({ error: 'address refused' });
  const sentAt = new Date();
  const signature = new Webhook(req.secret).sign(req.eventId, sentAt, req.body);
  const options: RequestOptions = {
    method: 'POST',
    lookup: guardedLookup(policy),
    headers: {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(req.body),
      'user-agent': 'ClaimFlow-Webhooks/1',
      'webhook-id': req.eventId,
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'webhook-signature': signature,
    },
    signal: AbortSignal.timeout(timeoutMs),
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const outgoing = send(url, options, (answer) => {
      let read = 0;
      answer.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_ANSWER_BYTES) answer.destroy();
      });
      answer.on('close', () => resolve({ status: answer.statusCode ?? 0 }));
      answer.on('error', () => resolve({ status: answer.statusCode ?? 0 }));
    });
    outgoing.on('error', (error: Error & { code?: string }) => resolve({ error: describe(error) }));
    outgoing.end(req.body);
  });
}

/** Why a request got no answer, in words that name no address or value. */
function describe(error: Error & { code?: string }): string {
  if (error instanceof AddressRefused) return 'address refused';
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return 'timeout';
  return error.code ? `connection failed (${error.code})` : 'connection failed';
}

import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { NextFunction, Request, Response } from 'express';

/** The header by which web vouches for the X-Forwarded-For it sets: the shared EDGE_SECRET, never logged. */
export const EDGE_SECRET_HEADER = 'x-claimflow-edge';

type AddressedRequest = { clientAddress?: string; ip?: string; socket?: { remoteAddress?: string } };

/** A secret kept as its SHA-256, so that comparing a presented value takes the same time whatever its length. */
export const secretDigest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/** Whether a presented value is the secret (compared as SHA-256 digests, in constant time). */
export function matchesSecret(presented: string | string[] | undefined, digest: Buffer | null): boolean {
  return digest !== null && typeof presented === 'string' && timingSafeEqual(secretDigest(presented), digest);
}

/**
 * The one address every per-address limit counts. A service believes X-Forwarded-For only when the request
 * carries the edge secret (web sends it, with the address web saw); anything else counts as its socket's
 * address (or, with TRUST_PROXY, as what that one load balancer says), whatever X-Forwarded-For it brings.
 */
export function clientAddressMiddleware(edgeSecret: string | undefined) {
  const digest = edgeSecret ? secretDigest(edgeSecret) : null;
  return (req: Request, _res: Response, next: NextFunction): void => {
    const forwarded = req.headers['x-forwarded-for'];
    const vouched = matchesSecret(req.headers[EDGE_SECRET_HEADER], digest) && typeof forwarded === 'string';
    const address = vouched ? forwarded.trim() : undefined;
    (req as AddressedRequest).clientAddress = address && isIP(address) ? address : (req.ip ?? req.socket.remoteAddress ?? 'unknown');
    // Not passed on to handlers, logs or any other service.
    delete req.headers[EDGE_SECRET_HEADER];
    next();
  };
}

/** The client address the edge settled on for this request. */
export function clientAddressOf(req: object): string {
  const r = req as AddressedRequest;
  return r.clientAddress ?? r.ip ?? r.socket?.remoteAddress ?? 'unknown';
}

import type { NextFunction, Request, Response } from 'express';
import { writeProblem } from '../problem/problem';

/** Query parameter names that carry credentials by convention (OAuth's access_token, api_key, ...). */
const CREDENTIAL_PARAMETER = /^(?:api[_-]?key|apikey|key|access[_-]?token|token|auth|authorization|bearer)$/i;

/**
 * Whether a request line carries a credential: an API key anywhere in it (even percent-encoded), or a query
 * parameter named as one. Such a URL ends up in browser histories, proxies and access logs, so it is refused.
 */
export function keyInUrl(url: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    decoded = url;
  }
  if (/cf_live_/i.test(url) || /cf_live_/i.test(decoded)) return true;
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return false;
  for (const name of new URLSearchParams(url.slice(queryAt + 1)).keys()) if (CREDENTIAL_PARAMETER.test(name)) return true;
  return false;
}

/** How many Authorization headers arrived (Node keeps only the first in req.headers and drops the rest silently). */
export function authorizationCount(rawHeaders: readonly string[]): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i].toLowerCase() === 'authorization') count++;
  return count;
}

const refuse = (res: Response, code: string, field: string, message: string) => writeProblem(res, 400, { code, field, message });

/** 400 API_KEY_IN_URL and 400 API_KEY_AMBIGUOUS, before any handler, log line or key lookup sees the request. */
export function credentialChecks(req: Request, res: Response, next: NextFunction): void {
  if (keyInUrl(req.originalUrl ?? req.url))
    return refuse(res, 'API_KEY_IN_URL', 'query', 'never put an API key in a URL; send it as "Authorization: Bearer <key>"');
  if (authorizationCount(req.rawHeaders) > 1)
    return refuse(res, 'API_KEY_AMBIGUOUS', 'Authorization', 'send exactly one Authorization header');
  next();
}

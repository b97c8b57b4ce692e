import { isIP } from 'node:net';
import { z } from 'zod';

const originList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().url('expected an origin such as https://app.example.org')));

const count = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** A secret of 32+ characters, or none (unset or empty, as compose passes an unset variable). */
const secret = (name: string) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.string().min(32, `${name} must be at least 32 characters`).optional());

/** The HTTP edge every service shares: rate limits, CORS, time limits, proxies trusted for client addresses. */
export const EdgeConfigSchema = z.object({
  /** Origins allowed to call the APIs from a browser; empty (the default) = CORS closed. */
  CORS_ORIGINS: originList.default([]),
  RATE_LIMIT_WINDOW_MS: count(60_000),
  /** Requests per window from one client address. */
  RATE_LIMIT_PER_ADDRESS: count(1200),
  /** Requests per window with one API key, whatever address they come from. */
  RATE_LIMIT_PER_KEY: count(1200),
  /** Requests per window from one client address to the public, keyless claim check. */
  RATE_LIMIT_PUBLIC_CHECK: count(20),
  /** Requests in flight at once before 503 OVERLOADED (health and metrics exempt); see DEFAULT_ADMISSION_LIMIT. */
  ADMISSION_LIMIT: count(64),
  /** Longest a request may take, body included (above ingest's longest ?wait=). */
  REQUEST_TIMEOUT_MS: count(75_000),
  /** Failed authentications (unknown, revoked or malformed keys) per window from one client address; then 429. */
  AUTH_FAILURES_PER_ADDRESS: count(30),
  /**
   * Express "trust proxy" for the one load balancer in front of web (its exact address), whose X-Forwarded-For
   * then names the visitor; 'false' (the default) takes the client address from the socket. Never a range.
   */
  TRUST_PROXY: z
    .string()
    .default('false')
    .refine((v) => v === 'false' || isIP(v) !== 0, 'TRUST_PROXY must be false or the one load balancer address, never a range'),
  /** Shared by web and the services: web sends it with the visitor's address; the services believe no other. */
  EDGE_SECRET: secret('EDGE_SECRET'),
  /** When set, GET /metrics needs "Authorization: Bearer <METRICS_TOKEN>"; unset, /metrics is open except in production. */
  METRICS_TOKEN: secret('METRICS_TOKEN'),
  /** The deployment is served over HTTPS: helmet then sends HSTS and upgrade-insecure-requests (never on plain HTTP). */
  SERVED_OVER_TLS: z.stringbool().default(false),
});

export type EdgeConfig = z.infer<typeof EdgeConfigSchema>;

/** Settings a production deployment must give (no secret has a default): checked once at boot. */
export function edgeConfigProblems(config: EdgeConfig & { readonly NODE_ENV: string }): string[] {
  const problems: string[] = [];
  if (config.NODE_ENV === 'production' && !config.EDGE_SECRET) problems.push('EDGE_SECRET: required in production');
  return problems;
}

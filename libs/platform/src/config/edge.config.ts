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
  /** Longest a request may take, body included (above ingest's longest ?wait=). */
  REQUEST_TIMEOUT_MS: count(75_000),
  /** Express "trust proxy": whose X-Forwarded-For names the client address (the web proxy on loopback by default). */
  TRUST_PROXY: z.string().default('loopback'),
});

export type EdgeConfig = z.infer<typeof EdgeConfigSchema>;

import { z } from 'zod';

/** A WEBHOOK_SECRETS_KEY: 32 bytes, base64. */
const SecretsKey = z
  .string()
  .refine((s) => Buffer.from(s, 'base64').length === 32, 'WEBHOOK_SECRETS_KEY must be 32 bytes, base64 (openssl rand -base64 32)');

/** Ingest's webhook settings (merged into IngestConfigSchema; parsed once with it). */
export const WEBHOOK_CONFIG_FIELDS = {
  /**
   * Receivers the operator allows although their address is private, loopback or link-local, and over http:
   * host names or addresses, comma-separated (the demo: 127.0.0.1). Empty: only public https receivers.
   */
  WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((h) =>
          h
            .trim()
            .toLowerCase()
            .replace(/^\[|\]$/g, ''),
        )
        .filter(Boolean),
    ),
  /**
   * Key sealing each webhook's signing secret in the ledger (AES-256-GCM): a copy of the database alone signs
   * nothing. Required in production; elsewhere a fixed development key is used when unset.
   */
  WEBHOOK_SECRETS_KEY: SecretsKey.optional(),
  /** Deliveries in flight at once, per ingest process. */
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** How long a receiver has to answer one attempt. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** The first retry's ceiling; each later one doubles it (full jitter), up to WEBHOOK_RETRY_MAX_MS. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(5_000),
  WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(10).default(3_600_000),
  /** How long a delivery is retried before it is marked failed (at least a day unless shortened for tests). */
  WEBHOOK_RETRY_WINDOW_MS: z.coerce.number().int().min(1_000).default(86_400_000),
};

/** Production refuses to start without a key of its own for the webhook secrets. */
export function webhookSecretsKeyRequiredInProduction(
  config: { NODE_ENV: string; WEBHOOK_SECRETS_KEY?: string },
  ctx: z.RefinementCtx,
): void {
  if (config.NODE_ENV === 'production' && !config.WEBHOOK_SECRETS_KEY)
    ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRETS_KEY'], message: 'required in production' });
}

export interface WebhookSettings {
  readonly WEBHOOK_ALLOWED_HOSTS: readonly string[];
  readonly WEBHOOK_SECRETS_KEY?: string;
  readonly WEBHOOK_CONCURRENCY: number;
  readonly WEBHOOK_TIMEOUT_MS: number;
  readonly WEBHOOK_RETRY_BASE_MS: number;
  readonly WEBHOOK_RETRY_MAX_MS: number;
  readonly WEBHOOK_RETRY_WINDOW_MS: number;
  readonly NODE_ENV: string;
}

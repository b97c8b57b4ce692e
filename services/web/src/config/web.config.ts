import { z } from 'zod';
import { BaseConfigSchema } from '@claimflow/runtime';

const serviceUrl = z
  .string()
  .url()
  .transform((u) => u.replace(/\/+$/, ''));

export const WebConfigSchema = BaseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  INGEST_URL: serviceUrl.default('http://127.0.0.1:3001'),
  VALIDATOR_URL: serviceUrl.default('http://127.0.0.1:3002'),
  PRICING_URL: serviceUrl.default('http://127.0.0.1:3003'),
  FEEDBACK_URL: serviceUrl.default('http://127.0.0.1:3004'),
  /** The Vite build output; absent = services/web/dist-client beside this source tree. */
  WEB_CLIENT_DIR: z.string().optional(),
});

export type WebConfig = z.infer<typeof WebConfigSchema>;
export const WEB_CONFIG = Symbol('WEB_CONFIG');

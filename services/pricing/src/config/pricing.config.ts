import { z } from 'zod';
import { BaseConfigSchema } from '@claimflow/platform';

export const PricingConfigSchema = BaseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3003),
});

export type PricingConfig = z.infer<typeof PricingConfigSchema>;

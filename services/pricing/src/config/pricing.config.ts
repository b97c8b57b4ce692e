import { z } from 'zod';
import { BaseConfigSchema } from '@claimflow/platform';

export const PricingConfigSchema = BaseConfigSchema.extend({
  PORT: z.coerce.number().int().positive().default(3003),
});

export type PricingConfig = z.infer<typeof PricingConfigSchema>;

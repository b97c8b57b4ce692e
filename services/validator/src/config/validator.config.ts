import { z } from 'zod';
import { BaseConfigSchema } from '@claimflow/platform';

export const ValidatorConfigSchema = BaseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3002),
});

export type ValidatorConfig = z.infer<typeof ValidatorConfigSchema>;

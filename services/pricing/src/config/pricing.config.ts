import { z } from 'zod';
import { KafkaServiceConfigSchema, kafkaSecurityRequiredInProduction } from '@claimflow/runtime';

export const PricingConfigSchema = KafkaServiceConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3003),
}).superRefine(kafkaSecurityRequiredInProduction);

export type PricingConfig = z.infer<typeof PricingConfigSchema>;

import { z } from 'zod';
import { KafkaServiceConfigSchema, kafkaSecurityRequiredInProduction } from '@claimflow/platform';

export const ValidatorConfigSchema = KafkaServiceConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3002),
}).superRefine(kafkaSecurityRequiredInProduction);

export type ValidatorConfig = z.infer<typeof ValidatorConfigSchema>;

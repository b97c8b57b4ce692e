import type { SASLOptions } from 'kafkajs';
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

/** Optional SASL/SCRAM and TLS towards the broker; a production broker can require both. */
export const KafkaSecurityConfigSchema = z.object({
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  KAFKA_SSL: flag,
});

export type KafkaSecurityConfig = z.infer<typeof KafkaSecurityConfigSchema>;

export interface KafkaConnectionSecurity {
  readonly ssl?: true;
  readonly sasl?: SASLOptions;
}

/** kafkajs `ssl` / `sasl` client options; a mechanism without its username and password is a configuration error. */
export function kafkaConnectionSecurity(config: KafkaSecurityConfig): KafkaConnectionSecurity {
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = config;
  if (mechanism && (!username || !password))
    throw new Error('Invalid configuration:\n  KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD: required when KAFKA_SASL_MECHANISM is set');
  return {
    ...(config.KAFKA_SSL ? { ssl: true as const } : {}),
    ...(mechanism && username && password ? { sasl: { mechanism, username, password } as SASLOptions } : {}),
  };
}

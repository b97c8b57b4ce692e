import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { SASLOptions } from 'kafkajs';
import { z } from 'zod';
import { BaseConfigSchema, ConfigError } from './base.config';

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .default('false')
  .transform((v) => v === 'true' || v === '1');

/**
 * SASL/SCRAM and TLS towards the broker (scripts/kafka.sh's SASL_SSL listener); only the services that use Kafka
 * have these settings: web has no Kafka credentials at all. Required in production (kafkaSecurityRequiredInProduction).
 */
export const KafkaSecurityConfigSchema = z.object({
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  KAFKA_SSL: flag,
  /** PEM file of the CA that signed the broker's certificate (a private CA); implies KAFKA_SSL. */
  KAFKA_SSL_CA_FILE: z.string().min(1).optional(),
});

export type KafkaSecurityConfig = z.infer<typeof KafkaSecurityConfigSchema>;

/** What every Kafka-using service (ingest, validator, pricing, feedback) extends. */
export const KafkaServiceConfigSchema = BaseConfigSchema.merge(KafkaSecurityConfigSchema);
export type KafkaServiceConfig = z.infer<typeof KafkaServiceConfigSchema>;

type SecuritySettings = Partial<KafkaSecurityConfig> & { readonly NODE_ENV?: string };

/** A superRefine for service schemas: in production the broker connection must be authenticated and encrypted. */
export function kafkaSecurityRequiredInProduction(config: SecuritySettings, ctx: z.RefinementCtx): void {
  if (config.NODE_ENV !== 'production') return;
  for (const key of ['KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const)
    if (!config[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required in production (SASL towards Kafka)' });
  if (!config.KAFKA_SSL && !config.KAFKA_SSL_CA_FILE)
    ctx.addIssue({
      code: 'custom',
      path: ['KAFKA_SSL'],
      message: 'required in production (TLS towards Kafka): KAFKA_SSL=true or KAFKA_SSL_CA_FILE',
    });
}

export interface KafkaConnectionSecurity {
  readonly ssl?: true | ConnectionOptions;
  readonly sasl?: SASLOptions;
}

function trustedCa(file: string): ConnectionOptions {
  try {
    return { ca: [readFileSync(file, 'utf8')] };
  } catch (error) {
    throw new ConfigError(
      `Invalid configuration:\n  KAFKA_SSL_CA_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

/** kafkajs `ssl` / `sasl` client options; a mechanism without its username and password is a configuration error. */
export function kafkaConnectionSecurity(config: SecuritySettings): KafkaConnectionSecurity {
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = config;
  if (mechanism && (!username || !password))
    throw new ConfigError('Invalid configuration:\n  KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD: required when KAFKA_SASL_MECHANISM is set');
  const ssl = config.KAFKA_SSL_CA_FILE ? trustedCa(config.KAFKA_SSL_CA_FILE) : config.KAFKA_SSL ? (true as const) : undefined;
  return {
    ...(ssl ? { ssl } : {}),
    ...(mechanism && username && password ? { sasl: { mechanism, username, password } as SASLOptions } : {}),
  };
}

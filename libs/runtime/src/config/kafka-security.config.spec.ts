import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BaseConfigSchema, parseConfig } from './base.config';
import { kafkaConnectionSecurity, kafkaSecurityRequiredInProduction, KafkaServiceConfigSchema } from './kafka-security.config';

describe('Kafka SASL/SCRAM and TLS settings', () => {
  const config = (env: Record<string, string>) => parseConfig(KafkaServiceConfigSchema, env);
  const serviceConfig = (env: Record<string, string>) =>
    parseConfig(KafkaServiceConfigSchema.superRefine(kafkaSecurityRequiredInProduction), env);
  const secured = { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'ingest', KAFKA_SASL_PASSWORD: 'pw' };

  it('connects in plain text without them', () => {
    expect(kafkaConnectionSecurity(config({}))).toEqual({});
  });

  it('passes SCRAM credentials and TLS to the client', () => {
    const env = { KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'ingest', KAFKA_SASL_PASSWORD: 'pw', KAFKA_SSL: 'true' };
    expect(kafkaConnectionSecurity(config(env))).toEqual({
      ssl: true,
      sasl: { mechanism: 'scram-sha-512', username: 'ingest', password: 'pw' },
    });
  });

  it('trusts the private CA named by KAFKA_SSL_CA_FILE, and names the setting when the file is missing', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'kafka-ca-')), 'ca.crt');
    writeFileSync(file, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    expect(kafkaConnectionSecurity(config({ ...secured, KAFKA_SSL_CA_FILE: file }))).toEqual({
      ssl: { ca: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'] },
      sasl: { mechanism: 'scram-sha-512', username: 'ingest', password: 'pw' },
    });
    expect(() => kafkaConnectionSecurity(config({ KAFKA_SSL_CA_FILE: `${file}.missing` }))).toThrow(
      /KAFKA_SSL_CA_FILE: cannot read .*ENOENT/,
    );
  });

  it('refuses to start in production without SASL and TLS, naming each missing setting (never a value)', () => {
    expect(() => serviceConfig({ NODE_ENV: 'production' })).toThrow(
      /KAFKA_SASL_MECHANISM: required in production[\s\S]*KAFKA_SASL_USERNAME: required[\s\S]*KAFKA_SASL_PASSWORD: required[\s\S]*KAFKA_SSL: required in production/,
    );
    expect(() => serviceConfig({ NODE_ENV: 'production', ...secured })).toThrow(
      /^Invalid configuration:\n {2}KAFKA_SSL: required in production/,
    );
    expect(() => serviceConfig({ NODE_ENV: 'production', KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-512' })).toThrow(
      /KAFKA_SASL_USERNAME: required in production/,
    );
    expect(serviceConfig({ NODE_ENV: 'production', ...secured, KAFKA_SSL: 'true' }).KAFKA_SASL_USERNAME).toBe('ingest');
    expect(serviceConfig({ NODE_ENV: 'production', ...secured, KAFKA_SSL_CA_FILE: '/etc/kafka/ca.crt' }).KAFKA_SSL_CA_FILE).toBe(
      '/etc/kafka/ca.crt',
    );
    expect(serviceConfig({ NODE_ENV: 'development' }).KAFKA_SASL_MECHANISM).toBeUndefined();
  });

  it('leaves Kafka credentials out of the settings every service shares (web has none)', () => {
    const shared = parseConfig(BaseConfigSchema, { ...secured, KAFKA_SSL: 'true' }) as Record<string, unknown>;
    expect(Object.keys(shared).filter((key) => /^KAFKA_(SASL|SSL)/.test(key))).toEqual([]);
  });

  it('refuses a mechanism without credentials, and an unknown mechanism, naming the settings only', () => {
    expect(() => kafkaConnectionSecurity(config({ KAFKA_SASL_MECHANISM: 'scram-sha-256' }))).toThrow(
      /KAFKA_SASL_USERNAME, KAFKA_SASL_PASSWORD/,
    );
    expect(() => config({ KAFKA_SASL_MECHANISM: 'gssapi' })).toThrow(/KAFKA_SASL_MECHANISM/);
    expect(() => config({ KAFKA_SSL: 'maybe' })).toThrow(/KAFKA_SSL/);
  });

  it('keeps CORS closed unless origins are configured', () => {
    expect(config({}).CORS_ORIGINS).toEqual([]);
    expect(config({ CORS_ORIGINS: 'https://pm.example.org, https://app.example.org' }).CORS_ORIGINS).toEqual([
      'https://pm.example.org',
      'https://app.example.org',
    ]);
    expect(() => config({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
  });
});

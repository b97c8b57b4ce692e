import { BaseConfigSchema, parseConfig } from './base.config';
import { kafkaConnectionSecurity } from './kafka-security.config';

describe('Kafka SASL/SCRAM and TLS settings', () => {
  const config = (env: Record<string, string>) => parseConfig(BaseConfigSchema, env);

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

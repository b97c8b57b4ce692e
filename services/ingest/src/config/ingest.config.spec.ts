import { parseConfig } from '@claimflow/runtime';
import { IngestConfigSchema } from './ingest.config';

describe('INGEST_INBOX_RETENTION', () => {
  const retention = (value?: string) => parseConfig(IngestConfigSchema, { INGEST_INBOX_RETENTION: value }).INGEST_INBOX_RETENTION;

  it('is seven days unless set, and reads minutes, hours and days', () => {
    expect(retention()).toBe(7 * 86_400_000);
    expect(retention('90m')).toBe(90 * 60_000);
    expect(retention('36h')).toBe(36 * 3_600_000);
    expect(retention('30d')).toBe(30 * 86_400_000);
  });

  it('refuses a malformed value or one under an hour, naming the setting but not the value', () => {
    for (const bad of ['12', '7 days', '-1d', '1.5h', '59m', '0d']) {
      const message = (() => {
        try {
          retention(bad);
        } catch (error) {
          return (error as Error).message;
        }
        return 'accepted';
      })();
      expect(message).toMatch(/INGEST_INBOX_RETENTION/);
      expect(message).not.toContain(bad);
    }
  });
});

describe('Kafka security in production', () => {
  it('refuses to start without SASL and TLS towards the broker, and starts with them', () => {
    expect(() => parseConfig(IngestConfigSchema, { NODE_ENV: 'production' })).toThrow(/KAFKA_SASL_MECHANISM: required in production/);
    const secured = {
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'ingest',
      KAFKA_SASL_PASSWORD: 'pw',
      KAFKA_SSL: 'true',
      WEBHOOK_SECRETS_KEY: Buffer.alloc(32, 7).toString('base64'),
    };
    expect(parseConfig(IngestConfigSchema, { NODE_ENV: 'production', ...secured }).KAFKA_SASL_USERNAME).toBe('ingest');
    const { WEBHOOK_SECRETS_KEY: _key, ...keyless } = secured;
    expect(() => parseConfig(IngestConfigSchema, { NODE_ENV: 'production', ...keyless })).toThrow(
      /WEBHOOK_SECRETS_KEY: required in production/,
    );
  });
});

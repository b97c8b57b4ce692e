import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kafkaClientSecurity, kafkaCredentialsFile, kafkaServiceEnv, registerKafkaCredentials } from './kafka-credentials';

describe('Kafka credentials for tests', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kafka-credentials-'));
  const ca = path.join(dir, 'ca.crt');
  const file = path.join(dir, 'credentials.json');
  writeFileSync(ca, 'PEM');
  writeFileSync(file, JSON.stringify({ mechanism: 'scram-sha-512', ca, users: { admin: 'a-pw', ingest: 'i-pw' } }));
  registerKafkaCredentials(['127.0.0.1:19999'], file);

  it("finds a test's own broker by address, and the shared file otherwise", () => {
    expect(kafkaCredentialsFile(['127.0.0.1:19999'])).toBe(file);
    expect(kafkaCredentialsFile(['127.0.0.1:9092'])).not.toBe(file);
  });

  it('gives kafkajs TLS with the CA and SCRAM for the principal, and a service its settings', () => {
    expect(kafkaClientSecurity('ingest', ['127.0.0.1:19999'])).toEqual({
      ssl: { ca: ['PEM'] },
      sasl: { mechanism: 'scram-sha-512', username: 'ingest', password: 'i-pw' },
    });
    expect(kafkaServiceEnv('admin', ['127.0.0.1:19999'])).toEqual({
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: 'admin',
      KAFKA_SASL_PASSWORD: 'a-pw',
      KAFKA_SSL: 'true',
      KAFKA_SSL_CA_FILE: ca,
    });
  });

  it('names the missing principal or file, never a password', () => {
    expect(() => kafkaClientSecurity('web', ['127.0.0.1:19999'])).toThrow(`no Kafka principal "web" in ${file}`);
    registerKafkaCredentials(['127.0.0.1:19998'], path.join(dir, 'absent.json'));
    expect(() => kafkaServiceEnv('ingest', ['127.0.0.1:19998'])).toThrow(
      /no Kafka credentials at .*absent\.json \(ENOENT\): start the broker/,
    );
  });
});

import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import path from 'node:path';
import { Kafka, logLevel, type SASLOptions } from 'kafkajs';

/** admin is the super user (tests play the PM system and the observer); the others are the services' own principals. */
export type KafkaPrincipal = 'admin' | 'ingest' | 'validator' | 'pricing' | 'feedback';

interface CredentialsFile {
  readonly mechanism: 'scram-sha-512';
  readonly ca: string;
  readonly users: Readonly<Record<string, string>>;
}

const REPO = path.resolve(__dirname, '../../../..');
/** Brokers a test started itself (startOwnBroker) -> the credentials file their scripts/kafka.sh wrote. */
const ownBrokers = new Map<string, string>();

export function registerKafkaCredentials(brokers: readonly string[], file: string): void {
  for (const broker of brokers) ownBrokers.set(broker, file);
}

/** The credentials of these brokers: a test's own broker, else KAFKA_CREDENTIALS_FILE, else <repo>/.kafka/credentials.json. */
export function kafkaCredentialsFile(brokers: readonly string[] = []): string {
  const own = brokers.map((broker) => ownBrokers.get(broker)).find(Boolean);
  return own ?? (process.env.KAFKA_CREDENTIALS_FILE || path.join(REPO, '.kafka/credentials.json'));
}

function credentialsOf(principal: KafkaPrincipal | string, brokers: readonly string[]) {
  const file = kafkaCredentialsFile(brokers);
  let credentials: CredentialsFile;
  try {
    credentials = JSON.parse(readFileSync(file, 'utf8')) as CredentialsFile;
  } catch (error) {
    throw new Error(
      `no Kafka credentials at ${file} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}): start the broker with ` +
        '`bash scripts/kafka.sh start` (KAFKA_DIR/credentials.json) or set KAFKA_CREDENTIALS_FILE',
    );
  }
  const password = credentials.users[principal];
  if (!password) throw new Error(`no Kafka principal "${principal}" in ${file}`);
  return { file, credentials, password };
}

/** kafkajs `ssl` + `sasl` options for one principal of the secured broker (SASL_SSL, SCRAM-SHA-512). */
export function kafkaClientSecurity(
  principal: KafkaPrincipal | string,
  brokers: readonly string[] = [],
): { ssl: ConnectionOptions; sasl: SASLOptions } {
  const { credentials, password } = credentialsOf(principal, brokers);
  return {
    ssl: { ca: [readFileSync(credentials.ca, 'utf8')] },
    sasl: { mechanism: credentials.mechanism, username: principal, password },
  };
}

/** A quiet kafkajs client signed in as `principal` (the admin by default) on the secured broker: tests and benches. */
export function kafkaClientAs(clientId: string, brokers: string[], principal: KafkaPrincipal | string = 'admin'): Kafka {
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING, ...kafkaClientSecurity(principal, brokers) });
}

/** The settings a ClaimFlow service started by a test reads to sign in as `principal` (kafka-security.config.ts). */
export function kafkaServiceEnv(principal: KafkaPrincipal, brokers: readonly string[] = []): Record<string, string> {
  const { credentials, password } = credentialsOf(principal, brokers);
  return {
    KAFKA_SASL_MECHANISM: credentials.mechanism,
    KAFKA_SASL_USERNAME: principal,
    KAFKA_SASL_PASSWORD: password,
    KAFKA_SSL: 'true',
    KAFKA_SSL_CA_FILE: credentials.ca,
  };
}

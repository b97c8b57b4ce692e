// Client settings for one principal of the local broker, read from the credentials file scripts/kafka.sh writes
// ($KAFKA_CREDENTIALS_FILE, else <repo>/.kafka/credentials.json).
//   import { clientSecurity } from './kafka/credentials.mjs'  ->  { ssl: { ca }, sasl: { mechanism, username, password } }
//   node scripts/kafka/credentials.mjs env <principal>         ->  the KAFKA_*=value lines a service reads (for env)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function credentialsFile(env = process.env) {
  return env.KAFKA_CREDENTIALS_FILE || path.join(REPO, '.kafka/credentials.json');
}

export function readCredentials(file = credentialsFile()) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read Kafka credentials at ${file} (start the broker with scripts/kafka.sh): ${error.code ?? error.message}`);
  }
}

export function clientSecurity(principal, file = credentialsFile()) {
  const credentials = readCredentials(file);
  const password = credentials.users?.[principal];
  if (!password) throw new Error(`no Kafka principal "${principal}" in ${file}`);
  return {
    ssl: { ca: [readFileSync(credentials.ca, 'utf8')] },
    sasl: { mechanism: credentials.mechanism, username: principal, password },
  };
}

/**
 * The admin client settings: KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD / KAFKA_SSL_CA_FILE when set (docker-compose's
 * kafka-acls), else the credentials file.
 */
export function adminSecurity(env = process.env) {
  if (!env.KAFKA_SASL_PASSWORD) return clientSecurity('admin', credentialsFile(env));
  if (!env.KAFKA_SSL_CA_FILE) throw new Error('KAFKA_SSL_CA_FILE is required with KAFKA_SASL_PASSWORD');
  return {
    ssl: { ca: [readFileSync(env.KAFKA_SSL_CA_FILE, 'utf8')] },
    sasl: { mechanism: 'scram-sha-512', username: env.KAFKA_SASL_USERNAME || 'admin', password: env.KAFKA_SASL_PASSWORD },
  };
}

/** The environment a ClaimFlow service reads (libs/runtime kafka-security.config.ts). */
export function serviceEnv(principal, file = credentialsFile()) {
  const credentials = readCredentials(file);
  const password = credentials.users?.[principal];
  if (!password) throw new Error(`no Kafka principal "${principal}" in ${file}`);
  return {
    KAFKA_SASL_MECHANISM: credentials.mechanism,
    KAFKA_SASL_USERNAME: principal,
    KAFKA_SASL_PASSWORD: password,
    KAFKA_SSL: 'true',
    KAFKA_SSL_CA_FILE: credentials.ca,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, principal] = process.argv.slice(2);
  if (command !== 'env' || !principal) {
    console.error('usage: node scripts/kafka/credentials.mjs env <principal>');
    process.exit(2);
  }
  // Hex passwords and paths: one KEY=value a line, for `env` (scripts/services.sh) or `export $(...)`.
  for (const [key, value] of Object.entries(serviceEnv(principal))) console.log(`${key}=${value}`);
}

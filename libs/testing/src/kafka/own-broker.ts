import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { registerKafkaCredentials } from './kafka-credentials';

const run = promisify(execFile);
const REPO = path.resolve(__dirname, '../../../..');
const SCRIPT = path.join(REPO, 'scripts/kafka.sh');

export interface OwnBroker {
  readonly brokers: string[];
  /** Its SCRAM users and CA (secured like the shared broker); kafkaClientSecurity/kafkaServiceEnv find it by address. */
  readonly credentialsFile: string;
  /** SIGTERM, waiting for the broker to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data (what was written survives). */
  start(): Promise<void>;
  /** Stops it and removes its data. */
  destroy(): Promise<void>;
}

/**
 * A broker of this test's own (scripts/kafka.sh on another port and data dir), for tests that stop
 * or restart the broker: the shared one on 9092 is never touched. It starts secured (SASL_SSL, ACLs) with users of its own. The broker jars come from
 * KAFKA_LIBS, this checkout's .kafka, or Maven (as for the shared broker).
 */
export async function startOwnBroker(port: number): Promise<OwnBroker> {
  const dir = mkdtempSync(path.join(tmpdir(), 'claimflow-kafka-'));
  const libs = process.env.KAFKA_LIBS ?? path.join(REPO, '.kafka/libs-4.1.1');
  const env = {
    ...process.env,
    KAFKA_PORT: String(port),
    KAFKA_DIR: dir,
    ...(existsSync(libs) ? { KAFKA_LIBS: libs } : {}),
    KAFKA_HEAP_OPTS: '-Xms256m -Xmx256m',
    KAFKA_START_TIMEOUT: '120',
  };
  const kafka = (command: 'start' | 'stop') => run('bash', [SCRIPT, command], { env, timeout: 150_000 }).then(() => undefined);
  await kafka('start');
  const brokers = [`127.0.0.1:${port}`];
  const credentialsFile = path.join(dir, 'credentials.json');
  registerKafkaCredentials(brokers, credentialsFile);
  return {
    brokers,
    credentialsFile,
    stop: () => kafka('stop'),
    start: () => kafka('start'),
    destroy: async () => {
      await kafka('stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

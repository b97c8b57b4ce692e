import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

/** How the CLI reaches the secured broker as its admin principal, and what it tells a PM system. */
export interface BrokerAdmin {
  readonly brokers: readonly string[];
  /** What a PM system connects to (KAFKA_PUBLIC_BROKERS, else the brokers the CLI uses). */
  readonly publicBrokers: readonly string[];
  readonly mechanism: 'scram-sha-512';
  readonly caPem: string;
  readonly caFile: string;
  readonly username: string;
  readonly password: string;
  /** TOPIC_SUFFIX, as the services append it. */
  readonly suffix: string;
  readonly partitions: number;
  readonly kafkaLibs: string;
  readonly repo: string;
}

/** The repository root: where .kafka/ (broker, credentials, jars) lives, from the sources or from dist/. */
function repoRoot(from = __dirname): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir))
    if (existsSync(path.join(dir, 'libs/cli/kafka/ScramUsers.java'))) return dir;
  throw new Error('kafka-credentials: run inside the ClaimFlow repository (libs/cli/kafka/ScramUsers.java not found)');
}

/**
 * Settings from the environment: KAFKA_CREDENTIALS_FILE (default .kafka/credentials.json, written by
 * scripts/kafka.sh: {mechanism, brokers, ca, users: {admin, ...}}), KAFKA_BROKERS, KAFKA_PUBLIC_BROKERS,
 * TOPIC_SUFFIX, KAFKA_PARTITIONS (12, as the services) and KAFKA_LIBS (the broker's jars, for the Java admin client).
 */
export function brokerAdmin(env: NodeJS.ProcessEnv = process.env): BrokerAdmin {
  const repo = repoRoot();
  const file = env.KAFKA_CREDENTIALS_FILE || path.join(repo, '.kafka/credentials.json');
  let credentials: { brokers?: string[]; ca: string; users: Record<string, string> };
  try {
    credentials = JSON.parse(readFileSync(file, 'utf8')) as typeof credentials;
  } catch {
    throw new Error(
      `kafka-credentials: no broker credentials at ${file}; start the broker (bash scripts/kafka.sh start) or set KAFKA_CREDENTIALS_FILE`,
    );
  }
  const brokers = env.KAFKA_BROKERS?.split(',').filter(Boolean) ?? credentials.brokers ?? ['127.0.0.1:9092'];
  const libsDir = path.join(repo, '.kafka');
  const libs = existsSync(libsDir) ? readdirSync(libsDir).filter((d) => d.startsWith('libs-')) : [];
  return {
    brokers,
    publicBrokers: env.KAFKA_PUBLIC_BROKERS?.split(',').filter(Boolean) ?? brokers,
    mechanism: 'scram-sha-512',
    caPem: readFileSync(credentials.ca, 'utf8'),
    caFile: credentials.ca,
    username: 'admin',
    password: credentials.users.admin,
    suffix: env.TOPIC_SUFFIX ?? '',
    partitions: Number(env.KAFKA_PARTITIONS ?? 12),
    kafkaLibs: env.KAFKA_LIBS || path.join(libsDir, libs.sort().at(-1) ?? 'libs-4.1.1'),
    repo,
  };
}

/** kafkajs options of the admin principal. */
export const adminClientOptions = (a: BrokerAdmin) => ({
  brokers: [...a.brokers],
  ssl: { ca: [a.caPem] },
  sasl: { mechanism: a.mechanism, username: a.username, password: a.password },
});

const run = promisify(execFile);

/** ScramUsers.java compiled once into .kafka/cli-classes (javac takes seconds; running the class about two). */
async function scramUsersClasses(a: BrokerAdmin): Promise<string> {
  const source = path.join(a.repo, 'libs/cli/kafka/ScramUsers.java');
  const out = path.join(a.repo, '.kafka/cli-classes');
  const compiled = path.join(out, 'ScramUsers.class');
  if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(source).mtimeMs) {
    mkdirSync(out, { recursive: true });
    await run('javac', ['-nowarn', '-cp', path.join(a.kafkaLibs, '*'), '-d', out, source]);
  }
  return out;
}

/**
 * Runs ScramUsers (Java admin client: KIP-554) with the admin's settings, and the new password when there is one,
 * on its standard input: never on a command line (visible to every user of the machine) or on disk.
 */
export async function scramUsers(a: BrokerAdmin, args: readonly string[], newPassword?: string): Promise<string> {
  const classes = await scramUsersClasses(a);
  const jaas = `org.apache.kafka.common.security.scram.ScramLoginModule required username="${a.username}" password="${a.password}";`;
  const props = [
    `bootstrap.servers=${a.brokers.join(',')}`,
    'security.protocol=SASL_SSL',
    'sasl.mechanism=SCRAM-SHA-512',
    `sasl.jaas.config=${jaas.replace(/[\\:=]/g, '\\$&')}`,
    'ssl.truststore.type=PEM',
    `ssl.truststore.location=${a.caFile.replace(/[\\:=]/g, '\\$&')}`,
    ...(newPassword ? [`claimflow.password=${newPassword}`] : []),
  ].join('\n');
  const classPath = [path.join(a.kafkaLibs, '*'), classes].join(path.delimiter);
  const child = spawn('java', ['-Dorg.slf4j.simpleLogger.defaultLogLevel=error', '-cp', classPath, 'ScramUsers', ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.end(props);
  const code = await new Promise<number>((resolve, reject) => child.on('error', reject).on('close', (c) => resolve(c ?? 1)));
  if (code !== 0) {
    const reason = /Exception: (.*)/.exec(stderr)?.[1] ?? `java exited with ${code}`;
    throw new Error(`kafka-credentials: the broker refused the SCRAM change: ${reason}`);
  }
  return stdout;
}

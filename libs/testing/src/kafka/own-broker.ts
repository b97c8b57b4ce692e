import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { registerKafkaCredentials } from './kafka-credentials';

const run = promisify(execFile);
const REPO = path.resolve(__dirname, '../../../..');
const SCRIPT = path.join(REPO, 'scripts/kafka.sh');
/** scripts/kafka/node.sh: node N of a cluster listens on port + 10*(N-1). */
const NODE_PORT_STEP = 10;

/** One node of a cluster started by startOwnBroker (scripts/kafka.sh with KAFKA_NODE=id). */
export interface OwnBrokerNode {
  /** Its node.id (1-based), as the cluster's metadata names it (partition leaders, ISR). */
  readonly id: number;
  readonly address: string;
  /** SIGKILL (kill -9), waiting for the process to be gone. */
  kill9(): Promise<void>;
  /** SIGTERM, waiting for the broker to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data; resolves once it runs (it then catches up as a follower). */
  start(): Promise<void>;
}

export interface OwnBroker {
  /** Every node's address (one for a single broker). */
  readonly brokers: string[];
  /** Its SCRAM users and CA (secured like the shared broker); kafkaClientSecurity/kafkaServiceEnv find it by address. */
  readonly credentialsFile: string;
  /** The cluster's nodes, to stop, kill or restart one of them (one entry for a single broker). */
  readonly nodes: readonly OwnBrokerNode[];
  /** SIGTERM, waiting for the broker (every node) to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data (what was written survives). */
  start(): Promise<void>;
  /** Stops it and removes its data. */
  destroy(): Promise<void>;
}

export interface OwnBrokerOptions {
  /** 3: a three-node KRaft cluster (KAFKA_NODES=3): topics default to 3 replicas and min.insync.replicas=2. */
  readonly nodes?: number;
}

/**
 * A broker of this test's own (scripts/kafka.sh on another port and data dir), for tests that stop
 * or restart the broker: the shared one on 9092 is never touched. It starts secured (SASL_SSL, ACLs) with users of its own. The broker jars come from
 * KAFKA_LIBS, this checkout's .kafka, or Maven (as for the shared broker). With `nodes: 3` it is a cluster on
 * port, port+10, port+20 (controllers one above each).
 */
export async function startOwnBroker(port: number, options: OwnBrokerOptions = {}): Promise<OwnBroker> {
  const nodeCount = options.nodes ?? 1;
  const dir = mkdtempSync(path.join(tmpdir(), 'claimflow-kafka-'));
  const libs = process.env.KAFKA_LIBS ?? path.join(REPO, '.kafka/libs-4.1.1');
  const env = {
    ...process.env,
    KAFKA_PORT: String(port),
    KAFKA_DIR: dir,
    KAFKA_NODES: String(nodeCount),
    ...(existsSync(libs) ? { KAFKA_LIBS: libs } : {}),
    KAFKA_HEAP_OPTS: '-Xms256m -Xmx256m',
    KAFKA_START_TIMEOUT: '120',
  };
  const kafka = (command: 'start' | 'stop' | 'kill', node?: number) =>
    run('bash', [SCRIPT, command], { env: { ...env, ...(node ? { KAFKA_NODE: String(node) } : {}) }, timeout: 150_000 }).then(
      () => undefined,
    );
  await kafka('start');
  const brokers = Array.from({ length: nodeCount }, (_, i) => `127.0.0.1:${port + NODE_PORT_STEP * i}`);
  const credentialsFile = path.join(dir, 'credentials.json');
  registerKafkaCredentials(brokers, credentialsFile);
  const nodes = brokers.map((address, i) => ({
    id: i + 1,
    address,
    kill9: () => kafka('kill', i + 1),
    stop: () => kafka('stop', i + 1),
    start: () => kafka('start', i + 1),
  }));
  return {
    brokers,
    credentialsFile,
    nodes,
    stop: () => kafka('stop'),
    start: () => kafka('start'),
    destroy: async () => {
      await kafka('stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createTestDatabase,
  kafkaServiceEnv,
  mintTestKey,
  startOwnBroker,
  uniqueSuffix,
  waitFor,
  type OwnBroker,
  type TestDatabase,
} from '@claimflow/testing';
import { countOutcomes, countPerPhase } from './cluster-outcome';
import { diagnose } from './cluster-diagnosis';
import type { ClusterKillReport } from './cluster-report';
import { ClusterMetadata, busiestLeader, underReplicated, type PartitionState } from './cluster-metadata';
import { ServiceProcess } from './service-process';
import { UnreadyWatch } from './unready-watch';
import { databaseUrlOf } from '@claimflow/contracts';

const SCENARIO = join(__dirname, '../../../domain/src/intake/__fixtures__/scenarios/picc-36569-77001.json');
const OWNER = 'cluster';

export type { ClusterKillReport } from './cluster-report';

export interface ClusterKillOptions {
  /** First port of the cluster (nodes on port, +10, +20); the services take port+30.. */
  readonly port: number;
  readonly claims: number;
  readonly perSecond: number;
  /** Where in the traffic the broker is killed, as a fraction of the claims sent. */
  readonly killAt: number;
  readonly settleMs: number;
  readonly log?: (line: string) => void;
}

/**
 * A three-node cluster (KAFKA_NODES=3: RF 3, min.insync.replicas 2), ingest, validator and pricing as built
 * processes, claims over HTTP at a steady rate (each retried with the same content until acknowledged); part way
 * through, kill -9 of the node leading the most partitions, then its restart under the same load. Counted from the
 * ledger: what every acknowledged claim came to; from the cluster's metadata: election and catch-up.
 */
export async function runClusterKill(options: ClusterKillOptions): Promise<ClusterKillReport> {
  const log = options.log ?? (() => undefined);
  const suffix = `.cluster-${uniqueSuffix()}`;
  let broker: OwnBroker | undefined;
  let db: TestDatabase | undefined;
  let metadata: ClusterMetadata | undefined;
  let watch: UnreadyWatch | undefined;
  const services: ServiceProcess[] = [];
  try {
    broker = await startOwnBroker(options.port, { nodes: 3 });
    const brokers = broker.brokers;
    log(`cluster ready: ${brokers.join(', ')}`);
    db = await createTestDatabase(databaseUrlOf(), {
      prefix: 'claimflow_cluster',
    });
    const env = {
      KAFKA_BROKERS: brokers.join(','),
      TOPIC_SUFFIX: suffix,
      KAFKA_PARTITIONS: '6',
      KAFKA_REPLICATION_FACTOR: '3',
      KAFKA_MIN_INSYNC_REPLICAS: '2',
      DATABASE_URL: db.urls.ingest,
      LOG_LEVEL: 'warn',
      REFDATA_FALLBACK: 'latest',
    };
    for (const [i, name] of (['ingest', 'validator', 'pricing'] as const).entries())
      services.push(new ServiceProcess(name, options.port + 30 + i, { ...env, ...kafkaServiceEnv(name, brokers) }));
    const startToReady = Object.fromEntries(await Promise.all(services.map(async (s) => [s.name, await s.start()] as const)));
    log('services ready');
    metadata = await ClusterMetadata.connect(brokers);
    const claimTopics = await metadata.topicsWithSuffix(suffix);
    const watched = [...claimTopics, '__consumer_offsets'];
    const created = await metadata.partitions(claimTopics);
    const minInsync = await metadata.minInsync(claimTopics);
    watch = new UnreadyWatch(services);

    const key = await mintTestKey(db.url, { owner: OWNER, scopes: ['claims:submit', 'claims:read'] });
    const template = JSON.parse(readFileSync(SCENARIO, 'utf8')) as object;
    const acknowledged = new Map<string, string>();
    const phases = new Map<string, string>();
    let phase = 'before the kill';
    const send = async (n: number): Promise<void> => {
      const body = JSON.stringify({ ...template, submitterClaimId: `CLUSTER-${n}` });
      phases.set(`CLUSTER-${n}`, phase);
      for (;;) {
        const res = await fetch(`${services[0]!.url}/v1/claims`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...key.headers },
          body,
          signal: AbortSignal.timeout(10_000),
        }).catch(() => undefined);
        if (res?.status === 202 || res?.status === 200) {
          acknowledged.set(`CLUSTER-${n}`, ((await res.json()) as { claims: { claimId: string }[] }).claims[0]!.claimId);
          return;
        }
        await res?.body?.cancel();
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };

    const figures = { killedNode: 0, partitionsLed: 0, electionSeconds: NaN, restartSeconds: NaN, catchUpSeconds: NaN };
    const fault = async () => {
      const before = await metadata!.partitions(watched);
      const node = busiestLeader(before);
      figures.killedNode = node;
      figures.partitionsLed = before.filter((p) => p.leader === node).length;
      log(`kill -9 node ${node} (leader of ${figures.partitionsLed} partitions)`);
      const killed = Date.now();
      phase = 'kill -9 to new leaders';
      await broker!.nodes[node - 1]!.kill9();
      const led = new Set(before.filter((p) => p.leader === node).map((p) => `${p.topic}/${p.partition}`));
      const reelected = (ps: PartitionState[]) =>
        ps.filter((p) => led.has(`${p.topic}/${p.partition}`)).every((p) => p.leader >= 0 && p.leader !== node);
      await waitFor(async () => reelected(await metadata!.partitions(watched)), {
        description: 'new leaders',
        timeoutMs: 60_000,
        intervalMs: 100,
      });
      figures.electionSeconds = (Date.now() - killed) / 1000;
      phase = 'after new leaders';
      log(`new leaders after ${figures.electionSeconds} s; restarting node ${node}`);
      const restarting = Date.now();
      await broker!.nodes[node - 1]!.start();
      figures.restartSeconds = (Date.now() - restarting) / 1000;
      const running = Date.now();
      await waitFor(async () => underReplicated(await metadata!.partitions(watched)).length === 0, {
        description: 'no under-replicated partition',
        timeoutMs: 120_000,
        intervalMs: 250,
      });
      figures.catchUpSeconds = (Date.now() - running) / 1000;
      log(`node ${node} back in every ISR ${figures.catchUpSeconds} s after it ran`);
    };

    const sends: Promise<void>[] = [];
    let faulting: Promise<void> | undefined;
    const t0 = Date.now();
    for (let n = 0; n < options.claims; n++) {
      const due = t0 + (n * 1000) / options.perSecond;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      sends.push(send(n));
      if (!faulting && n >= options.killAt * options.claims) faulting = fault();
    }
    await Promise.all([...sends, faulting]);
    log(`all ${acknowledged.size} claims acknowledged; waiting for results`);
    const outcome = await countOutcomes(db.url, OWNER, acknowledged, options.settleMs);
    await watch.stop();
    const diagnosis = await diagnose(db.url, OWNER, services, { brokers, topics: claimTopics });
    const perPhase = await countPerPhase(db.url, OWNER, acknowledged, phases);
    const sigtermToExit = Object.fromEntries(await Promise.all(services.map(async (s) => [s.name, await s.stop('SIGTERM')] as const)));
    const after = underReplicated(await metadata.partitions(watched)).length;
    return {
      ...outcome,
      topics: {
        count: claimTopics.length,
        replicas: [...new Set(created.map((p) => p.replicas))],
        minInsync: [...new Set(Object.values(minInsync))],
      },
      ...figures,
      longestUnready: watch.longest,
      unreadyReasons: watch.reasons,
      underReplicatedAfter: after,
      diagnosis,
      perPhase,
      slowestReadiness: watch.slowest,
      startToReady,
      sigtermToExit,
    };
  } finally {
    await watch?.stop();
    await metadata?.close().catch(() => undefined);
    await Promise.all(services.map((s) => s.stop('SIGTERM')));
    await broker?.destroy();
    await db?.drop().catch(() => undefined);
  }
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  freePortBlock,
  createTestDatabase,
  kafkaServiceEnv,
  mintTestKey,
  startOwnBroker,
  startPrivatePostgres,
  uniqueSuffix,
  type OwnBroker,
  type PrivatePostgres,
  type TestDatabase,
} from '@claimflow/testing';
import { countOutcomes, type Acknowledged, type Outcome } from './chaos-count';
import { chaosFaults, type FaultFigures } from './chaos-faults';
import { ReadinessWatch } from './readiness-watch';
import { ServiceProcess } from './service-process';

const SCENARIO = join(__dirname, '../../../domain/src/intake/__fixtures__/scenarios/picc-36569-77001.json');

export interface ChaosOptions {
  readonly claims: number;
  readonly perSecond: number;
  /** How long claims may take to reach their result once the last fault is over. */
  readonly settleMs: number;
  /** How long the broker stays frozen (default 20 s) and Postgres dead (default 8 s). */
  readonly freezeMs?: number;
  readonly postgresDownMs?: number;
  readonly log?: (line: string) => void;
}

export interface ChaosReport extends Outcome {
  /** The same counts for the claims first sent while each fault was under way ('none': between faults). */
  readonly perFault: Record<string, Outcome>;
  /** Seconds from spawn to ready, per restart, per service; and the broker's restart. */
  readonly restartToReady: Record<string, number[]>;
  /** Seconds from SIGTERM to exit, per service (during the broker freeze, and at the end). */
  readonly sigtermToExit: Record<string, number[]>;
  /** The longest /health/ready answer of any service, asked every second all through the run. */
  readonly longestReadiness: { readonly seconds: number; readonly service: string; readonly hung: number };
  /** HTTP answers to the claims, by status (0: no answer: refused, reset or over 10 s). */
  readonly httpAnswers: Record<string, number>;
  /** Exits of a service nobody asked for. */
  readonly unexpectedExits: Record<string, string[]>;
  /** The ledger's rows for these claims, by status. */
  readonly statuses: Record<string, number>;
}

/**
 * Sends `claims` claims over HTTP at a steady rate to the built services (ingest, validator, pricing), each its own
 * process, on a broker and a Postgres cluster of their own, through the faults of chaosFaults. A client retries
 * whatever was not acknowledged (503, refused connection) with the same content. Then counts, from the ledger itself,
 * what every acknowledged claim came to, in all and per fault.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const suffix = `.chaos-${uniqueSuffix()}`;
  // Broker on base..base+2, the three services on base+10..base+12.
  const base = await freePortBlock(13);
  let broker: OwnBroker | undefined;
  let pg: PrivatePostgres | undefined;
  let db: TestDatabase | undefined;
  let watch: ReadinessWatch | undefined;
  const services: ServiceProcess[] = [];
  try {
    const brokerStarted = Date.now();
    broker = await startOwnBroker(base);
    log(`own broker ready in ${((Date.now() - brokerStarted) / 1000).toFixed(1)} s`);
    pg = await startPrivatePostgres(await freePortBlock(1));
    db = await createTestDatabase(pg.url, { prefix: 'claimflow_chaos' });
    const env = {
      KAFKA_BROKERS: broker.brokers.join(','),
      TOPIC_SUFFIX: suffix,
      DATABASE_URL: db.urls.ingest,
      LOG_LEVEL: 'warn',
      REFDATA_FALLBACK: 'latest',
      // The run measures faults, not the edge's rate limits (20/s a key by default; this sends up to 50/s from one).
      RATE_LIMIT_PER_ADDRESS: '1000000',
      RATE_LIMIT_PER_KEY: '1000000',
    };
    // Each service process signs in to the (secured) broker as its own principal.
    const brokers = broker.brokers;
    for (const [i, name] of (['ingest', 'validator', 'pricing'] as const).entries())
      services.push(new ServiceProcess(name, base + 10 + i, { ...env, ...kafkaServiceEnv(name, brokers) }));
    const [ingest] = services as [ServiceProcess, ServiceProcess, ServiceProcess];
    await Promise.all(services.map((s) => s.start()));
    log('services ready');
    watch = new ReadinessWatch(services);

    const key = await mintTestKey(db.url, { owner: 'chaos', scopes: ['claims:submit', 'claims:read'] });
    const template = JSON.parse(readFileSync(SCENARIO, 'utf8')) as object;
    const acknowledged = new Map<string, Acknowledged>();
    const httpAnswers: Record<string, number> = {};
    let faultNow = 'none';
    const send = async (n: number): Promise<void> => {
      const body = JSON.stringify({ ...template, submitterClaimId: `CHAOS-${n}` });
      const fault = faultNow;
      for (;;) {
        const res = await fetch(`${ingest.url}/v1/claims`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...key.headers },
          body,
          signal: AbortSignal.timeout(10_000),
        }).catch(() => undefined);
        httpAnswers[res?.status ?? 0] = (httpAnswers[res?.status ?? 0] ?? 0) + 1;
        if (res && (res.status === 202 || res.status === 200)) {
          const answer = (await res.json()) as { claims: { claimId: string }[] };
          acknowledged.set(`CHAOS-${n}`, { claimId: answer.claims[0]!.claimId, fault });
          return;
        }
        await res?.body?.cancel();
        // As a client should: wait as long as a 503 says (Retry-After, capped at 5 s); a refused connection, a second
        // (at 250 ms, the claims waiting on a restarting ingest flooded it as it came up, on a loaded machine).
        const retryAfter = Math.min(5, Number(res?.headers.get('retry-after') ?? 0) || 1);
        await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
      }
    };
    const figures: FaultFigures = { brokerRestarts: [], sigtermDuringFreeze: [] };
    const faults = chaosFaults({
      broker,
      brokerPort: base,
      pg,
      services: services as [ServiceProcess, ServiceProcess, ServiceProcess],
      freezeMs: options.freezeMs ?? 20_000,
      postgresDownMs: options.postgresDownMs ?? 8_000,
      figures,
    });
    const sends: Promise<void>[] = [];
    let faulting = Promise.resolve();
    const interval = 1000 / options.perSecond;
    const t0 = Date.now();
    for (let n = 0; n < options.claims; n++) {
      const due = t0 + n * interval;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      sends.push(send(n));
      while (faults.length > 0 && n >= faults[0]!.at * options.claims) {
        const fault = faults.shift()!;
        // Faults overlap the traffic but not each other.
        faulting = faulting.then(async () => {
          log(`fault at claim ${n}: ${fault.name}`);
          faultNow = fault.name;
          await fault.run();
          faultNow = 'none';
        });
      }
    }
    await Promise.all([...sends, faulting]);
    log(`all ${acknowledged.size} claims acknowledged; waiting for results`);
    await watch.stop();
    const counted = await countOutcomes(db.url, 'chaos', acknowledged, options.settleMs, log);
    await Promise.all(services.map((s) => s.stop('SIGTERM')));
    return {
      ...counted.total,
      perFault: counted.perFault,
      statuses: counted.statuses,
      restartToReady: { ...Object.fromEntries(services.map((s) => [s.name, s.restarts])), broker: figures.brokerRestarts },
      sigtermToExit: Object.fromEntries(services.map((s) => [s.name, s.sigtermToExit])),
      longestReadiness: { seconds: watch.longestSeconds, service: watch.longestService, hung: watch.hung },
      httpAnswers,
      unexpectedExits: Object.fromEntries(services.map((s) => [s.name, s.unexpectedExits])),
    };
  } finally {
    await watch?.stop();
    await Promise.all(services.map((s) => s.stop('SIGKILL')));
    await broker?.destroy();
    await db?.drop().catch(() => undefined);
    await pg?.destroy();
  }
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  createTestDatabase,
  mintTestKey,
  startOwnBroker,
  uniqueSuffix,
  waitFor,
  type OwnBroker,
  type TestDatabase,
} from '@claimflow/testing';
import { ServiceProcess } from './service-process';

const ROOT = join(__dirname, '../../../..');
const SCENARIO = join(ROOT, 'libs/domain/src/intake/__fixtures__/scenarios/picc-36569-77001.json');
const FINAL = ['priced', 'rejected', 'replaced', 'voided'];
const SERVICES = ['ingest', 'validator', 'pricing'] as const;

export interface ChaosOptions {
  readonly claims: number;
  readonly perSecond: number;
  /** How long claims may take to reach their result once the last fault is over. */
  readonly settleMs: number;
  readonly log?: (line: string) => void;
}

export interface ChaosReport {
  readonly acknowledged: number;
  readonly exactlyOne: number;
  readonly lost: number;
  readonly stuck: number;
  readonly doubled: number;
  /** Seconds from spawn to ready, per restart, per service; and the broker's restart. */
  readonly restartToReady: Record<string, number[]>;
  /** The ledger's rows for these claims, by status. */
  readonly statuses: Record<string, number>;
}

/**
 * Sends `claims` claims over HTTP at a steady rate to the built services, each on its own process,
 * on a broker of its own, while: ingest is killed (-9) mid-publish, the validator is killed (-9),
 * the broker is restarted, and finally everything is killed and restarted. A client retries
 * whatever was not acknowledged (503, refused connection) with the same content. Then counts, from
 * the ledger itself, what every acknowledged claim came to.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const suffix = `.chaos-${uniqueSuffix()}`;
  const base = 20_000 + Math.floor(Math.random() * 4000) * 2;
  let broker: OwnBroker | undefined;
  let db: TestDatabase | undefined;
  const services: ServiceProcess[] = [];
  const sql = () => new Client({ connectionString: db!.url });
  try {
    const brokerStarted = Date.now();
    broker = await startOwnBroker(base);
    log(`own broker ready in ${((Date.now() - brokerStarted) / 1000).toFixed(1)} s`);
    db = await createTestDatabase(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/claimflow', {
      prefix: 'claimflow_chaos',
    });
    const env = {
      KAFKA_BROKERS: broker.brokers.join(','),
      TOPIC_SUFFIX: suffix,
      DATABASE_URL: db.urls.ingest,
      LOG_LEVEL: 'warn',
      REFDATA_FALLBACK: 'latest',
    };
    SERVICES.forEach((name, i) => services.push(new ServiceProcess(name, base + 10 + i, env)));
    const [ingest, validator] = services as [ServiceProcess, ServiceProcess, ServiceProcess];
    await Promise.all(services.map((s) => s.start()));
    log('services ready');

    const key = await mintTestKey(db.url, { owner: 'chaos', scopes: ['claims:submit', 'claims:read'] });
    const template = JSON.parse(readFileSync(SCENARIO, 'utf8')) as object;
    const acknowledged = new Map<string, string>();
    const send = async (n: number): Promise<void> => {
      const body = JSON.stringify({ ...template, submitterClaimId: `CHAOS-${n}` });
      for (;;) {
        const res = await fetch(`${ingest.url}/v1/claims`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...key.headers },
          body,
          signal: AbortSignal.timeout(10_000),
        }).catch(() => undefined);
        if (res && (res.status === 202 || res.status === 200)) {
          const answer = (await res.json()) as { claims: { claimId: string }[] };
          acknowledged.set(`CHAOS-${n}`, answer.claims[0]!.claimId);
          return;
        }
        await res?.body?.cancel();
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
    const brokerRestarts: number[] = [];
    const faults: [number, string, () => Promise<void>][] = [
      [0.2, 'kill -9 ingest mid-publish, restart', () => ingest.restart()],
      [0.4, 'kill -9 validator, restart', () => validator.restart()],
      [
        0.6,
        'restart the broker',
        async () => {
          const t0 = Date.now();
          await broker!.stop();
          await broker!.start();
          brokerRestarts.push((Date.now() - t0) / 1000);
        },
      ],
      [0.8, 'kill -9 everything, restart', () => Promise.all(services.map((s) => s.restart())).then(() => undefined)],
    ];
    const sends: Promise<void>[] = [];
    const faulting: Promise<void>[] = [];
    const interval = 1000 / options.perSecond;
    const t0 = Date.now();
    for (let n = 0; n < options.claims; n++) {
      const due = t0 + n * interval;
      if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
      sends.push(send(n));
      while (faults.length > 0 && n >= faults[0]![0] * options.claims) {
        const [, what, fault] = faults.shift()!;
        log(`fault at claim ${n}: ${what}`);
        // Faults overlap the traffic but not each other.
        faulting.push((faulting[faulting.length - 1] ?? Promise.resolve()).then(fault));
      }
    }
    await Promise.all([...sends, ...faulting]);
    log(`all ${acknowledged.size} claims acknowledged; waiting for results`);

    const client = sql();
    await client.connect();
    try {
      const ids = [...acknowledged.values()];
      const finalCount = async () =>
        Number(
          (
            await client.query<{ n: string }>('SELECT count(*) AS n FROM claim_ledger WHERE id = ANY($1::uuid[]) AND status = ANY($2)', [
              ids,
              FINAL,
            ])
          ).rows[0]!.n,
        );
      await waitFor(async () => (await finalCount()) === ids.length, {
        description: 'every acknowledged claim final',
        timeoutMs: options.settleMs,
        intervalMs: 500,
      }).catch((error: Error) => log(error.message.slice(0, 200)));
      const rows = (
        await client.query<{ id: string; submitter_claim_id: string; status: string }>(
          "SELECT id, submitter_claim_id, status FROM claim_ledger WHERE submitter_id = 'chaos'",
        )
      ).rows;
      const byId = new Map(rows.map((r) => [r.id, r]));
      const perClaim = new Map<string, number>();
      for (const r of rows) perClaim.set(r.submitter_claim_id, (perClaim.get(r.submitter_claim_id) ?? 0) + 1);
      const statuses: Record<string, number> = {};
      for (const r of rows) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      const lost = ids.filter((id) => !byId.has(id)).length;
      const stuck = ids.filter((id) => byId.has(id) && !FINAL.includes(byId.get(id)!.status)).length;
      const doubled = [...perClaim.values()].filter((n) => n > 1).length;
      const exactlyOne = [...acknowledged].filter(
        ([sc, id]) => FINAL.includes(byId.get(id)?.status ?? '') && perClaim.get(sc) === 1,
      ).length;
      return {
        acknowledged: acknowledged.size,
        exactlyOne,
        lost,
        stuck,
        doubled,
        restartToReady: { ...Object.fromEntries(services.map((s) => [s.name, s.restarts])), broker: brokerRestarts },
        statuses,
      };
    } finally {
      await client.end();
    }
  } finally {
    await Promise.all(services.map((s) => s.stop()));
    await broker?.destroy();
    await db?.drop();
  }
}

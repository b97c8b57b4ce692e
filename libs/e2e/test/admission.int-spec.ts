import {
  freePortBlock,
  createTestDatabase,
  kafkaServiceEnv,
  mintTestKey,
  startInfra,
  uniqueSuffix,
  type Infra,
  type TestDatabase,
} from '@claimflow/testing';
import { countOutcomes } from './support/cluster-outcome';
import { flood } from './support/flood';
import { ServiceProcess } from './support/service-process';

const OWNER = 'flood';
/**
 * Clients at once: priced within CI's minute on a shared 2-core machine, and under the per-key rate limit (1,200 a
 * minute) so that only admission control refuses. FLOOD_CLIENTS and FLOOD_ADMISSION_LIMIT override both for
 * measuring (DEFAULT_ADMISSION_LIMIT's figures).
 */
const CLIENTS = Number(process.env.FLOOD_CLIENTS ?? 1_000);
/**
 * The bound ingest runs with here: 16, a sixtieth of the flood, so that the flood exceeds it on any machine. With
 * the default 64 a faster ingest (submissions and results written in batches) answered all 1,000 clients without ever
 * holding 64 at once in one full run (no 503 at all, nothing to test), and with 1,300 refusals in another.
 */
const ADMISSION_LIMIT = process.env.FLOOD_ADMISSION_LIMIT ?? '16';

/**
 * Admission control under a retry flood (ingest, the validator and pricing as built processes, the real broker, a
 * database of their own): every readiness answer within 3 s, every claim answered 202 or 503 OVERLOADED with
 * Retry-After (never another 5xx), and every acknowledged claim priced. Needs `npm run build`.
 */
describe('a retry flood at ingest (admission control)', () => {
  let infra: Infra;
  let db: TestDatabase;
  let services: ServiceProcess[];

  beforeAll(async () => {
    infra = await startInfra();
    db = await createTestDatabase(infra.databaseUrl, { prefix: 'claimflow_flood' });
    const env = {
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      TOPIC_SUFFIX: `.flood-${uniqueSuffix()}`,
      DATABASE_URL: db.urls.ingest,
      LOG_LEVEL: 'warn',
      REFDATA_FALLBACK: 'latest',
      ADMISSION_LIMIT,
    };
    const port = await freePortBlock(3);
    services = (['ingest', 'validator', 'pricing'] as const).map(
      (name, i) => new ServiceProcess(name, port + i, { ...env, ...kafkaServiceEnv(name, infra.kafkaBrokers) }),
    );
    await Promise.all(services.map((s) => s.start()));
  }, 240_000);

  afterAll(async () => {
    await Promise.all((services ?? []).map((s) => s.stop()));
    await db?.drop().catch(() => undefined);
    await infra?.stop();
  }, 60_000);

  it('keeps readiness answering within 3 s, refuses the excess with 503 OVERLOADED + Retry-After, and loses nothing', async () => {
    const key = await mintTestKey(db.url, { owner: OWNER, scopes: ['claims:submit', 'claims:read'] });
    const report = await flood({ url: services[0]!.url, headers: key.headers, clients: CLIENTS, retries: 4, prefix: 'FLOOD' });
    const outcome = await countOutcomes(db.url, OWNER, report.acknowledged, 60_000);
    const { acknowledged, readinessSeconds, ...figures } = report;
    const longest = Math.max(...readinessSeconds);
    console.log(JSON.stringify({ ...figures, acknowledged: acknowledged.size, readinessAsked: readinessSeconds.length, longest, outcome }));
    expect(longest).toBeLessThan(3);
    expect(Object.keys(report.statuses).filter((s) => s !== '202' && s !== '503')).toEqual([]);
    expect(report.statuses['503']).toBeGreaterThan(0);
    expect(report.malformed503).toBe(0);
    expect(acknowledged.size).toBeGreaterThan(0);
    expect({ lost: outcome.lost, stuck: outcome.stuck, doubled: outcome.doubled }).toEqual({ lost: 0, stuck: 0, doubled: 0 });
    expect(outcome.exactlyOne).toBe(acknowledged.size);
    expect(services.flatMap((s) => s.unexpectedExits)).toEqual([]);
  }, 180_000);
});
